from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    """Running the site: health check, backup and restore, the page cache and its
    purging (README, "Betrieb")."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "ops"
    verbose_name = _("Betrieb")

    def ready(self) -> None:
        from . import purge

        purge.connect()
