"""The list of practice examples (/de/praxisdatenbank/): filters and pagination.

The filters (``bundesland``, ``handlungsfeld``, ``lebensphase``, ``kriterium`` with
``stufe``) take the slugs of the list's language (the English list takes
``physical-activity`` where the German one takes ``bewegung``) and the criterion's
number. Pages store the German vocabulary rows and their assessments point to the
German criterion pages, so every filter compares ``translation_key``. The CSV and
JSON exports (practice/export.py) apply the same form."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from home.listing import get_page, slug_filter
from home.models import Bundesland, Handlungsfeld, Lebensphase

from .terms import Localizer, regions_shown

EXAMPLES_PER_PAGE = 20
# Filter parameter → the page's many-to-many field.
TERM_FILTERS = (("handlungsfeld", "handlungsfelder"), ("lebensphase", "lebensphasen"))


def criteria_by_number(locale: Locale) -> dict[int, object]:
    """The live public criterion pages shown in ``locale``, by number: the page of
    that language where there is one, else the German one (two queries)."""
    from criteria.models import CriterionPage

    german = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    pages: dict[int, object] = {}
    # German first; the language shown then takes the numbers it has.
    for page_locale in dict.fromkeys(loc for loc in (german, locale) if loc is not None):
        for page in CriterionPage.listing_queryset(page_locale):
            pages[page.number] = page
    return dict(sorted(pages.items()))


class PracticeFilterForm(forms.Form):
    """Bound to request.GET. A value that is not understood makes the form invalid:
    the list then shows a message naming the filter and no examples."""

    bundesland = slug_filter(_("Bundesland"), _("Alle Bundesländer"))
    handlungsfeld = slug_filter(_("Handlungsfeld"), _("Alle Handlungsfelder"))
    lebensphase = slug_filter(_("Lebensphase"), _("Alle Lebensphasen"))
    kriterium = forms.TypedChoiceField(
        coerce=int, required=False, empty_value=None, label=_("Kriterium")
    )
    stufe = forms.TypedChoiceField(
        coerce=int, required=False, empty_value=None, label=_("mindestens Stufe")
    )

    # Shown together in one fieldset: "Kriterium … auf mindestens Stufe …".
    criterion_fields = ("kriterium", "stufe")

    def __init__(self, data, *, locale: Locale):
        from .models.pages import MAX_LEVEL

        super().__init__(data)
        self.locale = locale
        self.fields["bundesland"].queryset = Bundesland.objects.filter(locale=locale)
        self.fields["handlungsfeld"].queryset = Handlungsfeld.objects.filter(locale=locale)
        self.fields["lebensphase"].queryset = Lebensphase.objects.filter(locale=locale)
        self.criteria = criteria_by_number(locale)
        self.fields["kriterium"].choices = [("", _("Alle Kriterien"))] + [
            (number, str(page)) for number, page in self.criteria.items()
        ]
        self.fields["stufe"].choices = [("", _("beliebige Stufe"))] + [
            (level, str(level)) for level in range(1, MAX_LEVEL + 1)
        ]

    def clean(self):
        # ?bundesland=a&bundesland=b is ambiguous: say so instead of using one.
        repeated = [name for name in self.fields if len(self.data.getlist(name)) > 1]
        if repeated:
            raise forms.ValidationError(
                _("Jeder Filter darf nur einmal vorkommen: %(names)s"),
                params={"names": ", ".join(repeated)},
            )
        cleaned = super().clean()
        if cleaned.get("stufe") and not cleaned.get("kriterium") and "kriterium" in cleaned:
            self.add_error("kriterium", _("Bitte zur Stufe auch ein Kriterium wählen."))
        return cleaned

    def filter_fields(self):
        """The fields shown on their own (the criterion pair has its fieldset)."""
        return [self[name] for name in self.fields if name not in self.criterion_fields]

    def pair_fields(self):
        return [self[name] for name in self.criterion_fields]

    @property
    def is_filtered(self) -> bool:
        return any(self.data.get(name) for name in self.fields)

    def filter(self, examples: QuerySet) -> QuerySet:
        """Narrow ``examples`` by the filters; nothing if any value is invalid."""
        from .models import PracticeAssessment, PracticePage

        if not self.is_valid():
            return examples.none()
        data = self.cleaned_data
        if data["bundesland"]:
            examples = examples.filter(
                bundesland__translation_key=data["bundesland"].translation_key
            )
        # Subqueries, not joins: a page never appears twice.
        for name, relation in TERM_FILTERS:
            if data[name]:
                tagged = PracticePage.objects.filter(
                    **{f"{relation}__translation_key": data[name].translation_key}
                )
                examples = examples.filter(pk__in=tagged.values("pk"))
        if data["kriterium"]:
            criterion = self.criteria[data["kriterium"]]
            reached = PracticeAssessment.objects.filter(
                criterion__translation_key=criterion.translation_key,
                level__gte=data["stufe"] or 1,
            )
            examples = examples.filter(pk__in=reached.values("page_id"))
        return examples


def public_examples(index) -> QuerySet:
    """The examples the public sees under ``index``: live, unexpired, without a
    view restriction, in the index's language; alphabetical."""
    from .models import PracticePage

    return PracticePage.listing_queryset(index.locale).child_of(index).order_by("title", "pk")


def list_context(index, request) -> dict:
    from .export import FIELDS

    form = PracticeFilterForm(request.GET, locale=index.locale)
    examples_page = get_page(request, form.filter(public_examples(index)), EXAMPLES_PER_PAGE)
    examples = list(examples_page.object_list)
    return {
        "filter_form": form,
        "examples_page": examples_page,
        "examples": examples,
        "cards": card_data(examples, index.locale),
        "export_fields": FIELDS,
    }


def card_data(examples: list, locale: Locale) -> list[dict]:
    """What a card shows of each example, in the list's language (a fixed number of
    queries however many examples)."""
    names = Localizer(locale)
    regions = regions_shown(examples, locale)
    return [
        {
            "page": page,
            "kommune": regions[page.region_id].title
            if regions.get(page.region_id)
            else page.municipality_name,
            "bundesland": names.bundesland(page.bundesland),
            "handlungsfelder": names.terms(page.handlungsfelder.all()),
            "lebensphasen": names.terms(page.lebensphasen.all()),
        }
        for page in examples
    ]
