"""The Praxisdatenbank: practice examples of Kommunen with a self-assessment on the
12 Good Practice criteria (pages.py), and the public submissions that bring new
ones into the editorial workflow (submission.py)."""

from .pages import (
    PracticeAssessment,
    PracticeIndexPage,
    PracticeMaterial,
    PracticePage,
    PracticePageTag,
)
from .submission import Submission

__all__ = [
    "PracticeAssessment",
    "PracticeIndexPage",
    "PracticeMaterial",
    "PracticePage",
    "PracticePageTag",
    "Submission",
]
