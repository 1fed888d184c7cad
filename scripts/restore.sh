#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh onto an EMPTY database and media folder.
#
#   scripts/restore.sh <backup folder>
#
# PostgreSQL: DATABASE_URL names an existing, empty database (createdb it first);
# pg_restore fills it. SQLite (DATABASE_URL sqlite:///path, or unset for the site's
# default ./db.sqlite3): the file must not exist yet. Files are unpacked into
# MEDIA_ROOT (default ./media), which must be empty or missing. Nothing is overwritten:
# a restore onto a live site is refused, so a mistyped variable cannot destroy it.
# See docs/backup.md.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -ne 1 ] || [ ! -d "$1" ]; then
    echo "usage: scripts/restore.sh <backup folder made by scripts/backup.sh>" >&2
    exit 2
fi
backup=$1
# shellcheck source=scripts/database_paths.sh
. scripts/database_paths.sh

(cd "$backup" && sha256sum --quiet --check SHA256SUMS) || {
    echo "restore: the backup's checksums do not match; it is damaged or incomplete" >&2
    exit 1
}

if [ -d "$media_root" ] && [ -n "$(ls -A "$media_root")" ]; then
    echo "restore: $media_root is not empty; restore into an empty media folder" >&2
    exit 1
fi

case "$database_url" in
    postgres://* | postgresql://*)
        [ -f "$backup/database.dump" ] || { echo "restore: no database.dump in $backup" >&2; exit 1; }
        tables=$(psql "$database_url" -tAc \
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
        if [ "$tables" != "0" ]; then
            echo "restore: the database is not empty ($tables tables); create an empty one" >&2
            exit 1
        fi
        pg_restore --no-owner --no-privileges --exit-on-error \
            --dbname="$database_url" "$backup/database.dump"
        ;;
    "" | sqlite://*)
        sqlite_path=$(sqlite_path_from "$database_url")
        [ -f "$backup/db.sqlite3" ] || { echo "restore: no db.sqlite3 in $backup" >&2; exit 1; }
        if [ -e "$sqlite_path" ]; then
            echo "restore: $sqlite_path exists; move it away first" >&2
            exit 1
        fi
        cp "$backup/db.sqlite3" "$sqlite_path"
        ;;
    *)
        echo "restore: DATABASE_URL must be postgres://... or sqlite:///..." >&2
        exit 1
        ;;
esac

mkdir -p "$media_root"
tar -C "$media_root" -xzf "$backup/media.tar.gz"
echo "restore: done from $backup"
