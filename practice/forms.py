"""The forms of the public submission (practice/submission_views.py): the start
form (e-mail address, spam defence) and the five steps of the practice example.

Each step form holds plain values (strings, lists of strings) that are stored as
they are in ``Submission.data`` and shown again as the form's initial values; the
page is built from them only when the submission is sent (practice/submission.py).
Choices are read in the language of the form; what is stored is language-neutral:
``translation_key`` of terms and Bundesländer, the page id of a region page, a
criterion's number and the number of its stage."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from criteria.models import CriterionPage
from home.forms import AccessibleFormMixin
from home.models import Bundesland, Handlungsfeld, Lebensphase, Zielgruppe
from regions.models import RegionPage
from security.forms import SpamGuardForm

STEP_COUNT = 5
# Steps 3 and 4: the criteria they assess (by number).
CRITERIA_STEPS = {3: range(1, 7), 4: range(7, 13)}
JUSTIFICATION_MAX = 1000
NOT_ASSESSED = ""

STAMP_SALT = "practice.submission.start"


# --- Step 0: the e-mail address -------------------------------------------------------


class StartForm(AccessibleFormMixin, SpamGuardForm):
    """The e-mail address, with honeypot and signed minimum fill time
    (security/forms.py, PRACTICE_SUBMISSION_MIN_SECONDS)."""

    stamp_salt = STAMP_SALT
    min_seconds_setting = "PRACTICE_SUBMISSION_MIN_SECONDS"

    email = forms.EmailField(
        label=_("Ihre E-Mail-Adresse"),
        help_text=_(
            "Wir senden Ihnen einen Link, mit dem Sie die Adresse bestätigen und die "
            "Einreichung später fortsetzen können. Sie erscheint nirgends öffentlich."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    name = forms.CharField(
        label=_("Ihr Name (freiwillig)"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )


# --- Steps 1–5 ------------------------------------------------------------------------


def _locale(language_code: str) -> Locale:
    return Locale.objects.filter(language_code=language_code).first() or Locale.get_default()


def _term_choices(model, locale: Locale) -> list[tuple[str, str]]:
    rows = model.objects.filter(locale=locale)
    if not rows.exists():
        rows = model.objects.filter(locale=Locale.get_default())
    return [(str(row.translation_key), row.name) for row in rows.order_by("name")]


class StepForm(AccessibleFormMixin, forms.Form):
    """A step of the practice example; ``language`` chooses the choices' language."""

    step: int = 0
    heading: str = ""

    def __init__(self, *args, language: str = "de", **kwargs):
        self.language = language
        self.locale = _locale(language)
        super().__init__(*args, **kwargs)

    def stored(self) -> dict:
        """The typed values as they are kept in ``Submission.data`` (also for an
        invalid form: "Zurück" keeps what was typed)."""
        values = {}
        for name, field in self.fields.items():
            if isinstance(field, forms.MultipleChoiceField):
                values[name] = [str(v) for v in self.data.getlist(name)]
            else:
                values[name] = str(self.data.get(name, "")).strip()
        return values


