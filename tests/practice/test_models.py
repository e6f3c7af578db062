"""The practice example's model rules: a Kommune is named, the period is in order,
a self-assessment stays within the criterion's ladder of stages."""

from datetime import date

import pytest

from django.core.exceptions import ValidationError

from practice.models import PracticeAssessment
from tests.factories import (
    CriterionPageFactory,
    PracticePageFactory,
    add_practice_index,
    build_tree,
)

pytestmark = pytest.mark.django_db

STAGES = [
    ("stage", {"name": "Stufe 1", "description": "Information"}),
    ("stage", {"name": "Stufe 2", "description": "Anhörung"}),
    ("stage", {"name": "Stufe 3", "description": "Mitbestimmung"}),
]


@pytest.fixture
def tree():
    tree = build_tree()
    tree.practice = add_practice_index(tree.home)
    tree.criterion = CriterionPageFactory(parent=tree.criteria, number=5, levels=STAGES)
    return tree


def test_stages_are_numbered_from_one(tree):
    assert [(s["number"], s["name"]) for s in tree.criterion.stages()] == [
        (1, "Stufe 1"),
        (2, "Stufe 2"),
        (3, "Stufe 3"),
    ]


def test_example_keeps_its_assessment_and_vocabularies(tree):
    page = PracticePageFactory(
        parent=tree.practice,
        handlungsfelder=["bewegung"],
        lebensphasen=["kita-alter", "schulalter"],
        assessments={tree.criterion: (3, "Eltern entscheiden mit.")},
    )
    assert page.live
    assert sorted(t.slug for t in page.lebensphasen.all()) == ["kita-alter", "schulalter"]
    assessment = page.assessments.get()
    assert (assessment.level, assessment.justification) == (3, "Eltern entscheiden mit.")


def test_a_kommune_must_be_named(tree):
    page = PracticePageFactory.build(municipality=" ", region=None, start_date=date(2022, 1, 1))
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "municipality" in error.value.message_dict


def test_end_before_start_is_refused(tree):
    page = PracticePageFactory.build(start_date=date(2022, 1, 1), end_date=date(2021, 1, 1))
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "end_date" in error.value.message_dict


def test_level_beyond_the_ladder_is_refused(tree):
    assessment = PracticeAssessment(criterion=tree.criterion, level=4)
    with pytest.raises(ValidationError) as error:
        assessment.clean()
    assert "level" in error.value.message_dict
    PracticeAssessment(criterion=tree.criterion, level=3).clean()
