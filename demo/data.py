"""Reads the demo content from its data files (demo/content/, see README.md there).

Every page is one YAML file: language-independent facts at the top level, the
German text in ``de:``, the English text (where there is one) in ``en:``. A file
that cannot be read or parsed raises :class:`ContentError` naming the file, so a
typo in the data gives one clear line, not a traceback."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

CONTENT_DIR = Path(__file__).resolve().parent / "content"

# Index page slug -> folder of its children's files.
CHILD_FOLDERS = {
    "regionen": "regionen",
    "veranstaltungen": "veranstaltungen",
    "aktuelles": "aktuelles",
    "good-practice-kriterien": "kriterien",
    "praxisdatenbank": "praxis",
}


# Pages in Leichte Sprache and Deutsche Gebärdensprache: children of the start page
# with a file in this folder, German only (``type:`` says which page type).
GERMAN_ONLY_FOLDER = "bitv"
GERMAN_ONLY_TYPES = ("leichte-sprache", "gebaerdensprache")


class ContentError(Exception):
    """A data error in a content file; the message names the file."""


@dataclass(frozen=True)
class PageFile:
    """One page's data file."""

    name: str  # path below the content folder, for messages
    data: dict[str, Any]

    @property
    def slug(self) -> str:
        return self.data["slug"]

    @property
    def de(self) -> dict[str, Any]:
        return self.data["de"]

    @property
    def en(self) -> dict[str, Any] | None:
        return self.data.get("en")

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def error(self, message: str) -> ContentError:
        return ContentError(f"{self.name}: {message}")


def read_yaml(path: Path, root: Path) -> Any:
    name = path.relative_to(root).as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ContentError(f"{name}: nicht lesbar ({error.strerror})") from None
    except UnicodeDecodeError:
        raise ContentError(f"{name}: keine UTF-8-Datei") from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (Zeile {mark.line + 1}, Spalte {mark.column + 1})" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise ContentError(f"{name}: kein gültiges YAML{where}: {problem}") from None


def _page_file(path: Path, root: Path) -> PageFile:
    name = path.relative_to(root).as_posix()
    data = read_yaml(path, root)
    if not isinstance(data, dict):
        raise ContentError(f"{name}: erwartet eine Zuordnung (slug:, de:, ...)")
    for key in ("slug", "de"):
        if key not in data:
            raise ContentError(f"{name}: „{key}:“ fehlt")
    if not isinstance(data["de"], dict):
        raise ContentError(f"{name}: „de:“ muss eine Zuordnung sein")
    en = data.get("en")
    if en is not None:
        if not isinstance(en, dict):
            raise ContentError(f"{name}: „en:“ muss eine Zuordnung sein")
        if not en.get("slug"):
            raise ContentError(f"{name}: „en:“ braucht einen „slug:“")
    return PageFile(name, data)


# -- relative dates (pages whose state depends on today: zustaende/) ---------

_RELATIVE_YEAR = re.compile(r"^\+(\d+)y-(\d\d)-(\d\d) (\d\d):(\d\d)$")
_RELATIVE_DAYS = re.compile(r"^([+-]\d+)d$")


def parse_datetime(value: Any, today: dt.date | None = None) -> dt.datetime:
    """A naive wall-clock time: ``2027-06-16 09:30`` or ``+1y-03-12 10:00``
    (12 March of next year)."""
    text = str(value)
    match = _RELATIVE_YEAR.match(text)
    if match:
        years, month, day, hour, minute = (int(part) for part in match.groups())
        year = (today or dt.date.today()).year + years
        return dt.datetime(year, month, day, hour, minute)
    return dt.datetime.strptime(text, "%Y-%m-%d %H:%M")


def parse_date(value: Any, today: dt.date | None = None) -> dt.date:
    """A date: ``2024-03-01`` or ``-60d`` (60 days before today; ``+0d`` is today)."""
    if isinstance(value, dt.date):
        return value
    match = _RELATIVE_DAYS.match(str(value))
    if match:
        return (today or dt.date.today()) + dt.timedelta(days=int(match.group(1)))
    return dt.date.fromisoformat(str(value))


# -- the whole content -----------------------------------------------------


