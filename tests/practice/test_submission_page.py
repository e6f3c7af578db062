"""How a submission's answers become the practice page: the facts by their German
rows whatever language the form was in, the description as paragraphs, a slug of
its own (derived from the title as every page's is), the self-assessment by
criterion number."""

from __future__ import annotations

import pytest

from home.models import Bundesland, Handlungsfeld
from practice.models import PracticePage, Submission
from practice.submission import fill_page
from tests.factories import PracticePageFactory, translate
from tests.shared import copy_of, module_world

from .submission_support import step1, step2, submission_site, submitted

pytestmark = pytest.mark.django_db
_world = module_world(submission_site)


@pytest.fixture
def site(_world, db):
    return copy_of(_world, submission_site)


def test_answers_in_english_name_the_german_rows(site):
    thueringen_en = Bundesland.objects.filter(slug="thueringen").first()
    bewegung_en = Handlungsfeld.objects.get(slug="physical-activity", locale__language_code="en")
    region_en = translate(site.region, "en")
    _token, token_hash = Submission.new_token()
    submission = Submission.objects.create(
        email="x@example.org",
        token_hash=token_hash,
        language="en",
        data={
            "index": site.practice.pk,
            "steps": {
                "1": step1(
                    site,
                    region=str(region_en.pk),
                    municipality="",
                    bundesland=str(thueringen_en.translation_key),
                    handlungsfelder=[str(bewegung_en.translation_key)],
                ),
                "2": step2(description="One.\n\nTwo <b>bold</b>.\nLine"),
                "3": {"level_5": "3", "justification_5": "Because."},
                "4": {"level_12": ""},
            },
        },
    )
    page = fill_page(PracticePage(), submission)
    assert page.region.pk == site.region.pk
    assert page.bundesland.locale.language_code == "de"
    assert [t.slug for t in page.handlungsfelder.all()] == ["bewegung"]
    assert [b.block_type for b in page.body] == ["paragraph", "paragraph"]
    assert page.body[1].value.source == "<p>Two &lt;b&gt;bold&lt;/b&gt;.<br/>Line</p>"
    [assessment] = page.assessments.all()
    assert (assessment.criterion.number, assessment.level) == (5, 3)
    assert assessment.criterion.locale.language_code == "de"
    assert assessment.justification == "Because."


def test_slug_from_the_title_in_german_and_of_its_own(site):
    PracticePageFactory(parent=site.practice, slug="gesund-fuer-kinder-groesse-zaehlt", live=False)
    PracticePageFactory(parent=site.practice, slug="praxisbeispiel", live=False)
    assert submitted(site, "Gesund für Kinder: Größe zählt!").slug == (
        "gesund-fuer-kinder-groesse-zaehlt-2"
    )
    assert submitted(site, "Übergänge gestalten").slug == "uebergaenge-gestalten"
    # A title without letters or digits: the fallback, made unique the same way.
    assert submitted(site, "„…“ – !?").slug == "praxisbeispiel-2"
    assert submitted(site, "„…“ – !?").slug == "praxisbeispiel-3"
    long = submitted(site, "Ä" * 200)
    assert long.slug == "ae" * 120
