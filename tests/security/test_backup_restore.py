"""Backup and restore: scripts/backup.sh, then scripts/restore.sh onto an empty database
and media folder, gives the same site (docs/backup.md).

The round trip runs on PostgreSQL (pg_dump / pg_restore); the refusals, which protect a
live site from a mistyped restore, run anywhere.
"""

import hashlib
import io
import os
import shutil
import subprocess
from pathlib import Path

import psycopg
import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.models import Page

from contacts.models import ContactPerson
from events.models import ConferencePage, Speaker

SCRIPTS = Path(django_settings.BASE_DIR) / "scripts"
CONFERENCE = "/konferenser/smart-specialisering-2018/"

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql" or not shutil.which("pg_dump"),
    reason="the database round trip needs PostgreSQL and pg_dump/pg_restore",
)


def run(script, *args, **env):
    return subprocess.run(
        [str(SCRIPTS / script), *map(str, args)],
        env={**os.environ, **{key: str(value) for key, value in env.items()}},
        capture_output=True,
        text=True,
        check=False,
    )


def database_url(name):
    settings_dict = connection.settings_dict
    password = settings_dict.get("PASSWORD")
    credentials = settings_dict.get("USER") or "postgres"
    if password:
        credentials += f":{password}"
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{credentials}@{host}:{port}/{name}"


def admin_connection():
    return psycopg.connect(database_url("postgres"), autocommit=True)


def site_snapshot():
    """What a visitor and an editor would notice: pages, files, people, a rendered page."""
    client = Client()
    conference_html = client.get(CONFERENCE).content.decode()
    documents = get_document_model().objects.order_by("pk")
    first_document = documents.first()
    download = client.get(first_document.url)
    return {
        "pages": list(
            Page.objects.order_by("path").values_list("url_path", "title", "live", "content_type")
        ),
        "documents": [
            (document.title, document.filename, document.file_hash, document.file_size)
            for document in documents
        ],
        "speakers": list(
            Speaker.objects.order_by("conference__title", "sort_order").values_list(
                "conference__title", "name", "organisation", "presentation__title"
            )
        ),
        "contacts": list(ContactPerson.objects.order_by("name").values_list("name", "email")),
        "conference_html": conference_html,
        "download": hashlib.sha256(b"".join(download.streaming_content)).hexdigest(),
    }


@needs_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_restored_onto_an_empty_database_gives_the_same_site(settings, tmp_path):
    settings.ALLOWED_HOSTS = ["*"]
    call_command("load_demo_content", stdout=io.StringIO())
    original = site_snapshot()
    assert ConferencePage.objects.filter(url_path__endswith=CONFERENCE).exists()
    assert original["speakers"] and original["documents"]

    backup = run(
        "backup.sh",
        tmp_path / "backups",
        DATABASE_URL=database_url(connection.settings_dict["NAME"]),
        MEDIA_ROOT=settings.MEDIA_ROOT,
    )
    assert backup.returncode == 0, backup.stderr
    backup_folder = Path(backup.stdout.strip().splitlines()[-1])
    assert {path.name for path in backup_folder.iterdir()} == {
        "database.dump",
        "media.tar.gz",
        "SHA256SUMS",
    }

    restore_name = f"agency_restore_{os.getpid()}"
    restored_media = tmp_path / "restored-media"
    with admin_connection() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{restore_name}"')
        admin.execute(f'CREATE DATABASE "{restore_name}"')
    original_name = connection.settings_dict["NAME"]
    try:
        restore = run(
            "restore.sh",
            backup_folder,
            DATABASE_URL=database_url(restore_name),
            MEDIA_ROOT=restored_media,
        )
        assert restore.returncode == 0, restore.stderr

        # The site, pointed at the restored database and media folder.
        connection.close()
        connection.settings_dict["NAME"] = restore_name
        settings.MEDIA_ROOT = str(restored_media)
        cache.clear()
        restored = site_snapshot()
    finally:
        connection.close()
        connection.settings_dict["NAME"] = original_name
        cache.clear()
        with admin_connection() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{restore_name}" WITH (FORCE)')

    assert restored["pages"] == original["pages"]
    assert restored["documents"] == original["documents"]
    assert restored["speakers"] == original["speakers"]
    assert restored["contacts"] == original["contacts"]
    assert restored["download"] == original["download"]
    assert restored["conference_html"] == original["conference_html"]


