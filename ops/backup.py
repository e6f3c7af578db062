"""Backup and restore: the database and MEDIA_ROOT in one tar.gz archive
(README, "Betrieb"; commands `backup` and `restore`).

Archive layout: ``manifest.json`` (format version, creation time, engine,
applied migrations, page and document counts, every file's size and SHA-256),
the database (``database.sql`` from pg_dump, or ``database.sqlite3`` from
SQLite's backup API) and ``media/`` (MEDIA_ROOT). A restore checks the whole
archive before it touches the database or MEDIA_ROOT."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Any

from django.conf import settings
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from .cache import purge_page_cache

FORMAT = "gesunde-kommune-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEDIA_PREFIX = "media"
DATABASE_FILES = {"postgresql": "database.sql", "sqlite": "database.sqlite3"}
MAX_MANIFEST_BYTES = 50 * 1024 * 1024
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot proceed; the message is for the operator."""


@dataclass
class RestoreResult:
    engine: str
    pages: int
    documents: int
    media_files: int


# --- shared helpers ---------------------------------------------------------------


def engine_of(connection: BaseDatabaseWrapper) -> str:
    if connection.vendor not in DATABASE_FILES:
        raise BackupError(
            _("Datenbank-Engine „%(engine)s“ wird nicht unterstützt (nur PostgreSQL und SQLite).")
            % {"engine": connection.vendor}
        )
    return connection.vendor


def postgres_environment(settings_dict: dict[str, Any]) -> dict[str, str]:
    """The connection's settings as libpq environment variables, so that no password
    (or other connection detail) appears on a command line."""
    environment = dict(os.environ)
    for variable, value in (
        ("PGHOST", settings_dict.get("HOST")),
        ("PGPORT", settings_dict.get("PORT")),
        ("PGUSER", settings_dict.get("USER")),
        ("PGPASSWORD", settings_dict.get("PASSWORD")),
        ("PGDATABASE", settings_dict.get("NAME")),
        ("PGSSLMODE", (settings_dict.get("OPTIONS") or {}).get("sslmode")),
    ):
        if value:
            environment[variable] = str(value)
    return environment


def find_program(name: str) -> str:
    program = shutil.which(name)
    if program is None:
        raise BackupError(
            _(
                "Das Programm „%(program)s“ wurde nicht gefunden. Bitte die "
                "PostgreSQL-Client-Programme installieren (Debian: postgresql-client)."
            )
            % {"program": name}
        )
    return program


def run_program(arguments: list[str], settings_dict: dict[str, Any]) -> None:
    """Run pg_dump or psql with the connection passed through the environment; a
    failure raises BackupError with the program's own error output."""
    result = subprocess.run(  # noqa: S603 - fixed program, arguments built here
        arguments,
        env=postgres_environment(settings_dict),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(
            _("%(program)s ist fehlgeschlagen (Exit-Code %(code)s):\n%(stderr)s")
            % {
                "program": Path(arguments[0]).name,
                "code": result.returncode,
                "stderr": result.stderr.strip(),
            }
        )


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class HashingReader:
    """Reads a file for tarfile and hashes exactly the bytes that went into the archive."""

    def __init__(self, handle: IO[bytes]) -> None:
        self.handle = handle
        self.digest = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.digest.update(data)
        return data


def applied_migrations(connection: BaseDatabaseWrapper) -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        applied.setdefault(app, []).append(name)
    return {app: sorted(names) for app, names in sorted(applied.items())}


def content_counts(using: str = "default") -> dict[str, int]:
    return {
        "pages": Page.objects.using(using).count(),
        "documents": get_document_model().objects.using(using).count(),
        "images": get_image_model().objects.using(using).count(),
    }


# --- backup -------------------------------------------------------------------------


def dump_postgresql(settings_dict: dict[str, Any], target: Path) -> None:
    """pg_dump as plain SQL, without owners and privileges, so that it loads into
    an empty database owned by any role."""
    pg_dump = find_program("pg_dump")
    run_program(
        [pg_dump, "--format=plain", "--no-owner", "--no-acl", "--file", str(target)],
        settings_dict,
    )


def dump_sqlite(connection: BaseDatabaseWrapper, target: Path) -> None:
    """SQLite's online backup API: a consistent copy of what is committed, while the
    site keeps running.

    A database file is read through a connection of its own (read-only): the
    site's connection may be inside a write transaction (Django's IMMEDIATE
    transaction mode takes the write lock at BEGIN), and SQLite refuses to back up
    from a connection that is writing, which Python's backup() would retry for
    ever. In WAL mode that reader sees the last commit and never waits for a
    writer. Only an in-memory database is copied through the site's connection."""
    connection.ensure_connection()
    name = str(connection.settings_dict["NAME"])
    in_memory = name == ":memory:" or "mode=memory" in name
    source = connection.connection if in_memory else _read_only(Path(name))
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)
    finally:
        destination.close()
        if source is not connection.connection:
            source.close()


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=20)


