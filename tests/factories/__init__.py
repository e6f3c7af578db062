"""Factories for every page type, materials and the smallest site tree."""

from .accessibility import (
    AccessibilityStatementPageFactory,
    EasyReadPageFactory,
    SignLanguagePageFactory,
)
from .materials import MaterialFactory, make_pdf, restricted_collection
from .pages import (
    CriteriaIndexPageFactory,
    CriterionPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    HomePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    RegionIndexPageFactory,
    RegionPageFactory,
    RegionResultsPageFactory,
    StandardPageFactory,
    bundesland,
    category,
    publish,
    restrict_to_group,
    translate,
)
from .practice import (
    PracticeIndexPageFactory,
    PracticePageFactory,
    add_practice_index,
    term,
)
from .tree import SiteTree, build_tree

__all__ = [
    "AccessibilityStatementPageFactory",
    "CriteriaIndexPageFactory",
    "EasyReadPageFactory",
    "CriterionPageFactory",
    "EventIndexPageFactory",
    "EventPageFactory",
    "HomePageFactory",
    "MaterialFactory",
    "NewsIndexPageFactory",
    "NewsPageFactory",
    "PracticeIndexPageFactory",
    "PracticePageFactory",
    "RegionIndexPageFactory",
    "RegionPageFactory",
    "RegionResultsPageFactory",
    "SignLanguagePageFactory",
    "SiteTree",
    "add_practice_index",
    "StandardPageFactory",
    "build_tree",
    "bundesland",
    "category",
    "make_pdf",
    "publish",
    "restrict_to_group",
    "restricted_collection",
    "term",
    "translate",
]
