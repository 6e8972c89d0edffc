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
# as ./seatguard finds one). Takes about three minutes, most of it the build.
set -euo pipefail
export PGOPTIONS="-c client_min_messages=warning"

if [[ $# -ne 2 || ( $2 != sqlite && $2 != postgresql ) ]]; then
    sed -n '2,4p' "$0" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
commit=$(git -C "$root" rev-parse --short=8 "$1^{commit}")
store=$2
day=$(git -C "$root" log -1 --format=%cd --date=format:%Y-%m-%d "$commit")
dest="$root/server/src/test/resources/earlier-releases/$day-$commit-$store"
admin=earlier-release-admin-token-0000
schema="earlier_release_$$"

# shellcheck source=../../bin/find-jdk.sh
. "$root/bin/find-jdk.sh"
java=$(seatguard_find_java --jdk) || { echo "make-fixture: needs a JDK >= 21 (set JAVA_HOME)" >&2; exit 1; }
export JAVA_HOME
JAVA_HOME=$(seatguard_java_home_of "$java")

work=$(mktemp -d)
server_pid=
cleanup() {
    if [[ -n $server_pid ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    git -C "$root" worktree remove --force "$work/tree" 2>/dev/null || true
    if [[ $store == postgresql ]]; then psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS $schema CASCADE" || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

echo "make-fixture: building $commit ($day)"
git -C "$root" worktree add --force --detach "$work/tree" "$commit" > /dev/null
(cd "$work/tree" && ./mvnw -B -q -DskipTests package > "$work/build.log" 2>&1) || { tail -n 30 "$work/build.log" >&2; exit 1; }

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
flags=(serve --port "$port" --data-dir "$work/data" --admin-token "$admin")
# A release with a STUN listener would take UDP 3478, which a server of this checkout may hold.
if git -C "$root" grep -q -e '"--no-stun"' "$commit" -- server/src/main; then flags+=(--no-stun); fi
if [[ $store == postgresql ]]; then
    psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE SCHEMA $schema"
    flags+=(--database-url "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=$schema")
fi

start() {
    "$java" -jar "$work/tree/server/target/seatguard.jar" "${flags[@]}" >> "$work/server.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 120); do
        if curl -fs "http://127.0.0.1:$port/healthz" > /dev/null; then return 0; fi
        sleep 0.5
    done
    tail -n 40 "$work/server.log" >&2
    exit 1
}
stop() {
    kill "$server_pid"
    wait "$server_pid" || true
    server_pid=
}

start
python3 "$here/load.py" write "http://127.0.0.1:$port" "$admin" "$work/recorded.json"
stop
start
python3 "$here/load.py" read "http://127.0.0.1:$port" "$work/recorded.json"
stop
if grep -E '"level":"(ERROR)"|^[0-9:. ]+ ERROR|Exception' "$work/server.log" > /dev/null; then
    echo "make-fixture: the release logged errors (see below); the fixture may hold its faults" >&2
    grep -E 'ERROR|Exception' "$work/server.log" | head -n 20 >&2
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
