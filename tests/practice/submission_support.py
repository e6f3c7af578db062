"""Helpers for the tests of the public submission (tests/practice/test_submission*.py):
a site with the Praxisdatenbank, 12 criteria with their stages, the editorial
groups and workflows; a start form as a browser sends it; the answers of each step."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from django.core import signing

from practice.forms import STAMP_SALT
from tests.editorial.ui_support import ui_site, ui_team
from tests.factories import CriterionPageFactory, RegionPageFactory, add_practice_index

START = "/de/praxisdatenbank/einreichen/"
STAGES = [
    ("stage", {"name": "Information", "description": "Die Gruppe wird informiert."}),
    ("stage", {"name": "Anhörung", "description": "Die Gruppe wird gefragt."}),
    ("stage", {"name": "Mitbestimmung", "description": "Die Gruppe entscheidet mit."}),
]
SUBMITTER = "einreicherin@example.org"
LINK = re.compile(r"https?://[^\s]+/(?:einreichen|submit)/([^\s/]+)/")


@dataclass
class SubmissionSite:
    tree: object
    practice: object
    region: object
    criteria: list
    team: dict


def submission_site() -> SubmissionSite:
    tree = ui_site()
    practice = add_practice_index(tree.home)
    criteria = [
        CriterionPageFactory(
            parent=tree.criteria,
            number=n,
            title=f"Kriterium Nummer {n}",
            slug=f"kriterium-{n}",
            levels=STAGES,
        )
        for n in range(1, 13)
    ]
    region = RegionPageFactory(parent=tree.regions, title="Stadt Gera", slug="gera")
    return SubmissionSite(tree, practice, region, criteria, ui_team())


def stamp(seconds_ago: float = 60) -> str:
    """A start form's time stamp, signed as if shown ``seconds_ago``."""
    return signing.dumps(time.time() - seconds_ago, salt=STAMP_SALT)


def start_data(email: str = SUBMITTER, **extra) -> dict:
    return {"email": email, "name": "Erika Einreicherin", "website": "", "stamp": stamp(), **extra}


def link_token(message) -> str:
    match = LINK.search(message.body)
    assert match, message.body
    return match.group(1)


def step1(site: SubmissionSite, **extra) -> dict:
    from home.models import Bundesland, Handlungsfeld

    thueringen = Bundesland.objects.get(slug="thueringen", locale__language_code="de")
    bewegung = Handlungsfeld.objects.get(slug="bewegung", locale__language_code="de")
    return {
        "step": "1",
        "region": "",
        "municipality": "Musterstadt",
        "bundesland": str(thueringen.translation_key),
        "start_date": "2023-09-01",
        "end_date": "",
        "handlungsfelder": [str(bewegung.translation_key)],
        **extra,
    }


def step2(**extra) -> dict:
    return {
        "step": "2",
        "title": "Bewegte Kita Musterstadt",
        "teaser": "Kitas bewegen sich jeden Tag.",
        "description": "Erster Absatz.\n\nZweiter Absatz.",
        "contact_role": "Koordination Präventionskette",
        "contact_organisation": "Gesundheitsamt Musterstadt",
        "contact_email": "praevention@example.org",
        "contact_url": "https://example.org/kita",
        **extra,
    }


def criteria_step(step: int, levels: dict[int, tuple[str, str]] | None = None) -> dict:
    data = {"step": str(step)}
    for number, (level, text) in (levels or {}).items():
        data[f"level_{number}"] = level
        data[f"justification_{number}"] = text
    return data


def submitted(site: SubmissionSite, title: str = "Bewegte Kita Musterstadt"):
    """The draft page that submitting answers (steps 1 and 2 only) creates, in review."""
    from practice.models import Submission
    from practice.submission import submit

    _token, token_hash = Submission.new_token()
    submission = Submission.objects.create(
        email=SUBMITTER,
        token_hash=token_hash,
        data={"index": site.practice.pk, "steps": {"1": step1(site), "2": step2(title=title)}},
    )
    return submit(submission)
