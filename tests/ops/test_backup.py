"""`backup` and `restore`: a real round trip on the database the suite runs on
(SQLite or PostgreSQL) into a fresh empty database, restored and checked in
separate processes as an operator would; and the archives and targets a restore
must refuse."""

import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from ops.backup import dump_postgresql, postgres_environment
from tests.factories import MaterialFactory, StandardPageFactory, build_tree

POSTGRES = pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="pg_dump runs only against PostgreSQL",
)

# Run in the restored installation: the page and the document are served, the
# media file is on disk, and migrate has nothing to apply.
VERIFY = """
import hashlib, json, django
django.setup()
from pathlib import Path
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.models import Page
page = Page.objects.get(title="Gesundheitstage Gera").specific
document = get_document_model().objects.get(title="Programm Gesundheitstage")
client = Client(HTTP_HOST="localhost")
page_response = client.get(page.url)
document_response = client.get(document.url)
try:
    call_command("migrate", check_unapplied=True, verbosity=0)
    migrations_pending = False
except SystemExit:
    migrations_pending = True
print(json.dumps({
    "page_status": page_response.status_code,
    "page_text": "Wir laden zum Gesundheitstag ein." in page_response.content.decode(),
    "document_status": document_response.status_code,
    "document_sha256": hashlib.sha256(b"".join(document_response.streaming_content)).hexdigest(),
    "media_sha256": hashlib.sha256(
        (Path(settings.MEDIA_ROOT) / document.file.name).read_bytes()
    ).hexdigest(),
    "migrations_pending": migrations_pending,
}))
"""


def run_manage(environment: dict[str, str], *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", *arguments],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def run_script(environment: dict[str, str], script: str) -> dict:
    result = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def restore_target(tmp_path: Path) -> Iterator[dict[str, str]]:
    """The environment of a fresh installation: an empty database of the suite's
    engine (a new SQLite file, or a new PostgreSQL database dropped afterwards)
    and a MEDIA_ROOT that does not exist yet."""
    database = settings.DATABASES["default"]
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "MEDIA_ROOT": str(tmp_path / "restored-media"),
    }
    if "sqlite" in database["ENGINE"]:
        environment["DATABASE_URL"] = f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        yield environment
        return
    name = f"gk_backup_restore_{uuid.uuid4().hex[:12]}"
    admin = postgres_environment({**database, "NAME": "postgres"})
    psql = ["psql", "--no-psqlrc", "-v", "ON_ERROR_STOP=1", "-c"]
    subprocess.run([*psql, f'CREATE DATABASE "{name}"'], env=admin, check=True)  # noqa: S603
    credentials = quote(database["USER"] or "", safe="")
    if database["PASSWORD"]:
        credentials += ":" + quote(database["PASSWORD"], safe="")
    environment["DATABASE_URL"] = (
        f"postgres://{credentials}@{database['HOST'] or '127.0.0.1'}:"
        f"{database['PORT'] or 5432}/{name}"
    )
    try:
        yield environment
    finally:
        subprocess.run(  # noqa: S603
            [*psql, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'], env=admin, check=True
        )


@pytest.fixture
def small_site(transactional_db, django_db_serialized_rollback) -> bytes:
    """A home page with one content page and one real PDF material (committed, so
    that pg_dump and the other processes see it); returns the PDF's bytes.

    Serialized rollback: the migrated data (root page, site, locales) is restored
    before each of these tests, since a transactional test empties the tables."""
    tree = build_tree()
    StandardPageFactory(
        parent=tree.home,
        title="Gesundheitstage Gera",
        intro="<p>Wir laden zum Gesundheitstag ein.</p>",
    )
    material = MaterialFactory(title="Programm Gesundheitstage")
    with material.file.open("rb") as handle:
        return handle.read()


def test_round_trip_into_an_empty_database(small_site, restore_target, tmp_path):
    archive = tmp_path / "sicherung.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())

    with tarfile.open(archive) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())
    assert manifest["format_version"] == 1
    assert manifest["engine"] == connection.vendor
    assert manifest["counts"]["pages"] >= 2
    assert manifest["counts"]["documents"] == 1
    assert "0001_initial" in manifest["migrations"]["materials"]
    pdf_sha256 = hashlib.sha256(small_site).hexdigest()
    assert pdf_sha256 in {entry["sha256"] for entry in manifest["media"]}

    restored = run_manage(restore_target, "restore", str(archive))
    assert restored.returncode == 0, restored.stderr
    assert "Wiederhergestellt" in restored.stdout

    state = run_script(restore_target, VERIFY)
    assert state == {
        "page_status": 200,
        "page_text": True,
        "document_status": 200,
        "document_sha256": pdf_sha256,
        "media_sha256": pdf_sha256,
        "migrations_pending": False,
    }


