#!/usr/bin/env bash
# Back up the site: the database and the media folder (uploaded documents and images).
#
#   scripts/backup.sh [destination folder]        (default: ./backups)
#
# Writes <destination>/<UTC time>/ with
#   database.dump   PostgreSQL custom-format dump (pg_dump -Fc), when DATABASE_URL is postgres
#   db.sqlite3      a consistent copy of the SQLite file (SQLite's online backup), otherwise
#   media.tar.gz    everything under MEDIA_ROOT
#   SHA256SUMS      checksums, checked by scripts/restore.sh
# and prints that folder's path. Safe while the site is running: pg_dump reads one
# consistent snapshot and SQLite's backup API copies a consistent file.
#
# Environment: MEDIA_ROOT (default ./media) and DATABASE_URL as for the site: postgres://...
# or sqlite:///path; without it, the site's default ./db.sqlite3. See docs/backup.md.
set -euo pipefail
cd "$(dirname "$0")/.."

destination_root=${1:-backups}
# shellcheck source=scripts/database_paths.sh
. scripts/database_paths.sh
destination="$destination_root/$(date -u +%Y%m%dT%H%M%SZ)"

if [ -e "$destination" ]; then
    echo "backup: $destination exists already; try again in a second" >&2
    exit 1
fi
mkdir -p "$destination"

case "$database_url" in
    postgres://* | postgresql://*)
        pg_dump --format=custom --no-owner --no-privileges \
            --file="$destination/database.dump" "$database_url"
        ;;
    "" | sqlite://*)
        sqlite_path=$(sqlite_path_from "$database_url")
        python3 - "$sqlite_path" "$destination/db.sqlite3" <<'PY'
import sqlite3
import sys

source = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
target = sqlite3.connect(sys.argv[2])
with target:
    source.backup(target)
target.close()
source.close()
PY
        ;;
    *)
        echo "backup: DATABASE_URL must be postgres://... or sqlite:///..." >&2
        exit 1
        ;;
esac

if [ -d "$media_root" ]; then
    tar -C "$media_root" -czf "$destination/media.tar.gz" .
else
    echo "backup: no media folder at $media_root; the backup has no files" >&2
    tar -czf "$destination/media.tar.gz" --files-from=/dev/null
fi

(cd "$destination" && sha256sum -- * > SHA256SUMS)
echo "$destination"
