from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo site: content as data files (demo/content/) and the loaders that build it."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "demo"
    verbose_name = "Demo-Inhalte"
