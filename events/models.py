"""The event calendar (Veranstaltungskalender) and its events."""

from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from home.blocks import BodyBlock
from home.listing import Section, Sections, get_page
from home.models import BasePage
from home.models.base import SchlagwortItemBase, public_linked_pages
from materials.models import public_materials

# The calendar: upcoming events (soonest first), then past ones (newest first), as
# one list of this many per page (?seite=N, home/listing.py).
EVENTS_PER_PAGE = 20
# feed.ics holds the events that end at most this many days ago and begin at most
# this many days ahead (about 18 months): calendar apps poll it often, and an
# archive of years of events would only grow. README, "Kalender abonnieren".
FEED_DAYS_BACK = 90
FEED_DAYS_AHEAD = 548


class EventCategory(TranslatableMixin, RevisionMixin, models.Model):
    """An event category: Werkstatt, Fachtag, Seminar, Workshop, Austauschtreffen,
    Coaching, Online. Changed by moderators only; its revisions let the admin
    refuse a stale save (home/wagtail_hooks.py)."""

    name = models.CharField(_("Name"), max_length=100)
    slug = models.SlugField(_("Kurzname in Adressen"), max_length=100)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Veranstaltungskategorie")
        verbose_name_plural = _("Veranstaltungskategorien")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self) -> str:
        return self.name


register_snippet(EventCategory, viewset="home.wagtail_hooks.VocabularyViewSet")


class EventIndexPage(RoutablePageMixin, BasePage):
    """The calendar (/de/veranstaltungen/): upcoming and past events with filters,
    and its iCalendar feed (feed.ics). One per language."""

    intro = RichTextField(_("Einleitung"), features=["bold", "italic", "link"], blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Veranstaltungskalender")

    def events(self):
        return EventPage.listing_queryset(self.locale).descendant_of(self)

    def filter_events(self, request):
        from .filters import EventFilterForm

        events = self.events()
        form = EventFilterForm(request.GET, locale=self.locale, events=events)
        return form, form.filter(events)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form, events = self.filter_events(request)
        now = timezone.now()
        upcoming = Section(
            "upcoming",
            events.filter(end__gte=now).order_by("start", "pk"),
            _("Kommende Veranstaltungen"),
        )
        past = Section(
            "past",
            events.filter(end__lt=now).order_by("-start", "-pk"),
            _("Vergangene Veranstaltungen"),
        )
        events_page = get_page(request, Sections([upcoming, past]), EVENTS_PER_PAGE)
        on_page = {section.key: [] for section in (upcoming, past)}
        for section, event in events_page.object_list:
            on_page[section.key].append(event)
        context.update(
            filter_form=form,
            events_page=events_page,
            upcoming_events=on_page["upcoming"],
            past_events=on_page["past"],
            upcoming_count=upcoming.count,
            past_count=past.count,
        )
        return context

    @re_path(r"^feed\.ics/?$", name="feed")  # reached through events.views.calendar_feed
    def ical_feed(self, request):
        from .ical import calendar_response

        _form, events = self.filter_events(request)
        now = timezone.now()
        window = events.filter(
            end__gte=now - timedelta(days=FEED_DAYS_BACK),
            start__lte=now + timedelta(days=FEED_DAYS_AHEAD),
        )
        return calendar_response(request, window.order_by("start", "pk"), name=self.title)


class EventPageTag(SchlagwortItemBase):
    content_object = ParentalKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class EventPage(RoutablePageMixin, BasePage):
    """One event in the calendar, with its materials, criteria and registration."""

    start = models.DateTimeField(_("Beginn"))
    end = models.DateTimeField(_("Ende"))
    place = models.CharField(_("Ort"), max_length=255, help_text=_("z. B. Hannover"))
    venue = models.CharField(_("Veranstaltungsort"), max_length=255, blank=True)
    address = models.TextField(_("Anschrift"), blank=True)
    online = models.BooleanField(_("Online-Veranstaltung"), default=False)
    bundesland = models.ForeignKey(
        "home.Bundesland",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("Bundesland"),
    )
    organiser = models.CharField(_("Veranstalter"), max_length=255)
    category = models.ForeignKey(
        EventCategory, on_delete=models.PROTECT, related_name="+", verbose_name=_("Kategorie")
    )
    teaser = models.TextField(_("Kurzbeschreibung"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Beschreibung"))
    registration_url = models.URLField(_("Anmeldung (Adresse)"), blank=True)
    registration_deadline = models.DateField(_("Anmeldeschluss"), null=True, blank=True)
    registration_info = models.TextField(_("Hinweise zur Anmeldung"), blank=True)
    tags = ClusterTaggableManager(through=EventPageTag, blank=True, verbose_name=_("Schlagwörter"))

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("place"),
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldPanel("online"),
                FieldPanel("bundesland"),
            ],
            heading=_("Termin und Ort"),
        ),
        FieldPanel("organiser"),
        FieldPanel("category"),
        FieldPanel("tags"),
        FieldPanel("teaser"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("registration_url"),
                FieldPanel("registration_deadline"),
                FieldPanel("registration_info"),
            ],
            heading=_("Anmeldung"),
        ),
        InlinePanel("material_links", label=_("Materialien")),
        InlinePanel("criterion_links", label=_("Good-Practice-Kriterien")),
        InlinePanel("region_links", label=_("Regionen")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("teaser"),
        index.SearchField("body"),
        index.SearchField("place"),
        index.SearchField("organiser"),
        index.FilterField("start"),
        index.FilterField("bundesland"),
        index.FilterField("category"),
        index.RelatedFields("tags", [index.SearchField("name"), index.FilterField("slug")]),
    ]
    listing_select_related = ("bundesland", "category", "locale")
    listing_prefetch_related = ("tagged_items__tag", "tagged_items__tag__translations")

    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")
        # The calendar lists by start (upcoming ascending, past descending).
        indexes = [models.Index(fields=["start"], name="events_start_idx")]

    @property
    def listing_summary(self) -> str:
        return self.teaser or self.search_description

    @property
    def is_past(self) -> bool:
        return self.end < timezone.now()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["materials"] = public_materials(
            self.material_links.select_related("document__collection")
        )
        context["criteria"] = public_linked_pages(self.criterion_links, "criterion", self.locale)
        context["regions"] = public_linked_pages(self.region_links, "region", self.locale)
        return context

    def get_json_ld(self, request=None) -> dict:
        from .ical import event_json_ld

        return event_json_ld(self, request)

    @path("ics/", name="ics")
    def ical(self, request):
        from .ical import calendar_response

        return calendar_response(request, [self], name=self.title)


class EventMaterial(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="material_links")
    document = models.ForeignKey(
        "materials.Material", on_delete=models.CASCADE, related_name="+", verbose_name=_("Material")
    )
    panels = [FieldPanel("document")]


class EventCriterion(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="criterion_links")
    criterion = models.ForeignKey(
        "criteria.CriterionPage",
        on_delete=models.CASCADE,
        related_name="event_links",
        verbose_name=_("Kriterium"),
    )
    panels = [FieldPanel("criterion")]


class EventRegion(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="region_links")
    region = models.ForeignKey(
        "regions.RegionPage",
        on_delete=models.CASCADE,
        related_name="event_links",
        verbose_name=_("Region"),
    )
    panels = [FieldPanel("region")]
