"""A practice example's page: its profile across the 12 criteria (rows for the
chart and the table), the Kommune, the vocabularies in the page's language, the
period, the contact and the public materials."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from materials.models import public_material_links

from .chart import profile_chart
from .listing import criteria_by_number
from .terms import VOCABULARIES, Localizer, regions_shown


@dataclass
class ProfileRow:
    """One criterion of the profile. ``criterion`` is the page shown (its live
    translation in the page's language, else the German page); ``level`` None:
    not assessed."""

    criterion: object
    level: int | None
    stages: list[dict]
    justification: str = ""

    @property
    def number(self) -> int:
        return self.criterion.number

    @property
    def stage_count(self) -> int:
        return len(self.stages)

    @property
    def stage(self) -> dict | None:
        """The stage reached, as the criterion page describes it."""
        if self.level and self.level <= len(self.stages):
            return self.stages[self.level - 1]
        return None

    @property
    def summary(self) -> str:
        """ "Kriterium 5 Partizipation: Stufe 3 von 4" (the chart's text alternative)."""
        name = _("Kriterium %(number)d %(title)s") % {
            "number": self.number,
            "title": self.criterion.title,
        }
        if self.level is None:
            return _("%(criterion)s: nicht eingeschätzt") % {"criterion": name}
        return _("%(criterion)s: Stufe %(level)d von %(stages)d") % {
            "criterion": name,
            "level": self.level,
            "stages": self.stage_count,
        }


def criterion_keys(assessments) -> dict:
    """criterion page id → translation_key for these assessments (one query)."""
    from criteria.models import CriterionPage

    ids = {assessment.criterion_id for assessment in assessments}
    return dict(CriterionPage.objects.filter(pk__in=ids).values_list("pk", "translation_key"))


def profile_rows(
    page, criteria: dict[int, object] | None = None, keys: dict | None = None
) -> list[ProfileRow]:
    """One row per live criterion (``criteria``: criteria_by_number), by number,
    with the page's assessment of it. Assessments point to the German criterion
    pages: matched by translation_key (``keys``: criterion_keys of many pages)."""
    if criteria is None:
        criteria = criteria_by_number(page.locale)
    # .all(): prefetched by a listing, or in memory in the editor's preview.
    assessments = list(page.assessments.all())
    if keys is None:
        keys = criterion_keys(assessments)
    by_key = {keys.get(a.criterion_id): a for a in assessments}
    rows = []
    for criterion in criteria.values():
        assessment = by_key.get(criterion.translation_key)
        rows.append(
            ProfileRow(
                criterion=criterion,
                level=assessment.level if assessment else None,
                stages=criterion.stages(),
                justification=assessment.justification if assessment else "",
            )
        )
    return rows


def period_text(start: date | None, end: date | None) -> str:
    """ "seit 09/2021" or "09/2021 – 12/2023"."""
    if start is None:
        return ""
    if end is None:
        return _("seit %(start)s") % {"start": start.strftime("%m/%Y")}
    return f"{start.strftime('%m/%Y')} – {end.strftime('%m/%Y')}"


def region_shown(page):
    """The region page to link as the Kommune: its live public translation in the
    page's language, else the live public German page, else None (an unpublished
    or restricted region is named but not linked). terms.regions_shown for one page."""
    return regions_shown([page], page.locale).get(page.region_id)


def public_materials(page) -> list:
    """The example's materials that are public (approved, unrestricted), in order."""
    return [link.document for link in public_material_links(page.material_links)]


def page_context(page, request) -> dict:
    names = Localizer(page.locale)
    rows = profile_rows(page)
    region = region_shown(page)
    return {
        "profile": rows,
        "profile_chart": profile_chart(rows, title=_("Profil nach den Good-Practice-Kriterien")),
        "assessed_count": sum(1 for row in rows if row.level is not None),
        "region_page": region,
        "kommune": region.title if region else page.municipality_name,
        "bundesland": names.bundesland(page.bundesland),
        "period": period_text(page.start_date, page.end_date),
        **{name: names.terms(getattr(page, name).all()) for name in VOCABULARIES},
        "materials": public_materials(page),
    }