def fake_backup(folder, damaged=False):
    folder.mkdir()
    (folder / "database.dump").write_bytes(b"PGDMP not really")
    (folder / "db.sqlite3").write_bytes(b"SQLite format 3\0 not really")
    subprocess.run(["tar", "-czf", folder / "media.tar.gz", "--files-from=/dev/null"], check=True)
    subprocess.run("sha256sum -- * > SHA256SUMS", shell=True, cwd=folder, check=True)  # noqa: S602, S607
    if damaged:
        (folder / "database.dump").write_bytes(b"PGDMP changed after the backup")
    return folder


def test_a_damaged_backup_is_refused(tmp_path):
    backup = fake_backup(tmp_path / "backup", damaged=True)

    result = run(
        "restore.sh",
        backup,
        DATABASE_URL=f"sqlite:///{tmp_path / 'new.sqlite3'}",
        MEDIA_ROOT=tmp_path / "media",
    )

    assert result.returncode != 0
    assert "checksums do not match" in result.stderr
    assert not (tmp_path / "new.sqlite3").exists()


def test_restore_refuses_to_overwrite_an_existing_sqlite_database(tmp_path):
    backup = fake_backup(tmp_path / "backup")
    existing = tmp_path / "site.sqlite3"
    existing.write_bytes(b"the live site")

    result = run(
        "restore.sh", backup, DATABASE_URL=f"sqlite:///{existing}", MEDIA_ROOT=tmp_path / "m"
    )

    assert result.returncode != 0
    assert existing.read_bytes() == b"the live site"


def test_restore_refuses_a_media_folder_that_has_files(tmp_path):
    backup = fake_backup(tmp_path / "backup")
    media = tmp_path / "media"
    media.mkdir()
    (media / "rapport.pdf").write_bytes(b"%PDF live file")

    result = run(
        "restore.sh", backup, DATABASE_URL=f"sqlite:///{tmp_path / 'n.sqlite3'}", MEDIA_ROOT=media
    )

    assert result.returncode != 0
    assert "not empty" in result.stderr
    assert (media / "rapport.pdf").read_bytes() == b"%PDF live file"


@needs_postgresql
def test_restore_refuses_a_database_that_has_tables(db, tmp_path):
    backup = fake_backup(tmp_path / "backup")
    pages_before = Page.objects.count()

    result = run(
        "restore.sh",
        backup,
        DATABASE_URL=database_url(connection.settings_dict["NAME"]),
        MEDIA_ROOT=tmp_path / "media",
    )

    assert result.returncode != 0
    assert "not empty" in result.stderr
    assert Page.objects.count() == pages_before


def test_sqlite_backup_and_restore_round_trip(tmp_path):
    """The development database: a consistent copy of the file, and back."""
    import sqlite3

    source = tmp_path / "site.sqlite3"
    with sqlite3.connect(source) as database:
        database.execute("CREATE TABLE sida (titel TEXT)")
        database.execute("INSERT INTO sida VALUES ('Smart specialisering')")
    media = tmp_path / "media"
    (media / "documents").mkdir(parents=True)
    (media / "documents" / "rapport.pdf").write_bytes(b"%PDF-1.7 rapport")

    backup = run(
        "backup.sh", tmp_path / "backups", DATABASE_URL=f"sqlite:///{source}", MEDIA_ROOT=media
    )
    assert backup.returncode == 0, backup.stderr
    folder = backup.stdout.strip().splitlines()[-1]
    target = tmp_path / "restored.sqlite3"
    restore = run(
        "restore.sh",
        folder,
        DATABASE_URL=f"sqlite:///{target}",
        MEDIA_ROOT=tmp_path / "restored",
    )

    assert restore.returncode == 0, restore.stderr
    with sqlite3.connect(target) as database:
        assert database.execute("SELECT titel FROM sida").fetchall() == [("Smart specialisering",)]
    restored_file = tmp_path / "restored" / "documents" / "rapport.pdf"
    assert restored_file.read_bytes() == b"%PDF-1.7 rapport"
