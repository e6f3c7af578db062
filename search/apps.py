from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Suche")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import entries, signals

        signals.connect()
        post_migrate.connect(entries.fill_if_empty, sender=self)
