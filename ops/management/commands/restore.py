"""`python manage.py restore FILE`: restores an archive written by `backup` into an
empty database and an empty MEDIA_ROOT (ops/backup.py; README, "Betrieb")."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ops.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Stellt Datenbank und Mediendateien aus einer Sicherung wieder her, "
        "in eine leere Datenbank und ein leeres MEDIA_ROOT."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Sicherungsarchiv, geschrieben von `backup`")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Vorhandene Tabellen und Mediendateien ersetzen (löscht den jetzigen Inhalt).",
        )
        parser.add_argument(
            "--database", default="default", help="Datenbank-Alias (Standard: default)"
        )

    def handle(self, *args, file: str, force: bool, database: str, **options) -> None:
        try:
            result = restore_backup(Path(file), using=database, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Wiederhergestellt ({result.engine}): {result.pages} Seiten, "
                f"{result.documents} Dokumente, {result.media_files} Mediendateien. "
                "Danach: python manage.py migrate (wendet nur neuere Migrationen an)."
            )
        )
