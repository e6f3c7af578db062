from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """Roles, workflows and the moderation rules editors work under."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "editorial"
    verbose_name = _("Redaktion und Freigabe")

    def ready(self) -> None:
        # Wagtail only auto-loads modules named ``wagtail_hooks``; the
        # permission hooks and the privacy signals live in their own modules.
        from . import concurrency, notifications, signals, wagtail_hooks_permissions  # noqa: F401

        # Workflow mails must never block a transition, also outside admin requests.
        notifications.install()