def media_files(media_root: Path) -> Iterator[tuple[Path, str]]:
    """Regular files below MEDIA_ROOT with their archive-relative POSIX path
    (symbolic links are skipped: they may point outside MEDIA_ROOT)."""
    if not media_root.is_dir():
        return
    for directory, subdirectories, files in os.walk(media_root):
        subdirectories.sort()
        for name in sorted(files):
            path = Path(directory) / name
            if path.is_symlink() or not path.is_file():
                continue
            yield path, path.relative_to(media_root).as_posix()


def add_file(archive: tarfile.TarFile, path: Path, name: str) -> dict[str, Any] | None:
    """Add one file and return its manifest entry (None when it vanished meanwhile)."""
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        return None
    with handle:
        info = archive.gettarinfo(fileobj=handle, arcname=name)
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        info.mode = 0o644
        reader = HashingReader(handle)
        archive.addfile(info, reader)  # type: ignore[arg-type]  # read() is all tarfile needs
    return {"path": name, "size": info.size, "sha256": reader.digest.hexdigest()}


def add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = 0o644
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, _BytesReader(data))  # type: ignore[arg-type]


class _BytesReader:
    def __init__(self, data: bytes) -> None:
        self.data = memoryview(data)
        self.position = 0

    def read(self, size: int = -1) -> bytes:
        end = len(self.data) if size < 0 else self.position + size
        chunk = bytes(self.data[self.position : end])
        self.position += len(chunk)
        return chunk


def create_backup(
    target: Path, *, using: str = "default", media_root: Path | None = None
) -> dict[str, Any]:
    """Write the archive to ``target`` atomically (a temporary file in the same
    directory, renamed when complete; readable by its owner only, since it holds
    password hashes). Returns the manifest."""
    connection = connections[using]
    engine = engine_of(connection)
    media_root = Path(media_root or settings.MEDIA_ROOT)
    target = Path(target).resolve()
    if target.is_dir():
        raise BackupError(_("„%(path)s“ ist ein Verzeichnis.") % {"path": target})
    if target.is_relative_to(media_root.resolve()):
        # It would be served under MEDIA_URL (password hashes) and copied into itself.
        raise BackupError(
            _("Die Sicherung darf nicht in MEDIA_ROOT (%(path)s) liegen.") % {"path": media_root}
        )
    try:
        descriptor, temporary_name = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
        )
    except OSError as error:
        raise BackupError(
            _("Die Sicherung kann nicht nach „%(path)s“ geschrieben werden: %(error)s")
            % {"path": target, "error": error.strerror or error}
        ) from error
    os.close(descriptor)
    temporary = Path(temporary_name)
    try:
        with tempfile.TemporaryDirectory(prefix="gk-backup-") as work:
            database_file = Path(work) / DATABASE_FILES[engine]
            if engine == "postgresql":
                dump_postgresql(connection.settings_dict, database_file)
            else:
                dump_sqlite(connection, database_file)
            manifest: dict[str, Any] = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "created_at": timezone.now().isoformat(),
                "engine": engine,
                "migrations": applied_migrations(connection),
                "counts": content_counts(using),
                "database": None,
                "media": [],
            }
            with tarfile.open(temporary, "w:gz") as archive:
                manifest["database"] = add_file(archive, database_file, database_file.name)
                for path, relative in media_files(media_root):
                    entry = add_file(archive, path, f"{MEDIA_PREFIX}/{relative}")
                    if entry is not None:
                        manifest["media"].append({**entry, "path": relative})
                add_bytes(
                    archive,
                    MANIFEST,
                    json.dumps(manifest, indent=2, ensure_ascii=False).encode(),
                )
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return manifest