def test_restore_twice_needs_force(small_site, restore_target, tmp_path):
    archive = tmp_path / "sicherung.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    assert run_manage(restore_target, "restore", str(archive)).returncode == 0
    extra = Path(restore_target["MEDIA_ROOT"]) / "nicht-aus-der-sicherung.txt"
    extra.write_text("wird ersetzt")

    again = run_manage(restore_target, "restore", str(archive))
    assert again.returncode != 0
    assert "Die Zieldatenbank ist nicht leer" in again.stderr
    assert extra.exists()

    forced = run_manage(restore_target, "restore", "--force", str(archive))
    assert forced.returncode == 0, forced.stderr
    assert not extra.exists()
    state = run_script(restore_target, VERIFY)
    assert state["document_sha256"] == hashlib.sha256(small_site).hexdigest()
    assert state["migrations_pending"] is False


def replace_database(source: Path, target: Path, change: Callable[[bytes], bytes]) -> Path:
    """The archive with its database file changed and the manifest updated to match
    (as if the backup itself had gone wrong)."""
    with tarfile.open(source) as old:
        names = [member.name for member in old.getmembers()]
        name = next(n for n in names if n.startswith("database."))
        data = change(old.extractfile(name).read())

    def swap(member: str, content: bytes) -> tuple[str, bytes]:
        if member == name:
            return member, data
        if member == "manifest.json":
            manifest = json.loads(content)
            manifest["database"]["size"] = len(data)
            manifest["database"]["sha256"] = hashlib.sha256(data).hexdigest()
            return member, json.dumps(manifest).encode()
        return member, content

    return rewrite(source, target, swap)


