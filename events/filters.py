"""The calendar's filters (bundesland, kategorie, schlagwort, jahr, region), shared
by the HTML calendar and the iCalendar feed so both always agree. ``region`` (a
region page's slug) is what region pages link to: "Alle Veranstaltungen in …"."""

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from home.listing import slug_filter
from home.models import Bundesland, Schlagwort
from home.models.base import live_now
from regions.models import RegionPage

from .models import EventCategory, EventRegion


class KeywordChoiceIterator(forms.models.ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        choices = (self.choice(obj) for obj in self.queryset)
        yield from sorted(choices, key=lambda choice: str(choice[1]).lower())


class KeywordChoiceField(forms.ModelChoiceField):
    """Keywords named in the active language, in that language's alphabetical order;
    the value stays the German slug."""

    iterator = KeywordChoiceIterator

    def label_from_instance(self, obj: Schlagwort) -> str:
        return obj.localized().name


class EventFilterForm(forms.Form):
    """Bound to request.GET. An unknown value makes the form invalid: the calendar
    then shows no events and says which filter was not understood."""

    bundesland = slug_filter(_("Bundesland"), _("Alle Bundesländer"))
    kategorie = slug_filter(_("Kategorie"), _("Alle Kategorien"))
    schlagwort = slug_filter(_("Schlagwort"), _("Alle Schlagwörter"), KeywordChoiceField)
    jahr = forms.TypedChoiceField(coerce=int, required=False, label=_("Jahr"), empty_value=None)
    region = slug_filter(_("Region"), _("Alle Regionen"))

    def __init__(self, data, *, locale, events: QuerySet):
        super().__init__(data)
        self.fields["bundesland"].queryset = Bundesland.objects.filter(locale=locale)
        self.fields["kategorie"].queryset = EventCategory.objects.filter(locale=locale)
        self.fields["schlagwort"].queryset = (
            Schlagwort.objects.public()
            .filter(events_eventpagetag_items__content_object__in=events)
            .distinct()
            .prefetch_related("translations")
        )
        # Regions of this language that some listed event names (as for keywords), in
        # any language: a translated event's links still point to the German regions.
        linked = EventRegion.objects.filter(page__in=events).values("region__translation_key")
        self.fields["region"].queryset = (
            live_now(RegionPage.objects.filter(locale=locale))
            .public()
            .filter(translation_key__in=linked)
            .order_by("title")
        )
        years = sorted({d.year for d in events.dates("start", "year")}, reverse=True)
        self.fields["jahr"].choices = [("", _("Alle Jahre"))] + [(y, str(y)) for y in years]

    def clean(self):
        # ?kategorie=a&kategorie=b is ambiguous: say so instead of silently using one.
        repeated = [name for name in self.fields if len(self.data.getlist(name)) > 1]
        if repeated:
            raise forms.ValidationError(
                _("Jeder Filter darf nur einmal vorkommen: %(names)s"),
                params={"names": ", ".join(repeated)},
            )
        return super().clean()

    @property
    def is_filtered(self) -> bool:
        return any(self.data.get(name) for name in self.fields)

    def filter(self, events: QuerySet) -> QuerySet:
        """Narrow ``events`` by the valid filters; nothing if any value is invalid."""
        if not self.is_valid():
            return events.none()
        data = self.cleaned_data
        if data["bundesland"]:
            events = events.filter(bundesland=data["bundesland"])
        if data["kategorie"]:
            events = events.filter(category=data["kategorie"])
        if data["jahr"]:
            events = events.filter(start__year=data["jahr"])
        if data["region"]:
            # A subquery, not a join: an event linked to the region twice stays one.
            region_key = data["region"].translation_key
            linked = EventRegion.objects.filter(region__translation_key=region_key)
            events = events.filter(pk__in=linked.values("page_id"))
        if data["schlagwort"]:
            # Only this join can repeat an event; DISTINCT elsewhere would make the
            # database sort every event before it can page through them.
            events = events.filter(tagged_items__tag=data["schlagwort"]).distinct()
        return events