# --- restore: reading and checking the archive ---------------------------------------


def safe_member_name(name: str) -> PurePosixPath:
    """The member's path, refused when absolute or climbing out of its directory."""
    path = PurePosixPath(name)
    if (
        not path.parts
        or name.startswith(("/", "\\"))
        or path.is_absolute()
        or ".." in path.parts
        or "\\" in name
        or ":" in path.parts[0]
    ):
        raise BackupError(
            _("Unzulässiger Pfad in der Sicherung: „%(name)s“. Nichts wurde wiederhergestellt.")
            % {"name": name}
        )
    return path


def member_reader(archive: tarfile.TarFile, member: tarfile.TarInfo) -> IO[bytes]:
    handle = archive.extractfile(member)
    if handle is None:  # not a regular file; unpack() lets only files and directories in
        raise BackupError(
            _("Unerwarteter Eintrag in der Sicherung: „%(name)s“.") % {"name": member.name}
        )
    return handle


def read_manifest(archive: tarfile.TarFile) -> dict[str, Any]:
    try:
        member = archive.getmember(MANIFEST)
    except KeyError:
        raise BackupError(
            _("Die Datei ist keine Sicherung dieses Portals: manifest.json fehlt.")
        ) from None
    if not member.isfile() or member.size > MAX_MANIFEST_BYTES:
        raise BackupError(_("manifest.json in der Sicherung ist ungültig."))
    try:
        manifest = json.loads(member_reader(archive, member).read())
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BackupError(_("manifest.json in der Sicherung ist ungültig.")) from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(_("Die Datei ist keine Sicherung dieses Portals."))
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            _(
                "Die Sicherung hat das Format %(found)s; diese Version kann nur "
                "Format %(expected)s wiederherstellen."
            )
            % {"found": manifest.get("format_version"), "expected": FORMAT_VERSION}
        )
    if manifest.get("engine") not in DATABASE_FILES:
        raise BackupError(_("manifest.json in der Sicherung ist ungültig."))
    return manifest


def check_engine(manifest: dict[str, Any], engine: str) -> None:
    if manifest["engine"] != engine:
        names = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}
        raise BackupError(
            _(
                "Die Sicherung stammt aus einer %(archive)s-Datenbank, konfiguriert ist "
                "%(target)s. Bitte in eine Datenbank derselben Art wiederherstellen."
            )
            % {"archive": names[manifest["engine"]], "target": names[engine]}
        )


def check_migrations(manifest: dict[str, Any]) -> None:
    """Refuse archives that carry migrations this code does not know (a newer
    release): the restored schema would not match the code."""
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = [
        f"{app}.{name}"
        for app, names in (manifest.get("migrations") or {}).items()
        for name in names
        if (app, name) not in known
    ]
    if unknown:
        raise BackupError(
            _(
                "Die Sicherung enthält Migrationen, die diese Code-Version nicht kennt "
                "(%(migrations)s). Bitte zuerst die Version installieren, mit der die "
                "Sicherung erstellt wurde."
            )
            % {"migrations": ", ".join(unknown[:5]) + (" …" if len(unknown) > 5 else "")}
        )


def copy_member(archive: tarfile.TarFile, member: tarfile.TarInfo, target: Path) -> str:
    """Write one member's bytes to ``target`` and return their SHA-256."""
    source = member_reader(archive, member)
    digest = hashlib.sha256()
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("xb") as handle:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            handle.write(chunk)
    return digest.hexdigest()


