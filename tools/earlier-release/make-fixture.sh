#!/usr/bin/env bash
# Makes a store with an earlier release of Seatguard, for UpgradeFromEarlierReleasesTest.
#
#   tools/earlier-release/make-fixture.sh COMMIT sqlite|postgresql
#
# Builds COMMIT in a temporary git worktree, starts it on a new store (a data folder, or a new schema
# of PostgreSQL's database `test` on 127.0.0.1:5432), drives it with load.py (write), restarts it on
# the same store and records every read (load.py read), stops it and writes
#
#   server/src/test/resources/earlier-releases/<commit date>-<commit>-<store>/
#       store.sql      the store as SQL text (sqlite3 .dump, or pg_dump --inserts with the schema named
#                      earlier_release_schema, which the test replaces with a schema of its own, and
#                      without psql's \restrict lines, which a JDBC connection cannot run)
#       recorded.json  the app and its keys, the tokens and the devices they named, and every read
#       release.txt    the commit, its date, the store and the day the fixture was made
#
# Needs git, python3, curl, sqlite3 (SQLite) or psql and pg_dump (PostgreSQL), and a JDK >= 21 (found
# as ./seatguard finds one). Takes one to two minutes, most of it the build.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh" "$@"
day=$(git -C "$root" log -1 --format=%cd --date=format:%Y-%m-%d "$commit")
dest="$root/server/src/test/resources/earlier-releases/$day-$commit-$store"

echo "make-fixture: building $commit ($day)"
tree="$work/tree-$commit"
build_release "$commit" "$tree"
use_store "$store"
start_server "$tree" "$work/server.log"
python3 "$here/load.py" write "http://127.0.0.1:$server_port" "$admin" "$work/recorded.json"
stop_server
start_server "$tree" "$work/server.log"
python3 "$here/load.py" read "http://127.0.0.1:$server_port" "$work/recorded.json"
stop_server
if errors_logged "$work/server.log" > "$work/errors"; then
    echo "make-fixture: the release logged errors; the fixture may hold its faults:" >&2
    head -n 20 "$work/errors" >&2
fi

rm -rf "$dest"
mkdir -p "$dest"
if [[ $store == sqlite ]]; then
    sqlite3 "$work/data/seatguard.db" .dump > "$dest/store.sql"
else
    pg_dump -h 127.0.0.1 -U postgres -d test --schema="$schema" --inserts --no-owner --no-privileges \
        | sed -E -e "s/\b$schema\b/earlier_release_schema/g" -e '/^\\(un)?restrict /d' > "$dest/store.sql"
fi
cp "$work/recorded.json" "$dest/recorded.json"
printf 'commit %s\ndate %s\nstore %s\nmade %s\n' "$(git -C "$root" rev-parse "$commit")" "$day" "$store" \
    "$(date -u +%Y-%m-%dT%H:%M:%SZ)" > "$dest/release.txt"
echo "make-fixture: wrote $dest ($(du -sh "$dest" | cut -f1))"
