"""A small Praxisdatenbank shared by the list, profile and export tests: two
criteria with their ladders (German and English), four public examples that
differ in Land, Handlungsfeld, Lebensphase and level, and the examples the
public never sees (draft, restricted, expired, English-only)."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth.models import Group
from django.utils import timezone

from tests.factories import (
    CriterionPageFactory,
    PracticePageFactory,
    RegionPageFactory,
    add_practice_index,
    build_tree,
    bundesland,
    restrict_to_group,
)

PARTIZIPATION_STAGES = [
    ("stage", {"name": "Information", "description": "Die Zielgruppe wird informiert."}),
    ("stage", {"name": "Anhörung", "description": "Die Zielgruppe wird angehört."}),
    ("stage", {"name": "Mitbestimmung", "description": "Die Zielgruppe entscheidet mit."}),
    ("stage", {"name": "Selbstorganisation", "description": "Die Zielgruppe handelt selbst."}),
]
PARTICIPATION_STAGES = [
    ("stage", {"name": "Information", "description": "The target group is informed."}),
    ("stage", {"name": "Consultation", "description": "The target group is heard."}),
    ("stage", {"name": "Co-determination", "description": "The target group co-decides."}),
    ("stage", {"name": "Self-organisation", "description": "The target group acts itself."}),
]
VERNETZUNG_STAGES = [
    ("stage", {"name": "Austausch", "description": "Man kennt sich."}),
    ("stage", {"name": "Abstimmung", "description": "Man stimmt sich ab."}),
    ("stage", {"name": "Gemeinsame Planung", "description": "Man plant gemeinsam."}),
]


def expire(page):
    """Move the expiry date of a live page into the past, as time passing would."""
    page.expire_at = timezone.now() - timedelta(minutes=5)
    page.save()
    return page


@dataclass
class World:
    tree: object
    index: object
    partizipation: object
    vernetzung: object
    region: object
    gera: object
    weimar: object
    hannover: object
    leipzig: object
    draft: object
    restricted: object
    expired: object

    HIDDEN = ("Entwurf Gera", "Geschütztes Beispiel", "Abgelaufenes Beispiel")


def build_world() -> World:
    tree = build_tree()
    index = add_practice_index(tree.home)
    partizipation = CriterionPageFactory(
        parent=tree.criteria, number=5, title="Partizipation", levels=PARTIZIPATION_STAGES
    )
    vernetzung = CriterionPageFactory(
        parent=tree.criteria, number=3, title="Vernetzung", levels=VERNETZUNG_STAGES
    )
    region = RegionPageFactory(parent=tree.regions, title="Stadt Gera")

    def example(title, land="thueringen", **kwargs):
        return PracticePageFactory(parent=index, title=title, bundesland=bundesland(land), **kwargs)

    gera = example(
        "Bewegte Kita Gera",
        region=region,
        municipality="",
        handlungsfelder=["bewegung"],
        lebensphasen=["kita-alter"],
        zielgruppen=["familien"],
        assessments={partizipation: (3, "Eltern entscheiden mit."), vernetzung: 2},
        tags=["Kinder"],
    )
    weimar = example(
        "Gesund essen in Weimar",
        municipality="Weimar",
        handlungsfelder=["ernaehrung"],
        lebensphasen=["kita-alter", "schulalter"],
        assessments={partizipation: 4},
        start_date=date(2020, 1, 1),
        end_date=date(2023, 12, 31),
    )
    hannover = example(
        "Bewegung im Quartier Hannover",
        land="niedersachsen",
        municipality="Hannover",
        handlungsfelder=["bewegung", "wohnumfeld"],
        lebensphasen=["aelter-werden"],
        assessments={partizipation: 2, vernetzung: 3},
    )
    leipzig = example(
        "Netzwerk Leipzig",
        land="sachsen",
        municipality="Leipzig",
        handlungsfelder=["vernetzung"],
        lebensphasen=["schulalter"],
    )
    draft = example(
        "Entwurf Gera", handlungsfelder=["bewegung"], assessments={partizipation: 4}, live=False
    )
    restricted = example(
        "Geschütztes Beispiel", handlungsfelder=["bewegung"], assessments={partizipation: 4}
    )
    restrict_to_group(restricted, Group.objects.create(name="Netzwerk Geschlossen"))
    expired = expire(
        example(
            "Abgelaufenes Beispiel", handlungsfelder=["bewegung"], assessments={partizipation: 4}
        )
    )
    return World(
        tree=tree,
        index=index,
        partizipation=partizipation,
        vernetzung=vernetzung,
        region=region,
        gera=gera,
        weimar=weimar,
        hannover=hannover,
        leipzig=leipzig,
        draft=draft,
        restricted=restricted,
        expired=expired,
    )
