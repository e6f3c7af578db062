"""iCalendar (RFC 5545) output and schema.org data for events."""

from collections.abc import Iterable

from icalendar import Calendar, Event

from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import slugify

from home.models.vocabularies import german_ascii
from ops.cache import set_last_modified


def build_calendar(request, events: Iterable, name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", "-//Gesunde Kommune//Veranstaltungskalender//DE")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Berlin")
    for page in events:
        event = Event()
        event.add("uid", event_uid(page))
        event.add("summary", page.title)
        event.add("dtstart", timezone.localtime(page.start))
        event.add("dtend", timezone.localtime(page.end))
        event.add("dtstamp", page.last_published_at or timezone.now())
        if page.last_published_at:
            event.add("last-modified", page.last_published_at)
        event.add("location", event_location(page))
        event.add("url", page.get_full_url(request))
        description = strip_tags(page.teaser or page.search_description or "")
        if description:
            event.add("description", description)
        event.add("categories", [page.category.name])
        event.add("organizer", page.organiser, parameters={"CN": page.organiser})
        cal.add_component(event)
    cal.add_missing_timezones()  # VTIMEZONE for Europe/Berlin
    return cal


# The right-hand side of every UID: a fixed name, not a host, so that moving the site
# to another address (or a request with another Host header) never changes a UID.
UID_DOMAIN = "gesunde-kommune"


def event_uid(page) -> str:
    """A UID that stays the same for the life of the event: its translation key (a
    UUID shared by the German and English versions, kept through renames, moves
    and backup/restore) plus the language, so both versions stay distinct."""
    return f"event-{page.translation_key}-{page.locale.language_code}@{UID_DOMAIN}"


def event_location(page) -> str:
    parts = [page.venue, page.address.replace("\n", ", ") if page.address else "", page.place]
    return ", ".join(p for p in parts if p)


def calendar_response(request, events: Iterable, name: str) -> HttpResponse:
    response = HttpResponse(
        build_calendar(request, events, name).to_ical(), content_type="text/calendar; charset=utf-8"
    )
    filename = slugify(german_ascii(name)) or "kalender"
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    set_last_modified(response)  # If-Modified-Since gets 304 until something changes
    return response


def event_json_ld(page, request=None) -> dict:
    """schema.org Event for an event page."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "startDate": timezone.localtime(page.start).isoformat(),
        "endDate": timezone.localtime(page.end).isoformat(),
        "url": page.get_full_url(request),
        "eventStatus": "https://schema.org/EventScheduled",
        "organizer": {"@type": "Organization", "name": page.organiser},
        "inLanguage": page.locale.language_code,
    }
    if page.online:
        data["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
        data["location"] = {"@type": "VirtualLocation", "url": page.registration_url or data["url"]}
    else:
        data["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
        address = {"@type": "PostalAddress", "addressLocality": page.place, "addressCountry": "DE"}
        if page.bundesland_id:
            address["addressRegion"] = page.bundesland.name
        data["location"] = {"@type": "Place", "name": page.venue or page.place, "address": address}
    description = page.teaser or page.search_description
    if description:
        data["description"] = description
    return data
