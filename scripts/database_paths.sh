# Sourced by scripts/backup.sh and scripts/restore.sh: where the site's data is.
media_root=${MEDIA_ROOT:-media}
database_url=${DATABASE_URL:-}

# sqlite:////abs/path -> /abs/path, sqlite:///rel -> rel, nothing -> db.sqlite3
sqlite_path_from() {
    if [ -z "$1" ]; then echo db.sqlite3; return; fi
    local path=${1#sqlite://}
    echo "${path#/}"
}