class PlaceForm(StepForm):
    step = 1
    heading = _("Kommune, Zeitraum und Einordnung")

    region = forms.ChoiceField(
        label=_("Kommune mit Regionenseite"),
        required=False,
        help_text=_("Wählen Sie Ihre Kommune, wenn sie hier eine Regionenseite hat."),
    )
    municipality = forms.CharField(
        label=_("Name der Kommune"),
        max_length=255,
        required=False,
        help_text=_("Wenn Ihre Kommune keine Regionenseite hat"),
    )
    bundesland = forms.ChoiceField(label=_("Bundesland"))
    start_date = forms.DateField(
        label=_("Beginn"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Datum, z. B. 2023-09-01"),
    )
    end_date = forms.DateField(
        label=_("Ende"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Leer lassen, wenn das Angebot noch läuft"),
    )
    handlungsfelder = forms.MultipleChoiceField(
        label=_("Handlungsfelder"), required=False, widget=forms.CheckboxSelectMultiple
    )
    lebensphasen = forms.MultipleChoiceField(
        label=_("Lebensphasen"), required=False, widget=forms.CheckboxSelectMultiple
    )
    zielgruppen = forms.MultipleChoiceField(
        label=_("Zielgruppen"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        regions = RegionPage.objects.live().public().filter(locale=self.locale).order_by("title")
        self.fields["region"].choices = [("", _("– keine Regionenseite –"))] + [
            (str(region.pk), region.title) for region in regions
        ]
        self.fields["bundesland"].choices = [("", _("– bitte wählen –"))] + _term_choices(
            Bundesland, self.locale
        )
        self.fields["handlungsfelder"].choices = _term_choices(Handlungsfeld, self.locale)
        self.fields["lebensphasen"].choices = _term_choices(Lebensphase, self.locale)
        self.fields["zielgruppen"].choices = _term_choices(Zielgruppe, self.locale)

    def clean(self):
        data = super().clean()
        if not data.get("region") and not (data.get("municipality") or "").strip():
            self.add_error(
                "municipality",
                _("Bitte wählen Sie eine Regionenseite oder tragen Sie den Namen der Kommune ein."),
            )
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("Das Ende liegt vor dem Beginn."))
        return data


class DescriptionForm(StepForm):
    step = 2
    heading = _("Beschreibung und Kontakt")

    title = forms.CharField(label=_("Titel des Praxisbeispiels"), max_length=200)
    teaser = forms.CharField(
        label=_("Kurzbeschreibung"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Zwei, drei Sätze für die Liste (höchstens 500 Zeichen)"),
    )
    description = forms.CharField(
        label=_("Beschreibung"),
        max_length=10000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Was tun Sie, mit wem, für wen? Absätze durch eine Leerzeile trennen."),
    )
    contact_role = forms.CharField(
        label=_("Ansprechstelle (Funktion)"),
        max_length=200,
        help_text=_(
            "Eine Funktion, keine Privatperson, z. B. „Koordination Präventionskette“; "
            "sie wird veröffentlicht."
        ),
    )
    contact_organisation = forms.CharField(
        label=_("Organisation"),
        max_length=255,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    contact_email = forms.EmailField(
        label=_("E-Mail der Ansprechstelle"),
        required=False,
        help_text=_(
            "Ein Funktionspostfach, keine persönliche Adresse, z. B. praevention@example.org; "
            "sie wird veröffentlicht."
        ),
    )
    contact_url = forms.URLField(
        label=_("Webseite"),
        required=False,
        assume_scheme="https",
        help_text=_("Z. B. die Seite des Angebots bei Ihrer Kommune"),
    )


class CriteriaForm(StepForm):
    """The self-assessment on some criteria: for each a stage of its ladder (read
    from the live criterion page in the form's language) or "nicht eingeschätzt",
    and a justification."""

    heading = _("Selbsteinschätzung")

    def __init__(self, *args, step: int = 3, **kwargs):
        self.step = step
        super().__init__(*args, **kwargs)
        numbers = CRITERIA_STEPS[step]
        self.heading = _("Kriterien %(first)d bis %(last)d") % {
            "first": numbers[0],
            "last": numbers[-1],
        }
        self.criteria = criteria_in(self.locale, numbers)
        self.groups = []
        for criterion in self.criteria:
            n = criterion.number
            stages = criterion.stages()
            choices = [(NOT_ASSESSED, _("nicht eingeschätzt"))] + [
                (
                    str(stage["number"]),
                    format_html(
                        '<span class="stage__name">{}</span> '
                        '<span class="stage__description">{}</span>',
                        stage["name"],
                        stage["description"],
                    ),
                )
                for stage in stages
            ]
            self.fields[f"level_{n}"] = forms.ChoiceField(
                label=_("Umsetzungsstufe"),
                choices=choices,
                required=False,
                widget=forms.RadioSelect,
            )
            self.fields[f"justification_{n}"] = forms.CharField(
                label=_("Begründung"),
                max_length=JUSTIFICATION_MAX,
                required=False,
                widget=forms.Textarea(attrs={"rows": 3, "maxlength": JUSTIFICATION_MAX}),
                help_text=_("Woran erkennen Sie diese Stufe? Höchstens 1000 Zeichen."),
            )
            self.initial.setdefault(f"level_{n}", NOT_ASSESSED)
            self.groups.append((criterion, f"level_{n}", f"justification_{n}"))

    def bound_groups(self):
        return [(criterion, self[level], self[text]) for criterion, level, text in self.groups]


class ReviewForm(StepForm):
    step = 5
    heading = _("Überprüfen und einreichen")

    consent = forms.BooleanField(
        label=_(
            "Ich bin einverstanden, dass meine E-Mail-Adresse (und mein Name) für diese "
            "Einreichung gespeichert und verwendet werden: für den Link zum Fortsetzen und "
            "die Nachricht über die Entscheidung der Redaktion."
        ),
        help_text=_(
            "Sie werden nicht veröffentlicht und %(days)d Tage nach der Entscheidung gelöscht."
        ),
        error_messages={"required": _("Bitte stimmen Sie zu, damit wir einreichen können.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["consent"]
        field.help_text = field.help_text % {"days": settings.PRACTICE_SUBMISSION_RETENTION_DAYS}


def criteria_in(locale: Locale, numbers) -> list[CriterionPage]:
    """The live criterion pages with these numbers in ``locale`` (German where a
    criterion is not translated), by number."""
    found = {
        page.number: page
        for page in CriterionPage.objects.live().filter(locale=locale, number__in=list(numbers))
    }
    default = Locale.get_default()
    if locale.pk != default.pk:
        missing = [n for n in numbers if n not in found]
        for page in CriterionPage.objects.live().filter(locale=default, number__in=missing):
            found[page.number] = page
    return [found[n] for n in sorted(found)]


def step_form(step: int, *args, language: str = "de", **kwargs) -> StepForm:
    if step in CRITERIA_STEPS:
        return CriteriaForm(*args, step=step, language=language, **kwargs)
    form_class = {1: PlaceForm, 2: DescriptionForm, 5: ReviewForm}[step]
    return form_class(*args, language=language, **kwargs)
