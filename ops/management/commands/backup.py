"""`python manage.py backup FILE`: the database and MEDIA_ROOT in one tar.gz archive
(ops/backup.py; README, "Betrieb")."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ops.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Sichert Datenbank und Mediendateien in ein Archiv (tar.gz)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Zieldatei, z. B. sicherung-2026-01-31.tar.gz")
        parser.add_argument(
            "--database", default="default", help="Datenbank-Alias (Standard: default)"
        )

    def handle(self, *args, file: str, database: str, **options) -> None:
        try:
            manifest = create_backup(Path(file), using=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        counts = manifest["counts"]
        self.stdout.write(
            self.style.SUCCESS(
                f"Sicherung geschrieben: {Path(file).resolve()} ({manifest['engine']}, "
                f"{counts['pages']} Seiten, {counts['documents']} Dokumente, "
                f"{len(manifest['media'])} Mediendateien)"
            )
        )
