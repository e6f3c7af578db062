from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    """Content-Security-Policy nonces for the admin's inline scripts, the
    Permissions-Policy, login lockout and the password-reset limit (README,
    "Betrieb" → "Sicherheit")."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "security"
    verbose_name = _("Sicherheit")

    def ready(self) -> None:
        from .csp import install_chooser_nonce

        install_chooser_nonce()
