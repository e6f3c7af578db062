"""`python manage.py purge_page_cache`: drop every cached page (ops/cache.py), e.g.
after a deployment changed templates or static files (README, "Betrieb"). With
Redis this reaches every server process; the in-process cache is only this one's."""

from django.core.management.base import BaseCommand, CommandError

from ops.cache import cache_available, purge_page_cache


class Command(BaseCommand):
    help = "Leert den Seiten-Cache (alle Serverprozesse, wenn Redis eingestellt ist)."

    def handle(self, *args, **options) -> None:
        purge_page_cache(on_commit=False)
        if not cache_available():
            raise CommandError(
                "Der Cache ist nicht erreichbar: nichts geleert. Bitte erneut aufrufen, "
                "wenn Redis wieder läuft."
            )
        self.stdout.write(self.style.SUCCESS("Seiten-Cache geleert."))
