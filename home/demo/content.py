"""The demo site's content as data: facts from the seed pages, prose written anew.

No real person is named anywhere: contacts are roles with example.org addresses
and authors are organisations or roles. Slugs are the public URL contract."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

Block = dict[str, Any]

# ---------------------------------------------------------------------------
# StreamField helpers (raw block data; document blocks name a material by key
# and are resolved by the builder).
# ---------------------------------------------------------------------------


def heading(text: str, level: str = "h2") -> Block:
    return {"type": "heading", "value": {"text": text, "level": level}}


def para(html: str) -> Block:
    return {"type": "paragraph", "value": html}


def quote(text: str, attribution: str = "") -> Block:
    return {"type": "quote", "value": {"text": text, "attribution": attribution}}


def document(material_key: str, title: str = "") -> Block:
    return {"type": "document", "value": {"document": material_key, "title": title}}


def bullets(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


# ---------------------------------------------------------------------------
# Data classes
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class StandardPageData:
    slug: str
    title: str
    intro: str
    body: list[Block]
    show_in_menus: bool = False
    search_description: str = ""


@dataclass(frozen=True)
class ContactData:
    key: str
    role: str
    organisation: str
    email: str
    phone: str = ""
    address: str = ""


@dataclass(frozen=True)
class RegionData:
    slug: str
    title: str
    kind: str  # regions.models.RegionKind
    role: str  # regions.models.RegionRole
    bundesland: str  # ISO code, e.g. "TH"
    network_name: str
    process_phase: str  # regions.models.ProcessPhase
    joined: dt.date
    intro: str
    body: list[Block]
    tags: list[str]
    contacts: list[str]  # ContactData keys: copied into the region page
    partners: list[tuple[str, str]]  # (name, url)
    criteria: list[int]
    materials: list[str] = field(default_factory=list)
    results: list[Block] = field(default_factory=list)  # the restricted "Ergebnisse"


@dataclass(frozen=True)
class EventData:
    slug: str
    title: str
    start: dt.datetime  # naive, Europe/Berlin
    end: dt.datetime
    place: str
    bundesland: str | None
    organiser: str
    category: str  # EventCategory slug
    teaser: str
    body: list[Block]
    tags: list[str]
    venue: str = ""
    address: str = ""
    online: bool = False
    criteria: list[int] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    materials: list[str] = field(default_factory=list)
    registration_url: str = ""
    registration_deadline: dt.date | None = None
    registration_info: str = ""


@dataclass(frozen=True)
class NewsData:
    slug: str
    title: str
    date: dt.date
    author: str
    teaser: str
    body: list[Block]
    tags: list[str]
    regions: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CriterionData:
    number: int
    slug: str
    title: str
    former_name: str
    definition: str
    levels: list[tuple[str, str]]
    explanation: str
    literature: str


@dataclass(frozen=True)
class MaterialData:
    key: str
    title: str
    filename: str
    kind: str  # materials.models.MaterialKind
    description: str
    author: str
    subtitle: str
    sections: list[tuple[str, str]]
    distinctive_word: str
    internal: bool = False
    tags: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class TranslationData:
    """English version of one German page, found by its path below the home page."""

    path: tuple[str, ...]  # German slugs below the home page; () is the home page
    slug: str
    title: str
    fields: dict[str, Any]


# ---------------------------------------------------------------------------
# Organisations named in the seeds (organisations, never persons)
# ---------------------------------------------------------------------------

AGETHUR = "AGETHUR, Landesvereinigung für Gesundheitsförderung Thüringen e. V."
LVG_NDS = "Landesvereinigung für Gesundheit und Akademie für Sozialmedizin Niedersachsen e. V."
KOOPERATIONSVERBUND = "Kooperationsverbund Gesundheitliche Chancengleichheit"
GESCHAEFTSSTELLE = f"Geschäftsstelle {KOOPERATIONSVERBUND}"
NEXUS = "nexus - Institut für Kooperationsmanagement und interdisziplinäre Forschung, Berlin"
REDAKTION = "Redaktion Gesunde Kommune"

# ---------------------------------------------------------------------------
# Materials (PDFs). Each PDF carries one word that appears nowhere else on the
# site, so search tests can tell whether its text is indexed (or, for the
# internal one, that it stays hidden).
# ---------------------------------------------------------------------------

WORD_PROGRAMM = "Quartiersmanagement"
WORD_DOKUMENTATION = "Resonanzrunde"
WORD_HANDREICHUNG = "Bausteinmatrix"
WORD_INTERN = "Binnenevaluation"

DISTINCTIVE_WORDS: dict[str, str] = {
    "programm-lernwerkstatt-2019": WORD_PROGRAMM,
    "dokumentation-austauschtreffen-2024-herbst": WORD_DOKUMENTATION,
    "handreichung-praeventionsketten": WORD_HANDREICHUNG,
    "intern-steuerungsrunde-gera": WORD_INTERN,
}

PUBLIC_COLLECTION = "Materialien"
INTERNAL_COLLECTION = "Interne Materialien"

MATERIALS: list[MaterialData] = [
    MaterialData(
        key="programm-lernwerkstatt-2019",
        title="Programm: Lernwerkstatt Strategieentwicklung (30.09.2019, Hannover)",
        filename="programm-lernwerkstatt-strategieentwicklung-2019.pdf",
        kind="programm",
        description="Tagesablauf der Lernwerkstatt zu den Kriterien Integriertes "
        "Handlungskonzept und Vernetzung.",
        author=LVG_NDS,
        subtitle="Lernwerkstatt: Strategieentwicklung als Basis für gemeinsames Handeln - "
        "Integriertes Handlungskonzept und Vernetzung. Montag, 30. September 2019, Hannover",
        sections=[
            (
                "09:30 Uhr  Ankommen und Anmeldung",
                "Kaffee, Namensschilder und ein erster Blick auf die Pinnwand der "
                "mitgebrachten Fragen.",
            ),
            (
                "10:00 Uhr  Begrüßung und Einstieg",
                "Warum gute Absicht allein noch keine gute Praxis ist: ein kurzer Überblick "
                "über die Kriterien guter Praxis der soziallagenbezogenen Gesundheitsförderung.",
            ),
            (
                "10:30 Uhr  Impuls: Integriertes Handlungskonzept",
                "Wie ein abgestimmtes Konzept Angebote aus Gesundheit, Jugendhilfe und "
                "Bildung zusammenführt. Beispiele aus dem Quartiersmanagement eines "
                "Stadtteils mit besonderem Entwicklungsbedarf.",
            ),
            (
                "11:30 Uhr  Arbeitsgruppen",
                "Gruppe A: Bestandsaufnahme der Angebote vor Ort.\n\n"
                "Gruppe B: Wer gehört an den Tisch? Akteure, Rollen und Zuständigkeiten.",
            ),
            ("12:30 Uhr  Mittagspause", "Gelegenheit für Gespräche am Rand."),
            (
                "13:30 Uhr  Impuls: Vernetzung",
                "Netzwerke als Geflecht von Beziehungen: Austausch, geteilte Ressourcen und "
                "gemeinsame Ziele. Kommunale Praxisbeispiele stellen sich vor.",
            ),
            (
                "15:00 Uhr  Transfer in die eigene Praxis",
                "Jede Teilnehmerin und jeder Teilnehmer formuliert einen nächsten Schritt "
                "für die eigene Kommune.",
            ),
            ("16:00 Uhr  Ende der Veranstaltung", "Auswertung und Verabschiedung."),
        ],
        distinctive_word=WORD_PROGRAMM,
        tags=["Good Practice", "Vernetzung"],
    ),
    MaterialData(
        key="dokumentation-austauschtreffen-2024-herbst",
        title="Dokumentation: Austauschtreffen der Thüringer Modellregionen, Herbst 2024",
        filename="dokumentation-austauschtreffen-herbst-2024.pdf",
        kind="dokumentation",
        description="Ergebnisse des Austauschtreffens der Modellregionen Wartburgkreis, "
        "Weimar und Gera im November 2024.",
        author=AGETHUR,
        subtitle="Weimar, 6. November 2024",
        sections=[
            (
                "Anlass und Teilnehmende",
                "Zum zweiten Treffen des Jahres kamen die Koordinierungsstellen der drei "
                "Modellregionen zusammen. Vertreten waren Gesundheitsämter, Sozialplanung, "
                "Jugendhilfe und die Landesvereinigung als Prozessbegleitung.",
            ),
            (
                "Blitzlicht aus den Regionen",
                "Wartburgkreis: Die Lenkungsgruppe trifft sich regelmäßig; ein "
                "Schwerpunkt liegt auf dem ländlichen Raum und auf Übergängen zwischen Kita "
                "und Grundschule.\n\n"
                "Weimar: Die Stadt hat eine Bestandsaufnahme der Angebote abgeschlossen und "
                "plant eine erste Netzwerkkonferenz.\n\n"
                "Gera: Das Netzwerk Gesunde Kommune hat Arbeitsgruppen zu Bewegung im "
                "Alltag und zu seelischer Gesundheit gebildet.",
            ),
            (
                "Methode: Resonanzrunde",
                "In einer Resonanzrunde stellten die Regionen ihre größte Hürde vor; die "
                "anderen Teilnehmenden spiegelten, was sie gehört hatten, und brachten "
                "eigene Erfahrungen ein. Häufig genannt wurden knappe Personalstunden und "
                "die Frage, wie Beschlüsse der Verwaltungsspitze gesichert werden.",
            ),
            (
                "Verabredungen",
                "Das nächste Treffen findet im Frühjahr statt. Bis dahin tauschen die "
                "Regionen ihre Geschäftsordnungen aus und prüfen gemeinsame Kennzahlen.",
            ),
        ],
        distinctive_word=WORD_DOKUMENTATION,
        tags=["Austauschtreffen", "Vernetzung"],
    ),
    MaterialData(
        key="handreichung-praeventionsketten",
        title="Handreichung: Präventionsketten in der Kommune aufbauen",
        filename="handreichung-praeventionsketten.pdf",
        kind="handreichung",
        description="Arbeitshilfe für Verwaltungen, die eine integrierte kommunale "
        "Strategie über alle Lebensphasen entwickeln wollen.",
        author=AGETHUR,
        subtitle="Eine Arbeitshilfe für Landkreise und kreisfreie Städte",
        sections=[
            (
                "Worum es geht",
                "Eine Präventionskette verbindet die Angebote verschiedener Ressorts so, "
                "dass Menschen in jeder Lebensphase passende Unterstützung finden, ohne "
                "an Zuständigkeitsgrenzen hängen zu bleiben.",
            ),
            (
                "Die Bausteinmatrix",
                "Die Bausteinmatrix ordnet vorhandene Angebote nach Lebensphasen (rund um "
                "die Geburt, Kita, Schule, Ausbildung, Erwerbsleben, Alter) und nach "
                "Handlungsfeldern (Bewegung, Ernährung, seelische Gesundheit, soziale "
                "Teilhabe). Leere Felder zeigen Lücken; doppelt belegte Felder zeigen "
                "Abstimmungsbedarf.",
            ),
            (
                "Fünf Schritte",
                "1. Politischen Auftrag klären.\n\n"
                "2. Koordinierungsstelle in der Verwaltung verankern.\n\n"
                "3. Bestand erheben und Bedarfe mit den Menschen vor Ort prüfen.\n\n"
                "4. Gemeinsame Ziele und ein Handlungskonzept beschließen.\n\n"
                "5. Umsetzung begleiten, dokumentieren und regelmäßig nachsteuern.",
            ),
            (
                "Unterstützung",
                "Die Landesvereinigung begleitet Kommunen bei jedem dieser Schritte und "
                "vermittelt den Austausch mit anderen Partnerkommunen.",
            ),
        ],
        distinctive_word=WORD_HANDREICHUNG,
        tags=["Präventionsketten", "Kommunen"],
    ),
    MaterialData(
        key="intern-steuerungsrunde-gera",
        title="Intern: Protokoll der Steuerungsrunde Gesunde Kommune Gera",
        filename="intern-protokoll-steuerungsrunde-gera.pdf",
        kind="dokumentation",
        description="Nur für Mitglieder des Netzwerks Gera.",
        author="Amt für Gesundheit und Versorgung, Stadtverwaltung Gera",
        subtitle="Interne Unterlage - nicht zur Veröffentlichung",
        sections=[
            (
                "Tagesordnung",
                "1. Stand der Arbeitsgruppen\n\n2. Vorbereitung der Binnenevaluation\n\n"
                "3. Verschiedenes",
            ),
            (
                "Binnenevaluation",
                "Die Steuerungsrunde verständigt sich auf eine Binnenevaluation des ersten "
                "Netzwerkjahres. Grundlage sind die Sitzungsprotokolle und eine kurze "
                "Befragung der Mitgliedsorganisationen.",
            ),
        ],
        distinctive_word=WORD_INTERN,
        internal=True,
    ),
]

# ---------------------------------------------------------------------------
# Contacts (roles in organisations; example.org addresses only); each region
# page holds copies of its contacts (RegionData.contacts)
# ---------------------------------------------------------------------------

CONTACTS: list[ContactData] = [
    ContactData(
        key="gera",
        role="Amt für Gesundheit und Versorgung",
        organisation="Stadtverwaltung Gera",
        email="gesundheit@gera.example.org",
        address="Stadtverwaltung Gera\nDezernat Soziales\n07545 Gera",
    ),
    ContactData(
        key="weimar",
        role="Koordinierungsstelle Gesundheitsförderung",
        organisation="Stadtverwaltung Weimar",
        email="gesundheit@weimar.example.org",
        address="Stadtverwaltung Weimar\n99423 Weimar",
    ),
    ContactData(
        key="wartburgkreis",
        role="Fachdienst Gesundheit, Netzwerkkoordination",
        organisation="Landratsamt Wartburgkreis",
        email="gesundheit@wartburgkreis.example.org",
        address="Landratsamt Wartburgkreis\n36433 Bad Salzungen",
    ),
    ContactData(
        key="agethur",
        role="Fachbereich Kommune und Gesundheit",
        organisation=AGETHUR,
        email="kommune@agethur.example.org",
        address="99084 Erfurt",
    ),
    ContactData(
        key="braunschweig",
        role="Gesundheitsplanung",
        organisation="Stadt Braunschweig",
        email="gesundheitsplanung@braunschweig.example.org",
    ),
    ContactData(
        key="warendorf",
        role="Koordinierungsstelle Präventionskette",
        organisation="Kreis Warendorf",
        email="praeventionskette@kreis-warendorf.example.org",
    ),
    ContactData(
        key="leipzig",
        role="Gesundheitsamt, Koordination Gesundheitsförderung",
        organisation="Stadt Leipzig",
        email="gesundheitsfoerderung@leipzig.example.org",
    ),
]
CONTACTS_BY_KEY: dict[str, ContactData] = {contact.key: contact for contact in CONTACTS}

# ---------------------------------------------------------------------------
# Home page and standard pages
# ---------------------------------------------------------------------------

HOME_TITLE = "Gesunde Kommune"
HOME_INTRO = (
    "<p>Gesundheit entsteht dort, wo Menschen wohnen, lernen, arbeiten und ihre Freizeit "
    "verbringen. Dieses Portal zeigt, wie Landkreise und kreisfreie Städte Netzwerke für "
    "Gesundheitsförderung aufbauen, und bündelt Termine, Neuigkeiten und Materialien.</p>"
)
HOME_BODY: list[Block] = [
    heading("Gesunde Kommune werden"),
    para(
        "<p>Ob Gesundheitsamt, Jugendhilfe, Sportverein oder Pflegedienst: Viele Stellen "
        "tun bereits etwas für die Gesundheit der Bevölkerung. Ein kommunales Netzwerk "
        "bringt sie an einen Tisch, damit aus einzelnen Angeboten eine abgestimmte "
        "Strategie wird. Die Modellregionen Wartburgkreis, Weimar und Gera gehen diesen "
        "Weg bereits.</p>"
    ),
]

STANDARD_PAGES: list[StandardPageData] = [
    StandardPageData(
        slug="unsere-vision",
        title="Unsere Vision",
        show_in_menus=True,
        search_description="Wofür ein Netzwerk Gesunde Kommune steht.",
        intro="<p>Eine Kommune, in der Gesundheit bei jeder Entscheidung mitgedacht wird "
        "- vom Bebauungsplan bis zum Kita-Konzept.</p>",
        body=[
            heading("Gesundheit als gemeinsame Aufgabe"),
            para(
                "<p>Wir beraten Vertreterinnen und Vertreter von Landkreisen und kreisfreien "
                "Städten dabei, eine Vernetzungsstruktur aufzubauen, die zu ihrer Kommune "
                "passt. Vorbild sind die bekannten runden Tische zur Gesundheit: Im Netzwerk "
                "<em>Gesunde Kommune</em> entwickelt sich die Verwaltung Schritt für Schritt "
                "zu einer Organisation, die gesundheitliche Folgen ihres Handelns "
                "selbstverständlich prüft und Gesundheitsförderung dauerhaft verankert.</p>"
            ),
            heading("Was eine Gesunde Kommune ausmacht"),
            para(
                "<p>Im Mittelpunkt stehen das Wohlbefinden und die Lebensqualität der "
                "Bürgerinnen und Bürger. Damit das gelingt, ziehen viele mit:</p>"
                + bullets(
                    "Kommunalpolitik und Verwaltung setzen Schwerpunkte und stellen "
                    "Ressourcen bereit.",
                    "Einrichtungen, freie Träger, Initiativen und Selbsthilfegruppen bringen "
                    "ihr Wissen und ihre Angebote ein.",
                    "Fachleute und Bürgerschaft erhalten leichten Zugang zu Beratung, "
                    "Erfahrungen und Dienstleistungen.",
                )
            ),
            para(
                "<p>Besonders wichtig ist die Zusammenarbeit: Bestehende Angebote sollen "
                "sich ergänzen statt nebeneinander herzulaufen, und Lücken werden gemeinsam "
                "geschlossen.</p>"
            ),
        ],
    ),
    StandardPageData(
        slug="unsere-unterstuetzung",
        title="Unsere Unterstützung",
        show_in_menus=True,
        search_description="Beratung, Prozessbegleitung, Coaching und Austausch für Kommunen.",
        intro="<p>Kommunen, die Gesundheitsförderung zum Thema machen wollen, begleiten wir "
        "von der ersten Idee bis zum arbeitsfähigen Netzwerk.</p>",
        body=[
            heading("Prozessbegleitung"),
            para(
                "<p>Gemeinsam mit den Beauftragten für Gesundheitsförderung entwickeln wir "
                "eine Strategie für die Vernetzung vor Ort und setzen sie um. Dazu "
                "gehören:</p>"
                + bullets(
                    "individuelle Beratung zu strategischen und operativen Schritten, "
                    "mit systemischem Blick auf die Beteiligten",
                    "Qualifizierung für das Netzwerkmanagement",
                    "Coachings mit dem nexus - Institut für Kooperationsmanagement und "
                    "interdisziplinäre Forschung in Berlin; die Kosten sind Teil der "
                    "Unterstützung",
                    "zwei Austauschtreffen im Jahr mit den Thüringer Regionen, die bereits "
                    "im Netzwerkprozess sind",
                )
            ),
            heading("Fachberatung, Seminare und Workshops"),
            para(
                "<p>Wer sich erst einmal mit Gesundheitsförderung und mit Vernetzung im "
                "kommunalen Umfeld vertraut machen möchte, findet passende Termine im "
                '<a href="/de/veranstaltungen/">Veranstaltungskalender</a>. Melden Sie sich '
                "auch gern direkt bei uns.</p>"
            ),
            heading("Modellregionen"),
            para(
                "<p>Im Wartburgkreis, in Weimar und in Gera entstehen derzeit eigene "
                "Vernetzungsmodelle für Gesundheitsförderung und Prävention. Ausführliche "
                "Ergebnisse der einzelnen Kommunen sind aus Datenschutzgründen nur für die "
                "Mitglieder des jeweiligen Netzwerks einsehbar.</p>"
            ),
            heading("Materialien"),
            para(
                "<p>Programme, Dokumentationen und Vorträge finden Sie bei der jeweiligen "
                "Veranstaltung im Kalender.</p>"
            ),
            document("handreichung-praeventionsketten"),
        ],
    ),
    StandardPageData(
        slug="partnerprozess",
        title="Partnerprozess „Gesundheit für alle“",
        show_in_menus=True,
        search_description="Der kommunale Partnerprozess des Kooperationsverbunds.",
        intro="<p>Ein bundesweiter Lernverbund für Kommunen, die Gesundheit für Menschen in "
        "schwieriger sozialer Lage verbessern wollen.</p>",
        body=[
            heading("Worum es geht"),
            para(
                "<p>Viele Kommunen unterstützen Menschen in belasteten Lebenslagen längst mit "
                "eigenen Angeboten. Nicht selten arbeiten Gesundheitsamt, Jugendhilfe und "
                "Schulen dabei aber unabgestimmt. Integrierte kommunale Strategien, oft "
                "<em>Präventionsketten</em> genannt, verknüpfen diese Angebote, sodass sie "
                "über den ganzen Lebenslauf hinweg ineinandergreifen.</p>"
            ),
            para(
                "<p>Im Partnerprozess lernen Kommunen voneinander: Welche Ansätze haben sich "
                "bewährt, und wie lassen sich Erfahrungen so aufbereiten, dass andere sie "
                "nutzen können?</p>"
            ),
            heading("Ziele"),
            para(
                bullets(
                    "ein gesundes Leben mit fairen Chancen für alle Altersgruppen fördern",
                    "Kommunen beim Aufbau und bei der Umsetzung von Präventionsketten unterstützen",
                    "Wissen, Erfahrungen und Ressourcen bundesweit sichtbar machen",
                    "Zusammenarbeit und gemeinsames Lernen über Ressortgrenzen hinweg stärken",
                )
            ),
            heading("Mitmachen"),
            para(
                "<p>Über siebzig Partnerkommunen beteiligen sich bereits. Der "
                f"{KOOPERATIONSVERBUND} koordiniert den Austausch; kommunale "
                "Spitzenverbände und das Gesunde Städte-Netzwerk unterstützen ihn.</p>"
            ),
        ],
    ),
    StandardPageData(
        slug="impressum",
        title="Impressum",
        search_description="Anbieterkennzeichnung des Portals Gesunde Kommune.",
        intro="<p>Angaben nach § 5 Digitale-Dienste-Gesetz.</p>",
        body=[
            heading("Anbieter"),
            para(
                "<p>Geschäftsstelle Gesunde Kommune (Demonstrationsangebot)<br>"
                "Musterstraße 1<br>99084 Erfurt<br>"
                "E-Mail: redaktion@gesunde-kommune.example.org</p>"
            ),
            heading("Redaktion"),
            para(
                "<p>Verantwortlich für den Inhalt ist die Redaktion der Geschäftsstelle. "
                "Beiträge der Regionen verantworten die jeweiligen Kommunen.</p>"
            ),
            heading("Hinweis"),
            para(
                "<p>Diese Installation enthält Beispielinhalte zu Demonstrationszwecken. "
                "Alle Kontaktadressen sind Platzhalter.</p>"
            ),
        ],
    ),
    StandardPageData(
        slug="datenschutz",
        title="Datenschutzerklärung",
        search_description="Wie das Portal mit personenbezogenen Daten umgeht.",
        intro="<p>Wir verarbeiten nur die Daten, die für den Betrieb des Portals nötig sind.</p>",
        body=[
            heading("Verantwortliche Stelle"),
            para(
                "<p>Verantwortlich ist die im Impressum genannte Geschäftsstelle. Fragen zum "
                "Datenschutz richten Sie an datenschutz@gesunde-kommune.example.org.</p>"
            ),
            heading("Besuch der Website"),
            para(
                "<p>Beim Aufruf einer Seite speichert der Server technisch notwendige "
                "Angaben (Zeitpunkt, aufgerufene Adresse, gekürzte IP-Adresse) für höchstens "
                "sieben Tage, um Störungen und Angriffe zu erkennen. Es gibt kein Tracking "
                "und keine Inhalte von Drittanbietern.</p>"
            ),
            heading("Cookies"),
            para(
                "<p>Ein Cookie wird nur gesetzt, wenn Sie sich anmelden, etwa als Mitglied "
                "eines Netzwerks. Es dient ausschließlich der Sitzung und wird beim "
                "Abmelden gelöscht.</p>"
            ),
            heading("Ihre Rechte"),
            para(
                "<p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung und "
                "Einschränkung der Verarbeitung sowie ein Beschwerderecht bei der "
                "zuständigen Datenschutzaufsichtsbehörde.</p>"
            ),
        ],
    ),
    StandardPageData(
        slug="barrierefreiheit",
        title="Erklärung zur Barrierefreiheit",
        search_description="Stand der Barrierefreiheit und Kontakt für Rückmeldungen.",
        intro="<p>Das Portal soll für alle Menschen gut nutzbar sein, unabhängig von "
        "Einschränkungen oder eingesetzter Technik.</p>",
        body=[
            heading("Stand der Vereinbarkeit"),
            para(
                "<p>Diese Website ist mit den Anforderungen der Barrierefreie-"
                "Informationstechnik-Verordnung (BITV 2.0) und der Norm EN 301 549 "
                "<strong>teilweise vereinbar</strong>.</p>"
            ),
            heading("Nicht barrierefreie Inhalte"),
            para(
                bullets(
                    "Einige ältere PDF-Dokumente von Veranstaltungen sind nicht vollständig "
                    "strukturiert. Auf Anfrage stellen wir die Inhalte in einer "
                    "zugänglichen Form bereit.",
                    "Texte in Leichter Sprache liegen noch nicht vor.",
                )
            ),
            heading("Erstellung dieser Erklärung"),
            para(
                "<p>Die Erklärung beruht auf einer Selbstbewertung und wurde zuletzt im "
                "Januar 2024 überprüft.</p>"
            ),
            heading("Feedback und Kontakt"),
            para(
                "<p>Sind Ihnen Barrieren aufgefallen? Schreiben Sie uns an "
                '<a href="mailto:barrierefreiheit@gesunde-kommune.example.org">'
                "barrierefreiheit@gesunde-kommune.example.org</a>. Wir antworten in der "
                "Regel innerhalb von zwei Wochen.</p>"
            ),
            heading("Durchsetzungsverfahren"),
            para(
                "<p>Erhalten Sie keine zufriedenstellende Antwort, können Sie sich an die "
                "Durchsetzungsstelle für digitale Barrierefreiheit Ihres Landes wenden.</p>"
            ),
        ],
    ),
]

# ---------------------------------------------------------------------------
# Index pages
# ---------------------------------------------------------------------------

INDEX_PAGES: dict[str, dict[str, str]] = {
    "regionen": {
        "title": "Regionen",
        "intro": "<p>Modellregionen in Thüringen und Partnerkommunen in anderen Ländern: "
        "wer mitmacht, wie weit das Netzwerk ist und wen Sie ansprechen können.</p>",
    },
    "veranstaltungen": {
        "title": "Veranstaltungen",
        "intro": "<p>Werkstätten, Fachtage, Coachings und Austauschtreffen. Filtern Sie nach "
        "Bundesland, Kategorie, Schlagwort oder Jahr.</p>",
    },
    "aktuelles": {
        "title": "Aktuelles",
        "intro": "<p>Neuigkeiten aus den Regionen, dem Partnerprozess und der "
        "Gesundheitspolitik.</p>",
    },
    "good-practice-kriterien": {
        "title": "Good-Practice-Kriterien",
        "intro": "<p>Zwölf Kriterien helfen, Angebote der soziallagenbezogenen "
        "Gesundheitsförderung gut zu planen, umzusetzen und zu bewerten. Jedes Kriterium "
        "beschreibt Stufen, an denen Sie den eigenen Stand ablesen können.</p>",
    },
}

# ---------------------------------------------------------------------------
# Regions
# ---------------------------------------------------------------------------

MODEL_REGIONS = ["wartburgkreis", "weimar", "gera"]

REGIONS: list[RegionData] = [
    RegionData(
        slug="wartburgkreis",
        title="Wartburgkreis",
        kind="landkreis",
        role="modellregion",
        bundesland="TH",
        network_name="Gesundheitsnetzwerk Wartburgkreis",
        process_phase="umsetzung",
        joined=dt.date(2018, 3, 1),
        intro="Ein ländlich geprägter Landkreis im Westen Thüringens, der Gesundheits"
        "förderung über Gemeindegrenzen hinweg organisiert.",
        body=[
            heading("Das Netzwerk"),
            para(
                "<p>Im Wartburgkreis sind Wege weit und Angebote ungleich verteilt. Das "
                "Gesundheitsnetzwerk verbindet deshalb die Fachdienste des Landratsamts mit "
                "Gemeinden, Trägern und Vereinen, damit auch kleinere Orte erreicht "
                "werden.</p>"
            ),
            heading("Schwerpunkte"),
            para(
                bullets(
                    "gesundes Aufwachsen und gelingende Übergänge von der Kita in die Schule",
                    "Bewegungsangebote im ländlichen Raum",
                    "Unterstützung pflegender Angehöriger",
                )
            ),
        ],
        tags=["Präventionsketten", "Vernetzung", "Gesundheitsförderung", "Ländlicher Raum"],
        contacts=["wartburgkreis", "agethur"],
        partners=[
            ("Gesetzliche Krankenkassen in der Region", ""),
            ("Kreissportbund und Sportvereine", ""),
            ("Kindertageseinrichtungen und Grundschulen", ""),
            ("Ambulante Pflegedienste", ""),
            (AGETHUR, "https://www.agethur.de/"),
        ],
        criteria=[1, 3, 8, 9],
        materials=["dokumentation-austauschtreffen-2024-herbst"],
        results=[
            heading("Ergebnisse 2024"),
            para(
                "<p>Die Lenkungsgruppe hat eine Bestandsaufnahme von 48 Angeboten "
                "abgeschlossen. Zwei Gemeinden ohne Bewegungsangebot für Ältere wurden als "
                "vorrangig eingestuft; dort starten 2025 Spaziergruppen mit "
                "Übungsleitungen aus dem Kreissportbund.</p>"
            ),
            para(
                "<p>Offene Punkte: verbindliche Stundenanteile für die Koordination und eine "
                "gemeinsame Datengrundlage mit den Schulen.</p>"
            ),
        ],
    ),
    RegionData(
        slug="weimar",
        title="Weimar",
        kind="kreisfreie_stadt",
        role="modellregion",
        bundesland="TH",
        network_name="Netzwerk Gesunde Stadt Weimar",
        process_phase="aufbau",
        joined=dt.date(2019, 1, 15),
        intro="Die kreisfreie Stadt baut ein Netzwerk auf, das Gesundheit in die "
        "Stadtentwicklung und die Arbeit der Stadtteile einbringt.",
        body=[
            heading("Das Netzwerk"),
            para(
                "<p>Weimar verbindet Gesundheitsförderung mit der sozialen "
                "Stadtentwicklung. Die Koordinierungsstelle in der Stadtverwaltung "
                "lädt Ämter, Bildungseinrichtungen und freie Träger zu einem "
                "regelmäßigen Netzwerktreffen ein.</p>"
            ),
            heading("Schwerpunkte"),
            para(
                bullets(
                    "Bestandsaufnahme der Angebote nach Stadtteilen",
                    "Gesundheit von Studierenden und jungen Familien",
                    "Beteiligung der Bewohnerschaft an der Planung",
                )
            ),
        ],
        tags=["Vernetzung", "Gesundheitsförderung", "Partizipation"],
        contacts=["weimar", "agethur"],
        partners=[
            ("Krankenkassen", ""),
            ("Hochschulen und Schulen", ""),
            ("Freie Träger der Jugend- und Sozialarbeit", ""),
            ("Stadtteilzentren", ""),
            (AGETHUR, "https://www.agethur.de/"),
        ],
        criteria=[2, 5, 9],
        materials=["dokumentation-austauschtreffen-2024-herbst"],
        results=[
            heading("Ergebnisse 2024"),
            para(
                "<p>Die Bestandsaufnahme zeigt eine hohe Angebotsdichte in der Innenstadt "
                "und deutliche Lücken in zwei Stadtteilen am Stadtrand. Eine erste "
                "Netzwerkkonferenz mit rund 40 Organisationen ist für das Frühjahr geplant."
                "</p>"
            ),
        ],
    ),
    RegionData(
        slug="gera",
        title="Gera",
        kind="kreisfreie_stadt",
        role="modellregion",
        bundesland="TH",
        network_name="Gesunde Kommune Gera",
        process_phase="aufbau",
        joined=dt.date(2019, 6, 1),
        intro="Das Amt für Gesundheit und Versorgung steuert den Aufbau eines "
        "stadtweiten Netzwerks und einer Präventionskette für alle Lebensphasen.",
        body=[
            heading("Ein Netzwerk für die ganze Stadt"),
            para(
                "<p>Das integrierte Stadtentwicklungskonzept ISEK Gera 2030 nennt Prävention "
                "und Gesundheitsförderung für alle Bevölkerungsgruppen als Ziel. Um es zu "
                "erreichen, gestaltet das Amt für Gesundheit und Versorgung das Netzwerk "
                "<em>Gesunde Kommune Gera</em>: Akteure, die Lebensräume gesundheitsförderlich "
                "gestalten, sollen sich über Ressortgrenzen hinweg abstimmen.</p>"
            ),
            para(
                "<p>Ziel ist eine Präventionskette mit Gesundheitsstrategien, die sich am "
                "Lebenslauf orientieren: von der Familie mit Neugeborenem bis zum Alter.</p>"
            ),
            heading("Begleitung"),
            para(
                f"<p>Die {AGETHUR} begleitet den Aufbau, moderiert die Treffen und bringt "
                "Erfahrungen aus der landesweiten Gesundheitsförderung ein. Über den "
                "bundesweiten Partnerprozess tauscht sich Gera mit anderen Kommunen über "
                "wirksame Maßnahmen und Hindernisse aus.</p>"
            ),
            heading("Mitmachen"),
            para(
                "<p>Das Netzwerk sucht Partner, die in Gera für Gesundheit aktiv sind und "
                "Angebote gemeinsam ausbauen oder neu entwickeln wollen.</p>"
            ),
        ],
        tags=["Präventionsketten", "Vernetzung", "Gesundheitsförderung"],
        contacts=["gera", "agethur"],
        partners=[
            ("Krankenkassen", ""),
            ("Öffentliche Verwaltungen", ""),
            ("Sportgremien und Sportvereine", ""),
            ("Medizinische Versorgung", ""),
            ("Pflegeeinrichtungen", ""),
            ("Bildungseinrichtungen", ""),
            ("Kindertageseinrichtungen", ""),
            ("Unternehmen der regionalen Wirtschaft", ""),
            (AGETHUR, "https://www.agethur.de/"),
        ],
        criteria=[1, 5, 8, 9],
        materials=["handreichung-praeventionsketten", "intern-steuerungsrunde-gera"],
        results=[
            heading("Ergebnisse des ersten Netzwerkjahres"),
            para(
                "<p>Zum Netzwerk gehören 23 Organisationen. Zwei Arbeitsgruppen arbeiten zu "
                "Bewegung im Alltag und zu seelischer Gesundheit von Jugendlichen. Eine "
                "Befragung der Mitglieder ergab eine hohe Zufriedenheit mit der Moderation "
                "und Wünsche nach festen Ansprechpersonen in den Ämtern.</p>"
            ),
            document("intern-steuerungsrunde-gera"),
        ],
    ),
    RegionData(
        slug="braunschweig",
        title="Braunschweig",
        kind="kreisfreie_stadt",
        role="partnerkommune",
        bundesland="NI",
        network_name="Gesundheitsnetzwerk Braunschweig",
        process_phase="verstetigung",
        joined=dt.date(2016, 5, 1),
        intro="Partnerkommune im Partnerprozess mit langjährigen Erfahrungen in "
        "stadtteilbezogener Gesundheitsförderung.",
        body=[
            para(
                "<p>Die Stadt verknüpft Angebote für Familien in ausgewählten Stadtteilen "
                "und teilt ihre Erfahrungen im bundesweiten Austausch.</p>"
            )
        ],
        tags=["Präventionsketten", "Kommunen"],
        contacts=["braunschweig"],
        partners=[("Familienzentren", ""), ("Krankenkassen", "")],
        criteria=[3, 8],
    ),
    RegionData(
        slug="kreis-warendorf",
        title="Kreis Warendorf",
        kind="landkreis",
        role="partnerkommune",
        bundesland="NW",
        network_name="Präventionskette Kreis Warendorf",
        process_phase="umsetzung",
        joined=dt.date(2017, 9, 1),
        intro="Ein Kreis im Münsterland, der gemeinsam mit seinen Städten und Gemeinden "
        "eine Präventionskette entwickelt.",
        body=[
            para(
                "<p>Schwerpunkt ist die Abstimmung zwischen Kreisverwaltung und "
                "kreisangehörigen Kommunen, damit Familien überall ähnliche Unterstützung "
                "finden.</p>"
            )
        ],
        tags=["Präventionsketten", "Kommunen", "Vernetzung"],
        contacts=["warendorf"],
        partners=[("Jugendämter der kreisangehörigen Städte", ""), ("Schulen", "")],
        criteria=[9, 11],
    ),
    RegionData(
        slug="leipzig",
        title="Leipzig",
        kind="kreisfreie_stadt",
        role="partnerkommune",
        bundesland="SN",
        network_name="Gesunde Stadt Leipzig",
        process_phase="umsetzung",
        joined=dt.date(2018, 10, 1),
        intro="Eine wachsende Großstadt, die Gesundheitsförderung in ihre "
        "Stadtteilentwicklung einbindet.",
        body=[
            para(
                "<p>Das Gesundheitsamt koordiniert ein stadtweites Netzwerk und arbeitet eng "
                "mit der Stadtteilentwicklung zusammen.</p>"
            )
        ],
        tags=["Gesundheitsförderung", "Kommunen"],
        contacts=["leipzig"],
        partners=[("Stadtteilvereine", ""), ("Krankenkassen", "")],
        criteria=[5, 6],
    ),
]

# ---------------------------------------------------------------------------
# Events (naive datetimes in Europe/Berlin; fixed dates keep the loader idempotent)
# ---------------------------------------------------------------------------

LERNWERKSTATT_SLUG = "lernwerkstatt-strategieentwicklung-2019"
LERNWERKSTATT_TITLE = (
    "Lernwerkstatt Strategieentwicklung als Basis für gemeinsames Handeln: "
    "Integriertes Handlungskonzept und Vernetzung"
)
LERNWERKSTATT_TAGS = ["Good Practice", "Vernetzung", "Werkstatt"]

EVENTS: list[EventData] = [
    EventData(
        slug=LERNWERKSTATT_SLUG,
        title=LERNWERKSTATT_TITLE,
        start=dt.datetime(2019, 9, 30, 10, 0),
        end=dt.datetime(2019, 9, 30, 16, 0),
        place="Hannover",
        bundesland="NI",
        organiser=LVG_NDS,
        category="werkstatt",
        teaser="Gute Absicht ist noch keine gute Praxis: Die Lernwerkstatt zeigt, wie "
        "Kriterien guter Praxis bei der gemeinsamen Strategieentwicklung helfen.",
        body=[
            para(
                "<p>Die Good-Practice-Kriterien unterstützen Multiplikatorinnen und "
                "Multiplikatoren sowie Fachleute aus Kita, Schule und Kommune dabei, "
                "Vorhaben der soziallagenbezogenen Gesundheitsförderung zu planen, "
                "durchzuführen und zu bewerten. Nach dem Start der Lernwerkstätten 2018 "
                "wird das Format 2019 wegen der großen Nachfrage fortgesetzt.</p>"
            ),
            heading("Im Mittelpunkt"),
            para(
                "<p>Wer im Setting Kommune oder im Stadtteil eine gemeinsame Strategie "
                "entwickeln will, braucht vor allem zwei Dinge:</p>"
                + bullets(
                    "<strong>Ein integriertes Handlungskonzept</strong>: Es steuert und "
                    "koordiniert Angebote, entsteht gemeinsam mit den wichtigen "
                    "Akteursgruppen und fügt Maßnahmen in eine Präventionskette ein.",
                    "<strong>Vernetzung</strong>: Beziehungen zwischen Menschen und "
                    "Einrichtungen, über die Informationen fließen, Ressourcen geteilt und "
                    "Ziele abgestimmt werden. So passen neue Angebote in die vorhandene "
                    "Landschaft oder schließen Lücken.",
                )
            ),
            para("<p>Kommunale Praxisbeispiele machen die Kriterien anschaulich.</p>"),
            document("programm-lernwerkstatt-2019", "Programm der Lernwerkstatt (PDF)"),
        ],
        tags=LERNWERKSTATT_TAGS,
        criteria=[9, 1, 10],
        materials=["programm-lernwerkstatt-2019"],
        registration_info="Die Anmeldung ist geschlossen.",
    ),
    EventData(
        slug="austauschtreffen-modellregionen-fruehjahr-2024",
        title="Austauschtreffen der Thüringer Modellregionen (Frühjahr 2024)",
        start=dt.datetime(2024, 4, 17, 10, 0),
        end=dt.datetime(2024, 4, 17, 15, 0),
        place="Erfurt",
        bundesland="TH",
        organiser=AGETHUR,
        category="austauschtreffen",
        teaser="Die Modellregionen berichten vom Stand ihrer Netzwerke und planen das "
        "zweite Halbjahr.",
        body=[
            para(
                "<p>Zweimal im Jahr treffen sich die Koordinierenden aus dem Wartburgkreis, "
                "aus Weimar und aus Gera. Diesmal geht es um Geschäftsordnungen für "
                "Netzwerke und um die Frage, wie Beschlüsse der Verwaltungsspitze "
                "eingeholt werden.</p>"
            )
        ],
        tags=["Austauschtreffen", "Vernetzung", "Präventionsketten"],
        criteria=[9],
        regions=MODEL_REGIONS,
        registration_info="Nur für Vertreterinnen und Vertreter der Modellregionen.",
    ),
    EventData(
        slug="austauschtreffen-modellregionen-herbst-2024",
        title="Austauschtreffen der Thüringer Modellregionen (Herbst 2024)",
        start=dt.datetime(2024, 11, 6, 10, 0),
        end=dt.datetime(2024, 11, 6, 15, 30),
        place="Weimar",
        bundesland="TH",
        organiser=AGETHUR,
        category="austauschtreffen",
        teaser="Blitzlichter aus drei Regionen und gemeinsame Verabredungen für das kommende Jahr.",
        body=[
            para(
                "<p>Im Herbsttreffen stellen die Regionen ihre größten Hürden vor und "
                "beraten sich gegenseitig. Die Dokumentation fasst die Ergebnisse "
                "zusammen.</p>"
            ),
            document("dokumentation-austauschtreffen-2024-herbst"),
        ],
        tags=["Austauschtreffen", "Vernetzung"],
        criteria=[9, 11],
        regions=MODEL_REGIONS,
        materials=["dokumentation-austauschtreffen-2024-herbst"],
        registration_info="Nur für Vertreterinnen und Vertreter der Modellregionen.",
    ),
    EventData(
        slug="coaching-netzwerkmanagement-2027",
        title="Coaching Netzwerkmanagement für kommunale Koordinierungsstellen",
        start=dt.datetime(2027, 2, 24, 9, 30),
        end=dt.datetime(2027, 2, 24, 16, 0),
        place="Erfurt",
        bundesland="TH",
        organiser=f"{AGETHUR} mit dem {NEXUS}",
        category="coaching",
        teaser="Ein Tag für die eigene Rolle im Netzwerk: Steuern, moderieren, Konflikte klären.",
        body=[
            para(
                "<p>Koordinierende stehen zwischen Verwaltung, Trägern und Politik. Im "
                "Coaching mit dem Institut für Kooperationsmanagement bearbeiten sie "
                "eigene Fälle aus der Netzwerkarbeit in einer kleinen Gruppe.</p>"
            ),
            para("<p>Für Kommunen in der Prozessbegleitung sind die Kosten gedeckt.</p>"),
        ],
        tags=["Vernetzung", "Netzwerkmanagement", "Qualifizierung"],
        criteria=[9, 10],
        regions=MODEL_REGIONS,
        registration_url="https://gesunde-kommune.example.org/anmeldung/coaching-2027",
        registration_deadline=dt.date(2027, 2, 3),
        registration_info="Höchstens zwölf Teilnehmende.",
    ),
    EventData(
        slug="austauschtreffen-modellregionen-fruehjahr-2027",
        title="Austauschtreffen der Thüringer Modellregionen (Frühjahr 2027)",
        start=dt.datetime(2027, 4, 21, 10, 0),
        end=dt.datetime(2027, 4, 21, 15, 0),
        place="Gera",
        bundesland="TH",
        organiser=AGETHUR,
        category="austauschtreffen",
        teaser="Gastgeberin ist diesmal Gera: Die Stadt stellt die Arbeitsgruppen ihres "
        "Netzwerks vor.",
        body=[
            para(
                "<p>Neben den Berichten aus den Regionen steht die gemeinsame Auswahl von "
                "Kennzahlen für die Präventionsketten auf dem Programm.</p>"
            )
        ],
        tags=["Austauschtreffen", "Präventionsketten"],
        criteria=[9, 11],
        regions=MODEL_REGIONS,
        registration_deadline=dt.date(2027, 4, 7),
        registration_info="Nur für Vertreterinnen und Vertreter der Modellregionen.",
    ),
    EventData(
        slug="fachtag-praeventionsketten-thueringen-2027",
        title="Fachtag: Präventionsketten in Thüringer Kommunen",
        start=dt.datetime(2027, 6, 16, 9, 30),
        end=dt.datetime(2027, 6, 16, 16, 30),
        place="Erfurt",
        venue="Tagungszentrum am Petersberg",
        bundesland="TH",
        organiser=AGETHUR,
        category="fachtag",
        teaser="Landkreise und Städte zeigen, wie sie Angebote über alle Lebensphasen verbinden.",
        body=[
            para(
                "<p>Der Fachtag richtet sich an Verwaltung, Politik und Fachleute aus "
                "Gesundheit, Jugendhilfe und Bildung. Foren zu Übergängen, Beteiligung "
                "und Finanzierung laden zum Mitdiskutieren ein.</p>"
            )
        ],
        tags=["Präventionsketten", "Kommunen", "Gesundheitsförderung"],
        criteria=[1, 8, 9],
        regions=MODEL_REGIONS,
        registration_url="https://gesunde-kommune.example.org/anmeldung/fachtag-2027",
        registration_deadline=dt.date(2027, 5, 31),
    ),
    EventData(
        slug="online-seminar-gesundheitskioske-2027",
        title="Online-Seminar: Gesundheitskioske in der Kommune",
        start=dt.datetime(2027, 9, 8, 14, 0),
        end=dt.datetime(2027, 9, 8, 16, 0),
        place="Online",
        bundesland=None,
        online=True,
        organiser=AGETHUR,
        category="online",
        teaser="Was ein Gesundheitskiosk leisten kann und was Kommunen vor der Gründung "
        "klären sollten.",
        body=[
            para(
                "<p>Zwei Stunden mit kurzen Impulsen und viel Zeit für Fragen. Den "
                "Zugangslink erhalten Sie nach der Anmeldung.</p>"
            )
        ],
        tags=["Gesundheitskiosk", "Gesundheitsversorgung", "Kommunen"],
        criteria=[6],
        registration_url="https://gesunde-kommune.example.org/anmeldung/online-2027",
    ),
    EventData(
        slug="austauschtreffen-modellregionen-herbst-2027",
        title="Austauschtreffen der Thüringer Modellregionen (Herbst 2027)",
        start=dt.datetime(2027, 10, 13, 10, 0),
        end=dt.datetime(2027, 10, 13, 15, 0),
        place="Eisenach",
        bundesland="TH",
        organiser=AGETHUR,
        category="austauschtreffen",
        teaser="Der Wartburgkreis lädt ein: Erfahrungen mit Bewegungsangeboten im ländlichen Raum.",
        body=[
            para(
                "<p>Das zweite Treffen des Jahres zieht Bilanz und bereitet die "
                "Planungen für 2028 vor.</p>"
            )
        ],
        tags=["Austauschtreffen", "Vernetzung"],
        criteria=[9],
        regions=MODEL_REGIONS,
        registration_info="Nur für Vertreterinnen und Vertreter der Modellregionen.",
    ),
]

# ---------------------------------------------------------------------------
# News
# ---------------------------------------------------------------------------

NEWS: list[NewsData] = [
    NewsData(
        slug="gesundheitskioske-beispielhafte-einrichtungen",
        title="Gesundheitskioske: beispielhafte Einrichtungen im Überblick",
        date=dt.date(2024, 3, 1),
        author=GESCHAEFTSSTELLE,
        teaser="Eine tabellarische Übersicht stellt bestehende und geplante Gesundheitskioske vor.",
        body=[
            para(
                "<p>Gesundheitskioske sollen Menschen in benachteiligten Stadtteilen "
                "niedrigschwellig beraten und in die Versorgung lotsen. Die Geschäftsstelle "
                "hat Einrichtungen zusammengetragen, die diesem neuen Typ bereits "
                "entsprechen oder in Planung sind, und in einer Tabelle aufbereitet.</p>"
            )
        ],
        tags=["Gesundheitskiosk", "Gesundheitsversorgung", "Kommunen"],
    ),
    NewsData(
        slug="kommunale-praeventionsketten-nrw",
        title="Kommunale Präventionsketten in NRW: ein gelungener Veränderungsprozess?",
        date=dt.date(2023, 12, 21),
        author="Auridis Stiftung gGmbH",
        teaser="Seit über zehn Jahren fördert Nordrhein-Westfalen Präventionsketten. "
        "Ein Beitrag fragt, was andere Länder daraus lernen können.",
        body=[
            para(
                "<p>2010 kündigte die damalige Landesregierung an, kein Kind zurücklassen "
                "zu wollen, und setzte damit einen Schwerpunkt auf vorbeugende Politik. Ab "
                "2012 erprobten Modellkommunen gemeinsam mit einer Stiftung den Aufbau von "
                "Präventionsketten. Über mehrere Regierungswechsel hinweg wurde die Förderung "
                "fortgeführt; heute stellt das Land dafür jährlich rund 14 Millionen Euro "
                "bereit.</p>"
            ),
            para(
                "<p>Der Beitrag untersucht, ob sich die Einführung der Präventionsketten als "
                "erfolgreiches Change Management eines Bundeslandes beschreiben lässt.</p>"
            ),
        ],
        tags=["Präventionsketten", "Kommunen"],
        regions=["kreis-warendorf"],
    ),
    NewsData(
        slug="aktionsplan-diverses-inklusives-barrierefreies-gesundheitswesen",
        title="Startschuss für einen Aktionsplan für ein diverses, inklusives und "
        "barrierefreies Gesundheitswesen",
        date=dt.date(2023, 12, 12),
        author=REDAKTION,
        teaser="Das Bundesministerium für Gesundheit hat ein Beteiligungsverfahren für "
        "den Aktionsplan gestartet.",
        body=[
            para(
                "<p>Gemeinsam mit Vertreterinnen und Vertretern aus Politik und "
                "Zivilgesellschaft hat das Bundesministerium für Gesundheit den "
                "Beteiligungsprozess eröffnet. Zunächst können Akteure schriftlich Stellung "
                "nehmen; nach der Auswertung folgen im Frühjahr 2024 Fachgespräche, in "
                "denen erreichbare Ziele und Maßnahmen vereinbart werden.</p>"
            ),
            para("<p>Der fertige Aktionsplan soll bis zum Sommer 2024 vorliegen.</p>"),
        ],
        tags=["Inklusion", "Diversität", "Gesundheitswesen"],
    ),
    NewsData(
        slug="startschuss-netzwerk-gesunde-kommune-gera",
        title="Startschuss für das Netzwerk Gesunde Kommune Gera",
        date=dt.date(2019, 6, 5),
        author="Amt für Gesundheit und Versorgung, Stadtverwaltung Gera",
        teaser="Gera baut ein stadtweites Netzwerk für Gesundheitsförderung und "
        "Prävention auf und sucht engagierte Partner.",
        body=[
            para(
                "<p>Mit einer Auftaktveranstaltung hat die Stadtverwaltung Gera das "
                "Netzwerk Gesunde Kommune gestartet. Das Vorhaben ist im integrierten "
                "Stadtentwicklungskonzept verankert, das der Stadtrat beschlossen hat.</p>"
            ),
            quote(
                "Je klarer wir unsere Schwerpunkte setzen, desto mehr erreichen wir für "
                "die Gesundheit in unserer Stadt.",
                "Dezernat Soziales der Stadtverwaltung Gera",
            ),
            para(
                "<p>Eingeladen sind Krankenkassen, Verwaltungen, Sportgremien, Einrichtungen "
                "der medizinischen Versorgung und Pflege, Bildungs- und Kindereinrichtungen "
                "sowie Unternehmen.</p>"
            ),
        ],
        tags=["Präventionsketten", "Vernetzung", "Gesundheitsförderung"],
        regions=["gera"],
    ),
    NewsData(
        slug="modellregionen-ziehen-zwischenbilanz-2024",
        title="Thüringer Modellregionen ziehen Zwischenbilanz",
        date=dt.date(2024, 11, 20),
        author=AGETHUR,
        teaser="Beim Herbsttreffen in Weimar zeigten Wartburgkreis, Weimar und Gera, wie "
        "weit ihre Netzwerke gekommen sind.",
        body=[
            para(
                "<p>Alle drei Modellregionen haben inzwischen feste Steuerungsgruppen. "
                "Unterschiedlich ist das Tempo: Der Wartburgkreis setzt bereits erste "
                "Maßnahmen um, Weimar und Gera befinden sich im Aufbau. Gemeinsam wollen "
                "die Regionen im kommenden Jahr vergleichbare Kennzahlen erproben.</p>"
            ),
            document("dokumentation-austauschtreffen-2024-herbst"),
        ],
        tags=["Austauschtreffen", "Vernetzung", "Präventionsketten"],
        regions=MODEL_REGIONS,
    ),
]

# ---------------------------------------------------------------------------
# The 12 Good Practice criteria
# ---------------------------------------------------------------------------

_LIT_KRITERIEN = (
    f"<ul><li>{KOOPERATIONSVERBUND} (Hrsg.): <em>Kriterien für gute Praxis der "
    "soziallagenbezogenen Gesundheitsförderung</em>. Ausgabe 2021.</li>"
)
_LIT_END = "</ul>"


def _lit(*extra: str) -> str:
    return _LIT_KRITERIEN + "".join(f"<li>{item}</li>" for item in extra) + _LIT_END


CRITERIA: list[CriterionData] = [
    CriterionData(
        number=1,
        slug="konzeption",
        title="Konzeption",
        former_name="",
        definition="<p>Ein Vorhaben beruht auf einer schriftlichen Planung, die Ausgangslage, "
        "Ziele, Zielgruppen, Maßnahmen und Ressourcen nachvollziehbar verbindet.</p>",
        levels=[
            ("Stufe 1: Idee", "Es gibt eine Vorstellung davon, was erreicht werden soll."),
            (
                "Stufe 2: Entwurf",
                "Ziele und Maßnahmen sind notiert, aber noch nicht aufeinander bezogen.",
            ),
            (
                "Stufe 3: Konzept",
                "Bedarf, Ziele, Maßnahmen und Zuständigkeiten sind "
                "schriftlich und schlüssig verbunden.",
            ),
            (
                "Stufe 4: Lernendes Konzept",
                "Das Konzept wird anhand von Erfahrungen regelmäßig überprüft und fortgeschrieben.",
            ),
        ],
        explanation="<p>Eine gute Konzeption macht sichtbar, warum ein Angebot gebraucht "
        "wird und woran sein Erfolg erkennbar ist. Sie ist Grundlage für Abstimmungen mit "
        "Partnern und für die spätere Bewertung.</p>",
        literature=_lit(),
    ),
    CriterionData(
        number=2,
        slug="zielgruppenbezug",
        title="Zielgruppenbezug",
        former_name="",
        definition="<p>Das Angebot richtet sich erkennbar an Menschen in schwieriger "
        "sozialer Lage und ist auf deren Lebensumstände zugeschnitten.</p>",
        levels=[
            ("Stufe 1: Allgemein", "Das Angebot ist für alle offen, ohne besondere Ausrichtung."),
            ("Stufe 2: Benannt", "Die Zielgruppe ist beschrieben, ihre Bedarfe sind vermutet."),
            ("Stufe 3: Ermittelt", "Bedarfe wurden erhoben und prägen Inhalte, Orte und Zeiten."),
            (
                "Stufe 4: Erreicht",
                "Es wird geprüft, ob die Zielgruppe tatsächlich teilnimmt, und nachgesteuert.",
            ),
        ],
        explanation="<p>Angebote für alle erreichen oft vor allem jene, denen es ohnehin "
        "gut geht. Ein klarer Zielgruppenbezug wirkt dem entgegen.</p>",
        literature=_lit(),
    ),
    CriterionData(
        number=3,
        slug="setting-ansatz",
        title="Setting-Ansatz",
        former_name="",
        definition="<p>Gesundheitsförderung setzt in den Lebenswelten an, in denen Menschen "
        "ihren Alltag verbringen, und verändert dort Verhalten und Verhältnisse.</p>",
        levels=[
            ("Stufe 1: Ort", "Die Lebenswelt dient nur als Veranstaltungsort."),
            (
                "Stufe 2: Beteiligung",
                "Verantwortliche der Lebenswelt sind in die Planung eingebunden.",
            ),
            (
                "Stufe 3: Verhältnisse",
                "Auch Strukturen und Abläufe in der Lebenswelt "
                "werden gesundheitsförderlich verändert.",
            ),
            (
                "Stufe 4: Organisationsentwicklung",
                "Die Lebenswelt verankert Gesundheit dauerhaft in ihrem Selbstverständnis.",
            ),
        ],
        explanation="<p>Kita, Schule, Betrieb oder Stadtteil prägen Gesundheit stärker als "
        "einzelne Kurse. Der Setting-Ansatz nutzt diese Wirkung.</p>",
        literature=_lit(),
    ),
    CriterionData(
        number=4,
        slug="empowerment",
        title="Empowerment",
        former_name="",
        definition="<p>Das Angebot stärkt die Fähigkeit der Beteiligten, ihre Lebens"
        "bedingungen selbstbestimmt zu gestalten.</p>",
        levels=[
            (
                "Stufe 1: Versorgung",
                "Die Beteiligten erhalten Leistungen, ohne selbst aktiv zu werden.",
            ),
            (
                "Stufe 2: Information",
                "Wissen wird so vermittelt, dass eigene Entscheidungen möglich werden.",
            ),
            (
                "Stufe 3: Befähigung",
                "Die Beteiligten erproben eigene Lösungen und "
                "erweitern ihre Handlungsmöglichkeiten.",
            ),
            (
                "Stufe 4: Selbstorganisation",
                "Gruppen übernehmen Verantwortung für Teile des Angebots.",
            ),
        ],
        explanation="<p>Empowerment setzt an Stärken an, nicht an Defiziten. Es braucht "
        "Zeit und die Bereitschaft der Fachleute, Kontrolle abzugeben.</p>",
        literature=_lit(),
    ),
    CriterionData(
        number=5,
        slug="partizipation",
        title="Partizipation",
        former_name="",
        definition="<p>Die Menschen, für die ein Angebot gedacht ist, wirken an Planung, "
        "Umsetzung und Bewertung mit und können Entscheidungen beeinflussen.</p>",
        levels=[
            ("Stufe 1: Information", "Die Zielgruppe wird über Vorhaben informiert."),
            (
                "Stufe 2: Anhörung",
                "Meinungen werden eingeholt, die Entscheidung bleibt bei anderen.",
            ),
            (
                "Stufe 3: Mitbestimmung",
                "Vertreterinnen und Vertreter der Zielgruppe entscheiden mit.",
            ),
            (
                "Stufe 4: Entscheidungsmacht",
                "Die Zielgruppe entscheidet über wesentliche Teile selbst.",
            ),
        ],
        explanation="<p>Partizipation erhöht Passgenauigkeit und Akzeptanz. Die Stufen "
        "helfen, ehrlich zu benennen, wie weit Beteiligung tatsächlich reicht.</p>",
        literature=_lit(),
    ),
    CriterionData(
        number=6,
        slug="niedrigschwellige-arbeitsweise",
        title="Niedrigschwellige Arbeitsweise",
        former_name="",
        definition="<p>Zugangshürden wie Kosten, Wege, Sprache, Formulare oder Scham "
        "werden bewusst abgebaut.</p>",
        levels=[
            ("Stufe 1: Offen", "Das Angebot steht grundsätzlich allen offen."),
            ("Stufe 2: Hürden erkannt", "Typische Hürden der Zielgruppe sind bekannt."),
            (
                "Stufe 3: Hürden abgebaut",
                "Ort, Zeit, Kosten und Sprache sind an die Zielgruppe angepasst.",
            ),
            (
                "Stufe 4: Aufsuchend",
                "Das Angebot geht aktiv auf Menschen zu, die sonst nicht kommen würden.",
            ),
        ],
        explanation="<p>Niedrigschwelligkeit entscheidet häufig darüber, ob ein gut "
        "gemeintes Angebot überhaupt genutzt wird.</p>",
        literature=_lit(),
    ),
    CriterionData(
        number=7,
        slug="multiplikatorenkonzept",
        title="Multiplikatorenkonzept",
        former_name="",
        definition="<p>Personen mit Zugang zur Zielgruppe werden gezielt gewonnen, "
        "qualifiziert und begleitet, damit sie Inhalte weitertragen.</p>",
        levels=[
            ("Stufe 1: Zufällig", "Einzelne Personen geben Informationen nebenbei weiter."),
            ("Stufe 2: Gewonnen", "Multiplikatorinnen und Multiplikatoren sind benannt."),
            ("Stufe 3: Qualifiziert", "Sie werden geschult und haben Material."),
            (
                "Stufe 4: Begleitet",
                "Sie erhalten fortlaufend Austausch, Anerkennung und Unterstützung.",
            ),
        ],
        explanation="<p>Vertraute Personen erreichen Menschen, die Fachstellen nur schwer "
        "ansprechen. Ihre Rolle muss klar und wertgeschätzt sein.</p>",
        literature=_lit(),
    ),
    CriterionData(
        number=8,
        slug="nachhaltigkeit",
        title="Nachhaltigkeit",
        former_name="",
        definition="<p>Wirkungen und Strukturen bleiben über die Projektlaufzeit hinaus "
        "erhalten.</p>",
        levels=[
            ("Stufe 1: Projekt", "Das Angebot endet mit der Förderung."),
            ("Stufe 2: Anschluss geplant", "Möglichkeiten der Weiterführung werden früh geprüft."),
            (
                "Stufe 3: Gesichert",
                "Finanzierung und Zuständigkeit sind über die Projektzeit hinaus geklärt.",
            ),
            ("Stufe 4: Verankert", "Das Angebot ist Teil der Regelstrukturen."),
        ],
        explanation="<p>Kurzlebige Projekte können Vertrauen beschädigen. Nachhaltigkeit "
        "wird von Anfang an mitgeplant.</p>",
        literature=_lit(),
    ),
    CriterionData(
        number=9,
        slug="integriertes-handeln",
        title="Integriertes Handeln",
        former_name="Integriertes Handlungskonzept / Vernetzung",
        definition="<p>Akteure aus verschiedenen Ressorts und Lebenswelten stimmen ihre "
        "Ziele und Angebote in einem gemeinsamen Handlungskonzept ab und arbeiten "
        "verbindlich vernetzt.</p>",
        levels=[
            ("Stufe 1: Nebeneinander", "Angebote bestehen unabhängig voneinander."),
            ("Stufe 2: Austausch", "Die Beteiligten informieren sich gegenseitig."),
            ("Stufe 3: Abstimmung", "Ziele und Angebote werden gemeinsam geplant."),
            (
                "Stufe 4: Gemeinsames Konzept",
                "Ein beschlossenes Handlungskonzept steuert die Zusammenarbeit.",
            ),
            (
                "Stufe 5: Präventionskette",
                "Das Konzept ist Teil einer integrierten "
                "kommunalen Strategie über alle Lebensphasen.",
            ),
        ],
        explanation="<p>Integrierte Handlungskonzepte sind Steuerungsinstrumente: Sie "
        "entstehen mit den wichtigen Akteursgruppen eines Settings oder über Settings "
        "hinweg. Vernetzung schafft die Beziehungen, über die Informationen, Ressourcen "
        "und Ziele geteilt werden. Beides zusammen hilft, neue Angebote passend in die "
        "kommunale Landschaft einzufügen und Lücken zu schließen.</p>",
        literature=_lit(
            f"{KOOPERATIONSVERBUND} (Hrsg.): <em>Werkbuch Präventionskette</em>.",
        ),
    ),
    CriterionData(
        number=10,
        slug="qualitaetsmanagement",
        title="Qualitätsmanagement",
        former_name="Qualitätsmanagement/-entwicklung",
        definition="<p>Die Qualität des Angebots wird systematisch geplant, geprüft und "
        "weiterentwickelt.</p>",
        levels=[
            ("Stufe 1: Einzelfall", "Probleme werden gelöst, wenn sie auftreten."),
            ("Stufe 2: Reflexion", "Das Team bespricht regelmäßig, was gut läuft."),
            ("Stufe 3: Verfahren", "Qualitätsziele und Prüfschritte sind festgelegt."),
            ("Stufe 4: Kreislauf", "Ergebnisse fließen verbindlich in die Planung zurück."),
        ],
        explanation="<p>Qualitätsmanagement muss nicht aufwendig sein. Entscheidend ist "
        "ein wiederkehrender Kreislauf aus Planen, Handeln, Prüfen und Verbessern.</p>",
        literature=_lit(),
    ),
    CriterionData(
        number=11,
        slug="dokumentation-und-evaluation",
        title="Dokumentation und Evaluation",
        former_name="",
        definition="<p>Umsetzung und Ergebnisse werden nachvollziehbar festgehalten und "
        "bewertet.</p>",
        levels=[
            ("Stufe 1: Einzelne Notizen", "Es gibt verstreute Aufzeichnungen."),
            ("Stufe 2: Dokumentation", "Leistungen und Teilnahme werden regelmäßig erfasst."),
            ("Stufe 3: Selbstevaluation", "Ziele werden anhand festgelegter Kennzahlen überprüft."),
            ("Stufe 4: Externe Evaluation", "Eine unabhängige Stelle bewertet das Vorhaben."),
        ],
        explanation="<p>Dokumentation und Evaluation machen Erfolge sichtbar und helfen, "
        "Entscheidungen zu begründen.</p>",
        literature=_lit(),
    ),
    CriterionData(
        number=12,
        slug="belege-fuer-wirkungen-und-kosten",
        title="Belege für Wirkungen und Kosten",
        former_name="Kosten-Wirksamkeits-Verhältnis",
        definition="<p>Es liegen Hinweise vor, dass das Angebot wirkt und dass Aufwand und "
        "Nutzen in einem angemessenen Verhältnis stehen.</p>",
        levels=[
            ("Stufe 1: Annahme", "Die Wirkung wird vermutet."),
            ("Stufe 2: Plausibel", "Wirkannahmen stützen sich auf Erfahrungen und Fachliteratur."),
            ("Stufe 3: Beobachtet", "Veränderungen bei der Zielgruppe sind gemessen."),
            ("Stufe 4: Belegt", "Wirkungen und Kosten sind systematisch ausgewertet."),
        ],
        explanation="<p>Wer Wirkungen und Kosten belegt, kann Geldgeber und Politik "
        "überzeugen und Mittel dort einsetzen, wo sie am meisten bewirken.</p>",
        literature=_lit(),
    ),
]

# ---------------------------------------------------------------------------
# English translations (same translation_key as the German page)
# ---------------------------------------------------------------------------

TRANSLATIONS: list[TranslationData] = [
    TranslationData(
        path=(),
        slug="home-en",
        title="Healthy Municipality",
        fields={
            "intro": "<p>Health is shaped where people live, learn, work and spend their "
            "free time. This portal shows how districts and cities build networks for "
            "health promotion, and gathers dates, news and materials.</p>",
            "body": [
                heading("Becoming a healthy municipality"),
                para(
                    "<p>Many local bodies already do something for public health. A "
                    "municipal network brings them together so that single services grow "
                    "into a joint strategy. The model regions Wartburgkreis, Weimar and Gera "
                    "are on their way.</p>"
                ),
            ],
        },
    ),
    TranslationData(
        path=("regionen",),
        slug="regions",
        title="Regions",
        fields={
            "intro": "<p>Model regions in Thuringia and partner municipalities in other states.</p>"
        },
    ),
    TranslationData(
        path=("veranstaltungen",),
        slug="events",
        title="Events",
        fields={
            "intro": "<p>Learning workshops, conferences, coachings and exchange meetings.</p>"
        },
    ),
    TranslationData(
        path=("aktuelles",),
        slug="news",
        title="News",
        fields={"intro": "<p>News from the regions, the partner process and health policy.</p>"},
    ),
    TranslationData(
        path=("good-practice-kriterien",),
        slug="good-practice-criteria",
        title="Good Practice Criteria",
        fields={
            "intro": "<p>Twelve criteria help to plan, implement and assess health "
            "promotion for people in difficult social circumstances.</p>"
        },
    ),
    TranslationData(
        path=("unsere-vision",),
        slug="our-vision",
        title="Our vision",
        fields={
            "intro": "<p>A municipality that considers health in every decision.</p>",
            "body": [
                heading("Health as a shared task"),
                para(
                    "<p>We advise districts and cities on building a network structure that "
                    "suits them. In the <em>Healthy Municipality</em> network, the local "
                    "administration gradually becomes an organisation that routinely "
                    "considers the health effects of its work.</p>"
                ),
            ],
        },
    ),
    TranslationData(
        path=("good-practice-kriterien", "integriertes-handeln"),
        slug="integrated-action",
        title="Integrated action",
        fields={
            "former_name": "Integrated action plan / networking",
            "definition": "<p>Actors from different departments and settings agree on "
            "their goals and services in a joint action plan and work together in a "
            "binding network.</p>",
            "explanation": "<p>Integrated action plans are steering tools developed with "
            "the key actors of a setting. Networking creates the relationships through "
            "which information, resources and goals are shared.</p>",
            "levels": [
                ("Stage 1: Side by side", "Services exist independently of each other."),
                ("Stage 2: Exchange", "The actors keep each other informed."),
                ("Stage 3: Coordination", "Goals and services are planned together."),
                ("Stage 4: Joint plan", "An adopted action plan steers the cooperation."),
                (
                    "Stage 5: Prevention chain",
                    "The plan is part of an integrated municipal "
                    "strategy across all stages of life.",
                ),
            ],
        },
    ),
    TranslationData(
        path=("regionen", "gera"),
        slug="gera",
        title="Gera",
        fields={
            "intro": "The city's Office for Health and Care is building a city-wide network "
            "and a prevention chain for all stages of life.",
            "body": [
                heading("A network for the whole city"),
                para(
                    "<p>Gera's integrated urban development concept names prevention and "
                    "health promotion for all groups of the population as a goal. The "
                    "<em>Gesunde Kommune Gera</em> network brings together the organisations "
                    "that shape everyday surroundings, across departmental boundaries.</p>"
                ),
            ],
        },
    ),
    TranslationData(
        path=("veranstaltungen", "fachtag-praeventionsketten-thueringen-2027"),
        slug="conference-prevention-chains-thuringia-2027",
        title="Conference: prevention chains in Thuringian municipalities",
        fields={
            "teaser": "Districts and cities show how they connect services across all "
            "stages of life.",
            "body": [
                para(
                    "<p>For administrations, local politics and professionals from health, "
                    "youth services and education. The conference is held in German.</p>"
                )
            ],
        },
    ),
    TranslationData(
        path=("veranstaltungen", "online-seminar-gesundheitskioske-2027"),
        slug="online-seminar-health-kiosks-2027",
        title="Online seminar: health kiosks in the municipality",
        fields={
            "teaser": "What a health kiosk can achieve and what municipalities should "
            "clarify before opening one.",
            "body": [
                para(
                    "<p>Two hours with short inputs and plenty of time for questions. The "
                    "seminar is held in German.</p>"
                )
            ],
        },
    ),
    TranslationData(
        path=("aktuelles", "gesundheitskioske-beispielhafte-einrichtungen"),
        slug="health-kiosks-examples",
        title="Health kiosks: an overview of exemplary facilities",
        fields={
            "teaser": "A table presents existing and planned health kiosks.",
            "body": [
                para(
                    "<p>Health kiosks offer low-threshold advice in disadvantaged "
                    "neighbourhoods and guide people into care. The office of the "
                    "cooperation network has compiled facilities of this new type.</p>"
                )
            ],
        },
    ),
]

# Demo accounts (only where settings.DEMO_ACCOUNTS is true: dev and test).
DEMO_ADMIN_USERNAME = "admin"
DEMO_PASSWORD = "gesunde-kommune-demo"  # noqa: S105 - documented demo password, dev/test only
DEMO_NETWORK_USERNAME = "netzwerk-gera"


def network_group_name(region_title: str) -> str:
    return f"Netzwerk {region_title}"


# ---------------------------------------------------------------------------
# Editorial roles and states (issue #3). One demo account per role; group names
# come from editorial/roles.py (apply_editorial gives the groups their rights).
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RoleAccountData:
    username: str
    first_name: str
    last_name: str
    role: str  # "redaktion", "regional:<region slug>", "moderation", "administration"
    description: str


DEMO_ROLE_ACCOUNTS: list[RoleAccountData] = [
    RoleAccountData("redaktion", "Demo", "Redaktion", "redaktion", "Redaktion"),
    RoleAccountData(
        "regional-gera",
        "Demo",
        "Regionalredaktion Gera",
        "regional:gera",
        "Regionale Redaktion Gera",
    ),
    RoleAccountData("moderation", "Demo", "Moderation", "moderation", "Moderation"),
    RoleAccountData("administration", "Demo", "Administration", "administration", "Administration"),
]

# Pages in each editorial state, built by `manage.py load_demo_states` after
# apply_editorial (the workflows must exist to put a page "In Prüfung").
_NEXT_YEAR = dt.date.today().year + 1

STATE_EVENTS: list[tuple[str, EventData]] = [
    (
        "entwurf",
        EventData(
            slug="entwurf-austauschtreffen-praeventionsketten",
            title="Austauschtreffen Präventionsketten (Entwurf)",
            start=dt.datetime(_NEXT_YEAR, 3, 12, 10, 0),
            end=dt.datetime(_NEXT_YEAR, 3, 12, 15, 0),
            place="Erfurt",
            bundesland="TH",
            organiser="Landesvereinigung für Gesundheitsförderung Thüringen",
            category="austauschtreffen",
            teaser="Ein Treffen der Koordinierenden in Thüringen; das Programm steht noch aus.",
            body=[para("<p>Der Ablauf wird noch mit den Partnerkommunen abgestimmt.</p>")],
            tags=["Präventionsketten"],
        ),
    ),
    (
        "geplant",
        EventData(
            slug="fachtag-gesund-aufwachsen-geplant",
            title="Fachtag Gesund aufwachsen in der Kommune",
            start=dt.datetime(_NEXT_YEAR, 5, 20, 9, 30),
            end=dt.datetime(_NEXT_YEAR, 5, 20, 16, 0),
            place="Weimar",
            bundesland="TH",
            organiser="Landesvereinigung für Gesundheitsförderung Thüringen",
            category="fachtag",
            teaser="Die Ankündigung geht in zwei Wochen automatisch online.",
            body=[para("<p>Vorträge und Werkstätten zu kommunalen Präventionsketten.</p>")],
            tags=["Präventionsketten", "Fachtag"],
        ),
    ),
]

STATE_NEWS: list[tuple[str, NewsData]] = [
    (
        "in_pruefung",
        NewsData(
            slug="neue-partnerkommune-in-pruefung",
            title="Neue Partnerkommune im Partnerprozess",
            date=dt.date.today(),
            author="Koordinierungsstelle Gesundheitliche Chancengleichheit",
            teaser="Eine weitere Kommune tritt dem Partnerprozess bei; die Meldung wartet "
            "auf die Freigabe.",
            body=[para("<p>Die Kommune baut eine integrierte Strategie auf.</p>")],
            tags=["Partnerprozess"],
        ),
    ),
    (
        "abgelaufen",
        NewsData(
            slug="anmeldung-regionalwerkstatt-abgelaufen",
            title="Anmeldung zur Regionalwerkstatt geöffnet",
            date=dt.date.today() - dt.timedelta(days=60),
            author="Koordinierungsstelle Gesundheitliche Chancengleichheit",
            teaser="Die Anmeldefrist ist vorbei; die Meldung ist abgelaufen.",
            body=[para("<p>Die Anmeldung war bis zum Ende des Monats möglich.</p>")],
            tags=["Werkstatt"],
        ),
    ),
    (
        "zurueckgezogen",
        NewsData(
            slug="terminaenderung-zurueckgezogen",
            title="Terminänderung beim Austauschtreffen",
            date=dt.date.today() - dt.timedelta(days=20),
            author="Koordinierungsstelle Gesundheitliche Chancengleichheit",
            teaser="Die Meldung wurde zurückgezogen, weil der Termin doch bleibt.",
            body=[para("<p>Der ursprüngliche Termin gilt weiterhin.</p>")],
            tags=["Austauschtreffen"],
        ),
    ),
]
