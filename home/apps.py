from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def index_vocabularies(sender, using: str = "default", **kwargs) -> None:
    """The Bundesländer come from a data migration, which cannot reach the search
    index; index them after migrate so the admin's chooser search finds them."""
    from wagtail.search.index import insert_or_update_object

    from .models import Bundesland

    for bundesland in Bundesland.objects.using(using).all():
        insert_or_update_object(bundesland)


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Startseite und Gemeinsames")

    def ready(self) -> None:
        from django.db import models

        from wagtail.admin.forms.models import register_form_field_override
        from wagtail.signals import page_published

        from . import base_url  # noqa: F401 - registers the BASE_URL check
        from .moderation import approve_published_keywords
        from .slugs import GermanSlugInput

        post_migrate.connect(index_vocabularies, sender=self)
        # After every app's migrations (wagtailcore's Site included): the configured
        # origin goes into the default Site record (home/base_url.py).
        post_migrate.connect(
            base_url.apply_base_url_after_migrate, dispatch_uid="home_apply_base_url"
        )
        page_published.connect(approve_published_keywords, dispatch_uid="home_approve_keywords")
        # Every slug field in the admin transliterates German (home/slugs.py); this
        # replaces Wagtail's own override, registered when its module was imported.
        register_form_field_override(models.SlugField, override={"widget": GermanSlugInput})