class DemoContent:
    """All demo data of one content folder, read and checked at once."""

    def __init__(self, content_dir: Path | str | None = None) -> None:
        self.root = Path(content_dir) if content_dir is not None else CONTENT_DIR
        if not self.root.is_dir():
            raise ContentError(f"{self.root}: Inhaltsordner fehlt")
        self.start = _page_file(self.root / "start.yaml", self.root)
        self.indexes: dict[str, PageFile] = {}
        self.standard_pages: list[PageFile] = []
        self.german_only_pages: list[PageFile] = []
        for slug in self.start.get("children", []):
            if slug in CHILD_FOLDERS:
                self.indexes[slug] = self._file(f"uebersichten/{slug}.yaml", self.start)
            elif (self.root / GERMAN_ONLY_FOLDER / f"{slug}.yaml").is_file():
                page = self._file(f"{GERMAN_ONLY_FOLDER}/{slug}.yaml", self.start)
                self._check_german_only(page)
                self.german_only_pages.append(page)
            else:
                self.standard_pages.append(self._file(f"seiten/{slug}.yaml", self.start))
        self._check_listed("seiten", [page.slug for page in self.standard_pages], self.start)
        self._check_listed("uebersichten", list(self.indexes), self.start)
        self._check_listed(
            GERMAN_ONLY_FOLDER, [page.slug for page in self.german_only_pages], self.start
        )
        self.children: dict[str, list[PageFile]] = {}
        for slug, folder in CHILD_FOLDERS.items():
            index = self.indexes.get(slug)
            if index is None:
                raise self.start.error(f"Übersichtsseite „{slug}“ fehlt in „children:“")
            files = [
                self._file(f"{folder}/{child}.yaml", index) for child in index.get("children", [])
            ]
            self._check_listed(folder, [page.slug for page in files], index)
            self.children[slug] = files
        self.criteria = self.children["good-practice-kriterien"]
        self.regions = self.children["regionen"]
        self.events = self.children["veranstaltungen"]
        self.news = self.children["aktuelles"]
        self.practice = self.children["praxisdatenbank"]
        self.states = [
            _page_file(path, self.root) for path in sorted((self.root / "zustaende").glob("*.yaml"))
        ]

        self._check_english_parents()
        self._check_practice()

        materials = read_yaml(self.root / "materials.yaml", self.root)
        self.collections: dict[str, str] = materials["collections"]
        self.materials: list[dict[str, Any]] = materials["materials"]
        contacts = read_yaml(self.root / "contacts.yaml", self.root)
        self.contacts: dict[str, dict[str, Any]] = {c["key"]: c for c in contacts["contacts"]}
        self.accounts: dict[str, Any] = read_yaml(self.root / "accounts.yaml", self.root)
        self.keywords: dict[str, str] = self._keywords()

    def _keywords(self) -> dict[str, str]:
        """German keyword -> English name (keywords.yaml)."""
        data = read_yaml(self.root / "keywords.yaml", self.root)
        keywords = data.get("keywords") if isinstance(data, dict) else None
        if not isinstance(keywords, dict) or not all(
            isinstance(name, str) and isinstance(english, str) and english.strip()
            for name, english in keywords.items()
        ):
            raise ContentError("keywords.yaml: erwartet „keywords:“ mit „Deutsch: Englisch“-Zeilen")
        return keywords

    def keywords_used(self) -> set[str]:
        """The Schlagwörter (``tags:``) of every page file, the editorial states included."""
        pages = [*self.regions, *self.events, *self.news, *self.practice, *self.states]
        return {name for page in pages for name in page.get("tags", [])}

    def untranslated_keywords(self) -> list[str]:
        """Keywords the pages use that keywords.yaml gives no English name."""
        return sorted(self.keywords_used() - set(self.keywords))

    def _check_english_parents(self) -> None:
        """An English page needs its parent's English page (parents are translated first)."""
        pairs = [(page, self.start) for page in [*self.indexes.values(), *self.standard_pages]]
        for slug, files in self.children.items():
            pairs += [(page, self.indexes[slug]) for page in files]
        pairs += [
            (PageFile(f"{region.name} (results)", region.get("results")), region)
            for region in self.regions
            if region.get("results")
        ]
        for page, parent in pairs:
            if page.en is not None and parent.en is None:
                raise page.error(
                    f"hat „en:“, aber die Elternseite {parent.name} nicht; "
                    "dort zuerst „en:“ anlegen"
                )

    @staticmethod
    def _check_german_only(page: PageFile) -> None:
        """A page in Leichte Sprache or DGS: a known ``type:``, no ``en:`` (the English
        site links the German page); the clip's captions end within the clip."""
        if page.get("type") not in GERMAN_ONLY_TYPES:
            raise page.error(f"„type:“ muss eines von {', '.join(GERMAN_ONLY_TYPES)} sein")
        if page.en is not None:
            raise page.error("nur deutsch: kein „en:“ (die englische Seite verlinkt die deutsche)")
        for video in page.de.get("videos", []):
            seconds = video.get("seconds")
            cues = video.get("captions") or []
            if not isinstance(seconds, int | float) or seconds <= 0 or not cues:
                raise page.error(f"Video „{video.get('title')}“: braucht seconds: und captions:")
            for start, end, _text in cues:
                if not 0 <= start < end <= seconds:
                    raise page.error(
                        f"Video „{video.get('title')}“: Untertitel {start}–{end} s liegt nicht "
                        f"im Clip (0–{seconds} s)"
                    )

    def stage_counts(self) -> dict[int, int]:
        """Criterion number -> number of its Umsetzungsstufen (``levels:`` of kriterien/)."""
        return {page.get("number"): len(page.de.get("levels", [])) for page in self.criteria}

    def _check_practice(self) -> None:
        """A practice example names its Kommune (``region:`` or ``municipality:`` in
        de:) and assesses every criterion (``assessment:`` criterion number -> stage
        number within the criterion's stages) with a justification in each language."""
        stages = self.stage_counts()
        regions = {page.slug for page in self.regions}
        for page in self.practice:
            region = page.get("region")
            if region is not None and region not in regions:
                raise page.error(f"region: „{region}“ ist keine Regionenseite")
            if region is None and not page.de.get("municipality"):
                raise page.error("braucht „region:“ oder „municipality:“ unter de:")
            levels = page.get("assessment")
            if not isinstance(levels, dict) or set(levels) != set(stages):
                raise page.error(
                    f"assessment: braucht je Kriterium 1–{len(stages)} eine Stufe (Nummer: Stufe)"
                )
            for number, level in levels.items():
                if not isinstance(level, int) or not 1 <= level <= stages[number]:
                    raise page.error(
                        f"assessment: Kriterium {number} hat die Stufen 1–{stages[number]}, "
                        f"nicht „{level}“"
                    )
            for language in ("de", "en"):
                text = page.data.get(language)
                if text is None:
                    continue
                reasons = text.get("justifications")
                if reasons is None and language == "en":
                    continue  # "~": not yet translated
                if not isinstance(reasons, dict) or set(reasons) != set(stages):
                    raise page.error(
                        f"{language}: „justifications“ braucht je Kriterium (Nummer: Satz) "
                        "eine Begründung"
                    )

    def _file(self, name: str, listed_in: PageFile) -> PageFile:
        path = self.root / name
        if not path.is_file():
            raise listed_in.error(f"nennt „{path.stem}“ in „children:“, aber {name} fehlt")
        page = _page_file(path, self.root)
        if page.slug != path.stem:
            raise page.error(f"slug „{page.slug}“ passt nicht zum Dateinamen")
        return page

    def _check_listed(self, folder: str, listed: list[str], listed_in: PageFile) -> None:
        present = {path.stem for path in (self.root / folder).glob("*.yaml")}
        missing = sorted(present - set(listed))
        if missing:
            raise listed_in.error(
                f"{folder}/{missing[0]}.yaml ist nicht in „children:“ eingetragen"
            )

    # -- facts other code and the tests use ---------------------------------

    @property
    def site_name(self) -> str:
        return self.start.de["title"]

    @property
    def model_regions(self) -> list[str]:
        """Slugs of the model regions (they have restricted results and a network group)."""
        return [page.slug for page in self.regions if page.get("results")]

    @property
    def distinctive_words(self) -> dict[str, str]:
        """Material key -> the word that appears only in that material's PDF."""
        return {data["key"]: data["distinctive_word"] for data in self.materials}

    @property
    def password(self) -> str:
        return self.accounts["password"]

    def english_pages(self) -> list[PageFile]:
        pages = [self.start, *self.indexes.values(), *self.standard_pages]
        for files in self.children.values():
            pages += files
        return [page for page in pages if page.en is not None]


def network_group_name(region_title: str) -> str:
    """The group of a model region's network members (sees its results page)."""
    return f"Netzwerk {region_title}"
