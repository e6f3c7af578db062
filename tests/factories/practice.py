"""Factories of the Praxisdatenbank: its index page, practice examples with their
vocabularies and self-assessment, and the managed terms the migrations load."""

from datetime import date

import factory

from wagtail.models import Page

from home.models import Handlungsfeld, Lebensphase, Zielgruppe
from home.models.vocabularies import Term
from practice.models import PracticeAssessment, PracticeIndexPage, PracticePage

from .pages import BasePageFactory, bundesland

TERM_MODELS = {
    "handlungsfelder": Handlungsfeld,
    "lebensphasen": Lebensphase,
    "zielgruppen": Zielgruppe,
}


def term(model: type[Term], slug: str, language_code: str = "de") -> Term:
    """One of the terms home/migrations/0007 loads, e.g. ``term(Handlungsfeld, "bewegung")``."""
    return model.objects.get(slug=slug, locale__language_code=language_code)


class PracticeIndexPageFactory(BasePageFactory):
    title = "Praxisdatenbank"
    slug = "praxisdatenbank"
    intro = "<p>Beispiele aus der Praxis der Kommunen.</p>"

    class Meta:
        model = PracticeIndexPage


class PracticePageFactory(BasePageFactory):
    """A practice example. Besides the fields it takes ``handlungsfelder``,
    ``lebensphasen``, ``zielgruppen`` (lists of German slugs) and ``assessments``
    (``{criterion_page: level}`` or ``{criterion_page: (level, justification)}``),
    all set before the first revision, so the published state has them."""

    title = factory.Sequence(lambda n: f"Praxisbeispiel {n}")
    municipality = factory.Sequence(lambda n: f"Stadt Beispiel {n}")
    bundesland = factory.LazyFunction(lambda: bundesland("thueringen"))
    start_date = date(2021, 9, 1)
    teaser = "Ein Angebot für Familien im Stadtteil."
    contact_role = "Koordination Präventionskette"
    contact_organisation = "Gesundheitsamt"
    contact_email = "praevention@example.org"

    class Meta:
        model = PracticePage

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        terms = {name: kwargs.pop(name, None) or [] for name in TERM_MODELS}
        assessments = kwargs.pop("assessments", None) or {}
        live = kwargs.pop("live", True)
        tags = kwargs.pop("tags", None) or []
        instance = model_class(**kwargs)
        instance.live = False
        if tags:
            instance.tags.add(*tags)
        for name, slugs in terms.items():
            getattr(instance, name).set([term(TERM_MODELS[name], slug) for slug in slugs])
        instance.assessments = [
            PracticeAssessment(
                criterion=criterion,
                level=value[0] if isinstance(value, tuple) else value,
                justification=value[1] if isinstance(value, tuple) else "",
            )
            for criterion, value in assessments.items()
        ]
        if parent is None:
            raise ValueError(f"{cls.__name__} needs a parent page")
        parent.add_child(instance=instance)
        revision = instance.save_revision()
        if live:
            revision.publish()
        return model_class.objects.get(pk=instance.pk)


def add_practice_index(home: Page) -> PracticeIndexPage:
    """The Praxisdatenbank (/de/praxisdatenbank/) under ``home`` (not part of
    build_tree(): most tests need no such page)."""
    return PracticeIndexPageFactory(parent=home)
