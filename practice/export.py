"""Open data: the public practice examples as CSV and JSON, and schema.org JSON-LD.

``export.csv`` and ``export.json`` under the Praxisdatenbank of a language hold
the examples the public list shows there (live, unexpired, without a view
restriction, in that language), narrowed by the same filters as the list when
the query string has them. The fields are documented in :data:`FIELDS` (shown on
the list page and in the JSON) and in docs/praxisdatenbank-daten.md. Nothing of
a submission (practice.models.submission: the submitter's name and address) is
ever read here.

CSV: UTF-8 with a byte order mark and ``;`` as delimiter, so that Excel in a
German office opens it with umlauts and columns intact; several values in one
cell are separated by `` | ``."""

from __future__ import annotations

import csv
import io
import json

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .listing import PracticeFilterForm, criteria_by_number, public_examples
from .models.pages import CRITERIA_COUNT
from .profile import criterion_keys, profile_rows, region_shown
from .terms import VOCABULARIES, Localizer, regions_shown

CRITERIA_NUMBERS = range(1, CRITERIA_COUNT + 1)
LIST_SEPARATOR = " | "

# (field, description). In the CSV the criteria are one column each
# (kriterium_01 … kriterium_12) plus the number of stages (kriterium_01_stufen …).
FIELDS: list[tuple[str, object]] = [
    ("id", _("Feste Nummer des Praxisbeispiels (bleibt bei Änderungen gleich)")),
    ("url", _("Adresse der Seite des Praxisbeispiels")),
    ("sprache", _("Sprache des Eintrags (de, en)")),
    ("title", _("Titel")),
    ("kommune", _("Name der Kommune")),
    ("region_url", _("Adresse der Regionenseite der Kommune, wenn es eine öffentliche gibt")),
    ("bundesland_code", _("Kürzel des Bundeslandes nach ISO 3166-2 (z. B. TH)")),
    ("bundesland", _("Name des Bundeslandes")),
    ("handlungsfelder", _("Handlungsfelder (im CSV durch „ | “ getrennt)")),
    ("lebensphasen", _("Lebensphasen (im CSV durch „ | “ getrennt)")),
    ("zielgruppen", _("Zielgruppen (im CSV durch „ | “ getrennt)")),
    ("start", _("Beginn (JJJJ-MM-TT)")),
    ("end", _("Ende (JJJJ-MM-TT), leer: läuft noch")),
    ("teaser", _("Kurzbeschreibung")),
    ("contact_role", _("Ansprechstelle (eine Funktion, keine Person)")),
    ("contact_organisation", _("Organisation der Ansprechstelle")),
    ("contact_email", _("E-Mail der Ansprechstelle (Funktionspostfach)")),
    ("contact_url", _("Webseite")),
    (
        "kriterium_01 … kriterium_12",
        _(
            "Erreichte Umsetzungsstufe beim Good-Practice-Kriterium 1 bis 12 "
            "(1 = erste Stufe), leer: nicht eingeschätzt"
        ),
    ),
    (
        "kriterium_01_stufen … kriterium_12_stufen",
        _("Anzahl der Umsetzungsstufen des Kriteriums"),
    ),
    ("last_published", _("Zeitpunkt der letzten Veröffentlichung (ISO 8601)")),
]


def csv_columns() -> list[str]:
    simple = [name for name, _description in FIELDS if "…" not in name and name != "last_published"]
    levels = [f"kriterium_{n:02d}" for n in CRITERIA_NUMBERS]
    stages = [f"kriterium_{n:02d}_stufen" for n in CRITERIA_NUMBERS]
    return simple + levels + stages + ["last_published"]


def records(index, request, form: PracticeFilterForm) -> list[dict]:
    """One structured record per public example of ``index`` (filtered like the
    list by ``form``, bound to the request). A fixed number of queries however many
    examples."""
    examples = list(
        form.filter(public_examples(index)).prefetch_related("zielgruppen").select_related("locale")
    )
    names = Localizer(index.locale)
    criteria = criteria_by_number(index.locale)
    keys = criterion_keys([a for page in examples for a in page.assessments.all()])
    regions = regions_shown(examples, index.locale)
    items = []
    for page in examples:
        region = regions.get(page.region_id)
        bundesland = names.bundesland(page.bundesland)
        rows = {row.number: row for row in profile_rows(page, criteria, keys)}
        items.append(
            {
                "id": page.pk,
                "url": page.get_full_url(request),
                "sprache": index.locale.language_code,
                "title": page.title,
                "kommune": region.title if region else page.municipality_name,
                "region_url": region.get_full_url(request) if region else "",
                "bundesland": {"code": bundesland.code, "name": bundesland.name},
                **{
                    name: [
                        {"slug": term.slug, "name": term.name}
                        for term in names.terms(getattr(page, name).all())
                    ]
                    for name in VOCABULARIES
                },
                "start": page.start_date.isoformat(),
                "end": page.end_date.isoformat() if page.end_date else None,
                "teaser": page.teaser,
                "contact_role": page.contact_role,
                "contact_organisation": page.contact_organisation,
                "contact_email": page.contact_email,
                "contact_url": page.contact_url,
                "kriterien": [
                    {
                        "nummer": number,
                        "titel": rows[number].criterion.title if number in rows else "",
                        "stufe": rows[number].level if number in rows else None,
                        "stufen": rows[number].stage_count if number in rows else None,
                        "begruendung": rows[number].justification if number in rows else "",
                    }
                    for number in CRITERIA_NUMBERS
                ],
                "last_published": (
                    timezone.localtime(page.last_published_at).isoformat()
                    if page.last_published_at
                    else None
                ),
            }
        )
    return items