def test_a_broken_database_changes_nothing(archive, restore_target, tmp_path):
    """A dump that fails halfway (PostgreSQL: one transaction) or a damaged SQLite
    file leaves the target empty: the good archive then restores without --force."""
    if connection.vendor == "postgresql":
        broken = replace_database(archive, tmp_path / "kaputt.tar.gz", lambda d: d + b"KAPUTT;\n")
        expected = "psql ist fehlgeschlagen"
    else:
        broken = replace_database(archive, tmp_path / "kaputt.tar.gz", lambda d: d[: len(d) // 2])
        expected = "ist beschädigt"
    failed = run_manage(restore_target, "restore", str(broken))
    assert failed.returncode != 0
    assert expected in failed.stderr
    assert not Path(restore_target["MEDIA_ROOT"]).exists()

    restored = run_manage(restore_target, "restore", str(archive))
    assert restored.returncode == 0, restored.stderr


def test_reports_content_missing_after_restore(archive, restore_target, tmp_path):
    def more_pages(manifest: dict) -> None:
        manifest["counts"]["pages"] += 1

    tampered = rewrite(archive, tmp_path / "anzahl.tar.gz", change_manifest(more_pages))
    restored = run_manage(restore_target, "restore", str(tampered))
    assert restored.returncode != 0
    assert "stimmen die Anzahlen nicht" in restored.stderr


# --- refusals (in this process: the test database is not empty, so a guard that
# lets a bad archive through ends at the "not empty" refusal instead) ------------


@pytest.fixture
def archive(db, tmp_path: Path) -> Path:
    """A real backup of the test database with one media file."""
    media = Path(settings.MEDIA_ROOT)
    (media / "documents").mkdir(parents=True, exist_ok=True)
    (media / "documents" / "beispiel.txt").write_text("Beispielinhalt")
    path = tmp_path / "sicherung.tar.gz"
    call_command("backup", str(path), stdout=io.StringIO())
    return path


def rewrite(
    source: Path,
    target: Path,
    change: Callable[[str, bytes], tuple[str, bytes] | None],
    *,
    add: dict[str, bytes] | None = None,
) -> Path:
    """Copy an archive, passing each member's name and bytes through ``change``
    (None drops the member); ``add`` appends members."""
    with tarfile.open(source) as old, tarfile.open(target, "w:gz") as new:
        members = [(m.name, old.extractfile(m).read()) for m in old.getmembers()]
        for name, data in [*members, *(add or {}).items()]:
            changed = change(name, data)
            if changed is None:
                continue
            info = tarfile.TarInfo(changed[0])
            info.size = len(changed[1])
            new.addfile(info, io.BytesIO(changed[1]))
    return target


def change_manifest(update: Callable[[dict], None]) -> Callable[[str, bytes], tuple[str, bytes]]:
    def change(name: str, data: bytes) -> tuple[str, bytes]:
        if name != "manifest.json":
            return name, data
        manifest = json.loads(data)
        update(manifest)
        return name, json.dumps(manifest).encode()

    return change


@pytest.fixture
def empty_media(settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "ziel-media"
    return settings.MEDIA_ROOT


def restore_error(path: Path, *options: str) -> str:
    with pytest.raises(CommandError) as error:
        call_command("restore", str(path), *options, stdout=io.StringIO())
    return str(error.value)


def test_refuses_a_database_with_tables(archive, empty_media):
    message = restore_error(archive)
    assert "Die Zieldatenbank ist nicht leer" in message
    assert "--force" in message


def test_refuses_a_media_root_with_files(archive, restore_target):
    """An empty database, but MEDIA_ROOT already holds files: nothing is changed."""
    media = Path(restore_target["MEDIA_ROOT"])
    media.mkdir()
    (media / "alt.pdf").write_bytes(b"%PDF-alt")
    refused = run_manage(restore_target, "restore", str(archive))
    assert refused.returncode != 0
    assert "ist nicht leer" in refused.stderr
    assert "MEDIA_ROOT" in refused.stderr
    assert [path.name for path in media.iterdir()] == ["alt.pdf"]


def test_refuses_the_other_engine(archive, empty_media, tmp_path):
    other = "sqlite" if connection.vendor == "postgresql" else "postgresql"
    names = {"postgresql": "database.sql", "sqlite": "database.sqlite3"}

    def change(name: str, data: bytes) -> tuple[str, bytes]:
        if name == names[connection.vendor]:
            return names[other], data
        if name == "manifest.json":
            manifest = json.loads(data)
            manifest["engine"] = other
            return name, json.dumps(manifest).encode()
        return name, data

    message = restore_error(rewrite(archive, tmp_path / "andere.tar.gz", change))
    assert "Die Sicherung stammt aus einer" in message
    assert "derselben Art" in message


def test_refuses_a_tampered_media_file(archive, empty_media, tmp_path):
    def change(name: str, data: bytes) -> tuple[str, bytes]:
        if name == "media/documents/beispiel.txt":
            return name, b"Beispielinhalx"  # same size, other bytes
        return name, data

    message = restore_error(rewrite(archive, tmp_path / "verändert.tar.gz", change))
    assert "Prüfsumme stimmt nicht für „documents/beispiel.txt“" in message
    assert not empty_media.exists()


def test_refuses_a_file_missing_from_the_manifest(archive, empty_media, tmp_path):
    tampered = rewrite(
        archive, tmp_path / "mehr.tar.gz", lambda n, d: (n, d), add={"media/extra.txt": b"x"}
    )
    assert "steht nicht im Manifest" in restore_error(tampered)


def with_media_entry(source: Path, target: Path, member: str, data: bytes) -> Path:
    """Add ``member`` to the archive and to the manifest (correct size and checksum),
    so that only the path checks stand between it and the disk."""

    def listed(manifest: dict) -> None:
        path = "/".join(Path(member).parts[1:])
        digest = hashlib.sha256(data).hexdigest()
        manifest["media"].append({"path": path, "size": len(data), "sha256": digest})

    return rewrite(source, target, change_manifest(listed), add={member: data})


@pytest.mark.parametrize(
    "member", ["media/../../ausserhalb.txt", "../ausserhalb.txt", "{tmp_path}/ausserhalb.txt"]
)
def test_refuses_path_traversal(archive, empty_media, tmp_path, member):
    member = member.format(tmp_path=tmp_path)  # an absolute path
    message = restore_error(with_media_entry(archive, tmp_path / "böse.tar.gz", member, b"x"))
    assert "Unzulässiger Pfad" in message or "Unerwarteter Eintrag" in message
    assert "Nichts wurde wiederhergestellt" in message
    assert not (tmp_path / "ausserhalb.txt").exists()
    assert not (tmp_path.parent / "ausserhalb.txt").exists()
    assert not empty_media.exists()


def test_refuses_members_outside_the_layout(archive, empty_media, tmp_path):
    tampered = rewrite(archive, tmp_path / "mehr.tar.gz", lambda n, d: (n, d), add={"etc/x": b"x"})
    assert "Unerwarteter Eintrag in der Sicherung: „etc/x“" in restore_error(tampered)


def test_refuses_a_symlink_member(archive, empty_media, tmp_path):
    target = tmp_path / "verlinkt.tar.gz"
    with tarfile.open(archive) as old, tarfile.open(target, "w:gz") as new:
        for member in old.getmembers():
            new.addfile(member, old.extractfile(member))
        link = tarfile.TarInfo("media/passwd")
        link.type = tarfile.SYMTYPE
        link.linkname = "/etc/passwd"
        new.addfile(link)
    assert "Unerwarteter Eintrag in der Sicherung: „media/passwd“" in restore_error(target)


def test_refuses_what_is_not_an_archive(db, empty_media, tmp_path):
    text = tmp_path / "notiz.tar.gz"
    text.write_text("keine Sicherung")
    assert "ist kein lesbares Sicherungsarchiv" in restore_error(text)
    assert "gibt es nicht" in restore_error(tmp_path / "fehlt.tar.gz")


def test_refuses_an_archive_without_manifest(archive, empty_media, tmp_path):
    without = rewrite(
        archive,
        tmp_path / "ohne.tar.gz",
        lambda n, d: None if n == "manifest.json" else (n, d),
    )
    assert "manifest.json fehlt" in restore_error(without)


def test_refuses_another_format_version(archive, empty_media, tmp_path):
    def newer(manifest: dict) -> None:
        manifest["format_version"] = 2

    message = restore_error(rewrite(archive, tmp_path / "neu.tar.gz", change_manifest(newer)))
    assert "hat das Format 2" in message


def test_refuses_migrations_this_code_does_not_know(archive, empty_media, tmp_path):
    def newer(manifest: dict) -> None:
        manifest["migrations"]["materials"].append("9999_aus_der_zukunft")

    message = restore_error(rewrite(archive, tmp_path / "neu.tar.gz", change_manifest(newer)))
    assert "materials.9999_aus_der_zukunft" in message


# --- backup errors -----------------------------------------------------------------


def test_backup_to_an_unwritable_place(db, tmp_path):
    with pytest.raises(CommandError, match="kann nicht nach .* geschrieben werden"):
        call_command("backup", str(tmp_path / "fehlt" / "sicherung.tar.gz"))
    with pytest.raises(CommandError, match="ist ein Verzeichnis"):
        call_command("backup", str(tmp_path))


def test_backup_never_inside_media_root(db, settings, tmp_path):
    """Files in MEDIA_ROOT are public under /media/; the archive holds password hashes."""
    settings.MEDIA_ROOT = tmp_path
    with pytest.raises(CommandError, match="darf nicht in MEDIA_ROOT"):
        call_command("backup", str(tmp_path / "documents" / "sicherung.tar.gz"))
    assert list(tmp_path.iterdir()) == []


def test_archive_is_readable_by_its_owner_only(archive):
    assert archive.stat().st_mode & 0o777 == 0o600


@POSTGRES
def test_backup_without_pg_dump_leaves_the_old_archive(db, tmp_path, monkeypatch):
    target = tmp_path / "sicherung.tar.gz"
    target.write_bytes(b"alte Sicherung")
    monkeypatch.setenv("PATH", str(tmp_path / "leer"))
    with pytest.raises(CommandError, match="„pg_dump“ wurde nicht gefunden.*postgresql-client"):
        call_command("backup", str(target))
    assert target.read_bytes() == b"alte Sicherung"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["sicherung.tar.gz"]


@POSTGRES
def test_pg_dump_failure_shows_its_error(db, tmp_path):
    from ops.backup import BackupError

    settings_dict = {**connection.settings_dict, "NAME": "gk_backup_gibt_es_nicht"}
    with pytest.raises(
        BackupError, match='pg_dump ist fehlgeschlagen(.|\n)*"gk_backup_gibt_es_nicht"'
    ):
        dump_postgresql(settings_dict, tmp_path / "dump.sql")
