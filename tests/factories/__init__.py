"""Factories for every page type, materials and the smallest site tree."""

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
from .tree import SiteTree, build_tree

__all__ = [
    "CriteriaIndexPageFactory",
    "CriterionPageFactory",
    "EventIndexPageFactory",
    "EventPageFactory",
    "HomePageFactory",
    "MaterialFactory",
    "NewsIndexPageFactory",
    "NewsPageFactory",
    "RegionIndexPageFactory",
    "RegionPageFactory",
    "RegionResultsPageFactory",
    "SiteTree",
    "StandardPageFactory",
    "build_tree",
    "bundesland",
    "category",
    "make_pdf",
    "publish",
    "restrict_to_group",
    "restricted_collection",
    "translate",
]