def unpack(archive: tarfile.TarFile, manifest: dict[str, Any], staging: Path) -> Path:
    """Unpack the database file and media into ``staging`` after checking every
    member's name and type, and every file's size and SHA-256 against the
    manifest. Returns the database file."""
    database_name = DATABASE_FILES[manifest["engine"]]
    database_entry = manifest.get("database") or {}
    expected_media = {entry["path"]: entry for entry in manifest.get("media") or []}
    members = archive.getmembers()
    for member in members:
        path = safe_member_name(member.name)
        allowed = member.name in (MANIFEST, database_name) or (
            path.parts[0] == MEDIA_PREFIX and (member.isdir() or len(path.parts) > 1)
        )
        if not allowed or not (member.isfile() or member.isdir()):
            raise BackupError(
                _(
                    "Unerwarteter Eintrag in der Sicherung: „%(name)s“. "
                    "Nichts wurde wiederhergestellt."
                )
                % {"name": member.name}
            )
    database_file = staging / "database" / database_name
    media_root = staging / MEDIA_PREFIX
    media_root.mkdir(parents=True)
    found_database = False
    for member in members:
        if not member.isfile() or member.name == MANIFEST:
            continue
        if member.name == database_name:
            entry, target, label = database_entry, database_file, database_name
            found_database = True
        else:
            relative = PurePosixPath(*PurePosixPath(member.name).parts[1:]).as_posix()
            entry, target, label = expected_media.pop(relative, None), None, relative
            if entry is None:
                raise BackupError(
                    _("Die Datei „%(name)s“ steht nicht im Manifest der Sicherung.")
                    % {"name": relative}
                )
            target = media_root.joinpath(*PurePosixPath(relative).parts)
        if not target.resolve().is_relative_to(staging.resolve()):
            raise BackupError(
                _("Unzulässiger Pfad in der Sicherung: „%(name)s“. Nichts wurde wiederhergestellt.")
                % {"name": member.name}
            )
        digest = copy_member(archive, member, target)
        if member.size != entry.get("size") or digest != entry.get("sha256"):
            raise BackupError(
                _(
                    "Prüfsumme stimmt nicht für „%(name)s“: die Sicherung ist beschädigt "
                    "oder verändert. Nichts wurde wiederhergestellt."
                )
                % {"name": label}
            )
    if not found_database:
        raise BackupError(
            _("Die Sicherung enthält keine Datenbank (%(name)s fehlt).") % {"name": database_name}
        )
    if expected_media:
        raise BackupError(
            _("Im Manifest genannte Dateien fehlen in der Sicherung: %(names)s")
            % {"names": ", ".join(sorted(expected_media)[:5])}
        )
    return database_file


# --- restore: the target --------------------------------------------------------------


def database_tables(connection: BaseDatabaseWrapper) -> list[str]:
    with connection.cursor() as cursor:
        return connection.introspection.table_names(cursor)


def media_is_empty(media_root: Path) -> bool:
    return not media_root.exists() or not any(media_root.iterdir())


def check_target(connection: BaseDatabaseWrapper, media_root: Path, *, force: bool) -> None:
    if force:
        return
    tables = database_tables(connection)
    if tables:
        raise BackupError(
            _(
                "Die Zieldatenbank ist nicht leer (%(count)s Tabellen). Wiederherstellen nur "
                "in eine leere Datenbank, oder mit --force: dann wird ihr Inhalt ersetzt."
            )
            % {"count": len(tables)}
        )
    if not media_is_empty(media_root):
        raise BackupError(
            _(
                "MEDIA_ROOT (%(path)s) ist nicht leer. Wiederherstellen nur in ein leeres "
                "Verzeichnis, oder mit --force: dann wird sein Inhalt ersetzt."
            )
            % {"path": media_root}
        )


# --force on PostgreSQL: an empty public schema in its default state (PostgreSQL 15:
# owned by pg_database_owner, usage for everyone), so that later dumps stay loadable
# by a role that does not own the schema.
FORCE_EMPTY_POSTGRESQL = """
DROP SCHEMA IF EXISTS public CASCADE;
CREATE SCHEMA public;
COMMENT ON SCHEMA public IS 'standard public schema';
GRANT USAGE ON SCHEMA public TO PUBLIC;
DO $$ BEGIN
    ALTER SCHEMA public OWNER TO pg_database_owner;
EXCEPTION WHEN undefined_object OR insufficient_privilege THEN NULL;
END $$;
"""


def load_postgresql(settings_dict: dict[str, Any], database_file: Path, *, force: bool) -> None:
    """psql in one transaction, stopping at the first error: either the whole dump
    is loaded or nothing changes. With --force the public schema is emptied first,
    in the same transaction."""
    psql = find_program("psql")
    arguments = [psql, "--no-psqlrc", "--quiet", "-v", "ON_ERROR_STOP=1", "--single-transaction"]
    if force:
        arguments += [
            "-c",
            FORCE_EMPTY_POSTGRESQL,
        ]
    arguments += ["--file", str(database_file)]
    run_program(arguments, settings_dict)