def serve_export(request, path: str, extension: str):
    """Wagtail's page URLs allow no dot, so ``<praxisdatenbank-url>export.csv`` (and
    ``.json``) arrives here and is routed through Wagtail (privacy hooks included)
    to the Praxisdatenbank's export route."""
    from wagtail.views import serve

    return serve(request, f"{path}export.{extension}/")


def _filter_error(form: PracticeFilterForm) -> HttpResponse | None:
    if form.is_valid():
        return None
    messages = [f"{name}: {' '.join(errors)}" for name, errors in form.errors.items()]
    return HttpResponse(
        "\n".join(messages) + "\n", status=400, content_type="text/plain; charset=utf-8"
    )


def _filename(index, extension: str) -> str:
    return f"praxisdatenbank-{index.locale.language_code}.{extension}"


def csv_response(index, request) -> HttpResponse:
    form = PracticeFilterForm(request.GET, locale=index.locale)
    error = _filter_error(form)
    if error:
        return error
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=csv_columns(), delimiter=";", lineterminator="\r\n")
    writer.writeheader()
    for item in records(index, request, form):
        row = {key: value for key, value in item.items() if key in writer.fieldnames}
        row["bundesland_code"] = item["bundesland"]["code"]
        row["bundesland"] = item["bundesland"]["name"]
        for name in VOCABULARIES:
            row[name] = LIST_SEPARATOR.join(term["name"] for term in item[name])
        for criterion in item["kriterien"]:
            row[f"kriterium_{criterion['nummer']:02d}"] = criterion["stufe"] or ""
            row[f"kriterium_{criterion['nummer']:02d}_stufen"] = criterion["stufen"] or ""
        row["end"] = item["end"] or ""
        row["last_published"] = item["last_published"] or ""
        writer.writerow(row)
    # The byte order mark tells Excel the file is UTF-8.
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(index, "csv")}"'
    return response


def json_response(index, request) -> HttpResponse:
    form = PracticeFilterForm(request.GET, locale=index.locale)
    error = _filter_error(form)
    if error:
        return error
    items = records(index, request, form)
    data = {
        "generated": timezone.localtime().isoformat(timespec="seconds"),
        "source": index.get_full_url(request),
        "language": index.locale.language_code,
        "count": len(items),
        "fields": {name: str(description) for name, description in FIELDS},
        "items": items,
    }
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'inline; filename="{_filename(index, "json")}"'
    return response


def json_ld(page, request=None) -> dict | None:
    """schema.org CreativeWork for a practice example: where (spatialCoverage),
    since when (temporalCoverage, an ISO 8601 interval), about what (the
    Handlungsfelder), for whom (the Zielgruppen), and the self-assessment as
    PropertyValue entries (criterion, level, number of stages)."""
    names = Localizer(page.locale)
    region = region_shown(page)
    bundesland = names.bundesland(page.bundesland)
    start = page.start_date.strftime("%Y-%m")
    end = page.end_date.strftime("%Y-%m") if page.end_date else ".."
    place: dict = {"@type": "Place", "name": region.title if region else page.municipality_name}
    if bundesland is not None:
        place["address"] = {
            "@type": "PostalAddress",
            "addressRegion": bundesland.name,
            "addressCountry": "DE",
        }
    if region is not None:
        place["url"] = region.get_full_url(request)
    data: dict = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": page.title,
        "description": page.teaser,
        "url": page.get_full_url(request),
        "inLanguage": page.locale.language_code,
        "spatialCoverage": place,
        "temporalCoverage": f"{start}/{end}",
    }
    fields = names.terms(page.handlungsfelder.all())
    if fields:
        data["about"] = [{"@type": "Thing", "name": term.name} for term in fields]
    groups = names.terms(page.zielgruppen.all())
    if groups:
        data["audience"] = [{"@type": "Audience", "audienceType": term.name} for term in groups]
    if page.last_published_at:
        data["dateModified"] = timezone.localtime(page.last_published_at).isoformat()
    data["additionalProperty"] = [
        {
            "@type": "PropertyValue",
            "name": str(row.criterion),
            "value": row.level,
            "minValue": 1,
            "maxValue": row.stage_count,
            "url": row.criterion.get_full_url(request),
        }
        for row in profile_rows(page)
        if row.level is not None
    ]
    if page.contact_organisation:
        contact = {"@type": "ContactPoint", "contactType": page.contact_role}
        if page.contact_email:
            contact["email"] = page.contact_email
        if page.contact_url:
            contact["url"] = page.contact_url
        data["provider"] = {
            "@type": "Organization",
            "name": page.contact_organisation,
            "contactPoint": contact,
        }
    return data
