from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticeConfig(AppConfig):
    name = "practice"
    verbose_name = _("Praxisdatenbank")

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the moderation's decision)