def load_sqlite(connection: BaseDatabaseWrapper, database_file: Path) -> None:
    """Copy the archived database into the configured one with SQLite's backup API
    (replaces its whole content in one step)."""
    source = sqlite3.connect(f"file:{database_file}?mode=ro", uri=True)
    try:
        try:
            result = source.execute("PRAGMA integrity_check").fetchone()
        except sqlite3.DatabaseError as error:
            raise BackupError(
                _("Die SQLite-Datenbank in der Sicherung ist beschädigt: %(error)s")
                % {"error": error}
            ) from error
        if result != ("ok",):
            raise BackupError(_("Die SQLite-Datenbank in der Sicherung ist beschädigt."))
        connection.ensure_connection()
        source.backup(connection.connection)
    finally:
        source.close()


def replace_media(staged: Path, media_root: Path) -> None:
    """Move the checked files into MEDIA_ROOT (emptied first; only reached when it
    was empty or --force was given)."""
    media_root.mkdir(parents=True, exist_ok=True)
    for entry in media_root.iterdir():
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    for entry in staged.iterdir():
        shutil.move(str(entry), media_root / entry.name)


@contextmanager
def staging_directory(media_root: Path) -> Iterator[Path]:
    """A temporary directory next to MEDIA_ROOT (same file system: moves are renames),
    or in the system's temporary directory when that is not writable."""
    try:
        media_root.parent.mkdir(parents=True, exist_ok=True)
        directory = tempfile.mkdtemp(prefix=".gk-restore-", dir=media_root.parent)
    except OSError:
        directory = tempfile.mkdtemp(prefix="gk-restore-")
    try:
        yield Path(directory)
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def open_archive(source: Path) -> tarfile.TarFile:
    if not source.is_file():
        raise BackupError(_("Die Datei „%(path)s“ gibt es nicht.") % {"path": source})
    try:
        return tarfile.open(source, "r:gz")
    except (tarfile.TarError, OSError, EOFError) as error:
        raise BackupError(
            _("„%(path)s“ ist kein lesbares Sicherungsarchiv (tar.gz): %(error)s")
            % {"path": source, "error": error}
        ) from error


def restore_backup(
    source: Path, *, using: str = "default", media_root: Path | None = None, force: bool = False
) -> RestoreResult:
    """Restore an archive written by ``create_backup``. Everything is checked
    (archive, engine, migrations, member names, checksums, target empty) before
    the database or MEDIA_ROOT is changed."""
    connection = connections[using]
    engine = engine_of(connection)
    media_root = Path(media_root or settings.MEDIA_ROOT)
    with open_archive(Path(source)) as archive:
        try:
            manifest = read_manifest(archive)
            check_engine(manifest, engine)
            check_migrations(manifest)
            with staging_directory(media_root) as staging:
                database_file = unpack(archive, manifest, staging)
                check_target(connection, media_root, force=force)
                if engine == "postgresql":
                    connection.close()
                    load_postgresql(connection.settings_dict, database_file, force=force)
                else:
                    load_sqlite(connection, database_file)
                connection.close()
                replace_media(staging / MEDIA_PREFIX, media_root)
        except (tarfile.TarError, EOFError, zlib.error) as error:
            raise BackupError(
                _("Die Sicherung ist beschädigt: %(error)s") % {"error": error}
            ) from error
        except OSError as error:
            raise BackupError(
                _("Dateifehler beim Wiederherstellen: %(error)s") % {"error": error}
            ) from error
    # Every page cached before shows the replaced content: purge them (in every
    # process that shares the cache, i.e. with Redis; the server is restarted anyway).
    purge_page_cache(on_commit=False)
    counts = content_counts(using)
    expected = manifest.get("counts") or {}
    if counts["pages"] != expected.get("pages") or counts["documents"] != expected.get("documents"):
        raise BackupError(
            _(
                "Nach der Wiederherstellung stimmen die Anzahlen nicht: %(found)s statt "
                "%(expected)s."
            )
            % {"found": counts, "expected": expected}
        )
    return RestoreResult(
        engine=engine,
        pages=counts["pages"],
        documents=counts["documents"],
        media_files=len(manifest.get("media") or []),
    )
