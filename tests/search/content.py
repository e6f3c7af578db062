"""A small search corpus: one item of every type, public and private, de and en.

Words chosen so each test can tell exactly which item was found."""

from datetime import datetime

from django.contrib.auth.models import Group
from django.utils import timezone

from events.models import EventMaterial
from regions.models import RegionMaterial
from tests.background import run_background_tasks
from tests.factories import (
    CriterionPageFactory,
    EventPageFactory,
    MaterialFactory,
    NewsPageFactory,
    RegionPageFactory,
    RegionResultsPageFactory,
    StandardPageFactory,
    build_tree,
    bundesland,
    make_pdf,
    restrict_to_group,
    restricted_collection,
)
from tests.factories.pages import paragraph

URL = "/de/suche/"
URL_EN = "/en/search/"
SUGGEST_URL = "/de/suche/vorschlaege/"


def pdf_material(title: str, text: str, **kwargs):
    """A material whose PDF contains ``text``, read for search by the worker."""
    from django.core.files.base import ContentFile
    from django.utils.text import slugify

    material = MaterialFactory(
        title=title, file=ContentFile(make_pdf(text), name=f"{slugify(title)}.pdf"), **kwargs
    )
    run_background_tasks()
    material.refresh_from_db()
    return material


def build_corpus(cls) -> None:
    """Attach the corpus to a TestCase class (for setUpTestData)."""
    cls.tree = build_tree()
    tree = cls.tree
    cls.region = RegionPageFactory(
        parent=tree.regions,
        title="Landkreis Gera",
        slug="gera",
        bundesland=bundesland("thueringen"),
        intro="Die Kommune Gera baut eine Vernetzungsstruktur für gesundes Aufwachsen auf.",
        tags=["Präventionskette", "Kindergesundheit"],
    )
    cls.event = EventPageFactory(
        parent=tree.events,
        title="Regionalwerkstatt Hannover",
        slug="regionalwerkstatt",
        start=timezone.make_aware(datetime(2019, 9, 30, 10)),
        end=timezone.make_aware(datetime(2019, 9, 30, 16)),
        bundesland=bundesland("niedersachsen"),
        teaser="Kommunen tauschen sich über Präventionsketten aus.",
        tags=["Präventionskette"],
    )
    cls.news = NewsPageFactory(
        parent=tree.news,
        title="Neue Partnerkommunen in Thüringen",
        slug="neue-partnerkommunen",
        date=datetime(2024, 5, 2).date(),
        teaser="Zwei Landkreise treten dem Partnerprozess bei; die Kommune Weimar ist dabei.",
        tags=["Kindergesundheit"],
    )
    cls.criterion = CriterionPageFactory(
        parent=tree.criteria,
        title="Integriertes Handeln",
        slug="integriertes-handeln",
        number=9,
        former_name="Integriertes Handlungskonzept/Vernetzung",
        definition="<p>Kommunale Akteure handeln abgestimmt.</p>",
    )
    cls.standard = StandardPageFactory(
        parent=tree.home,
        title="Unsere Vision",
        slug="vision",
        body=paragraph("<p>Gesundheitsförderung für alle Generationen in jeder Kommune.</p>"),
    )
    # Public PDF, listed by the event and the region.
    cls.material = pdf_material(
        "Programm Regionalwerkstatt", "Tagesordnung mit Quartiersmanagement und Pausen."
    )
    EventMaterial.objects.create(page=cls.event, document=cls.material)
    RegionMaterial.objects.create(page=cls.region, document=cls.material)

    # Private things, each with a word found nowhere else.
    cls.group = Group.objects.create(name="Netzwerk Gera")
    cls.results_page = RegionResultsPageFactory(
        parent=cls.region,
        title="Ergebnisse Geheimbericht",
        slug="ergebnisse",
        body=paragraph("<p>Interne Geheimzahlen der Kommune.</p>"),
    )
    restrict_to_group(cls.results_page, cls.group)
    cls.internal_material = pdf_material(
        "Protokoll Steuerungsrunde",
        "Vorbereitung der Binnenevaluation in der Kommune.",
        collection=restricted_collection(group=cls.group),
    )
    cls.draft = StandardPageFactory(
        parent=tree.home, title="Entwurf Zukunftswerkstatt", slug="entwurf", live=False
    )
    cls.restricted_event = EventPageFactory(
        parent=tree.events,
        title="Internes Austauschtreffen Verschlusssache",
        slug="intern",
        bundesland=bundesland("bayern"),
        teaser="Nur für das Netzwerk: Verschlusssache Kommune.",
        tags=["Vertraulich"],
    )
    restrict_to_group(cls.restricted_event, cls.group)

    # English tree.
    tree.translate_home()
    from tests.factories import translate

    cls.region_en = translate(cls.region, "en")
