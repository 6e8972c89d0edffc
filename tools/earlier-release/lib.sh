# shellcheck shell=bash
# What make-fixture.sh and rollback-check.sh share: their arguments (COMMIT sqlite|postgresql), a JDK, a
# release built in a git worktree, servers of a given build started and stopped on one store, and the
# cleanup of all that on exit. Source it with the script's arguments after setting `here` (this folder);
# it sets `root`, `commit`, `store`, `work`, `java`, `store_flags`, `server_pid` and `server_port`.

if [[ $# -ne 2 || ( $2 != sqlite && $2 != postgresql ) ]]; then
    sed -n '2,4p' "$0" >&2
    exit 2
fi
root=$(cd "$here/../.." && pwd)
commit=$(git -C "$root" rev-parse --short=8 "$1^{commit}")
store=$2
work=$(mktemp -d)
export PGOPTIONS="-c client_min_messages=warning"
admin=earlier-release-admin-token-0000
schema="earlier_release_$$"
server_pid=
server_port=

# shellcheck source=../../bin/find-jdk.sh
. "$root/bin/find-jdk.sh"
java=$(seatguard_find_java --jdk) || { echo "$(basename "$0"): needs a JDK >= 21 (set JAVA_HOME)" >&2; exit 1; }
JAVA_HOME=$(seatguard_java_home_of "$java")
export JAVA_HOME

# build_release COMMIT FOLDER: the commit's runnable jar at FOLDER/server/target/seatguard.jar.
build_release() {
    git -C "$root" worktree add --quiet --force --detach "$2" "$1"
    (cd "$2" && ./mvnw -B -q -DskipTests package > "$work/build-$1.log" 2>&1) || { tail -n 30 "$work/build-$1.log" >&2; exit 1; }
}

remove_releases() {
    local tree
    for tree in "$work"/tree-*; do
        if [[ -d $tree ]]; then git -C "$root" worktree remove --force "$tree" 2>/dev/null || true; fi
    done
}

# use_store sqlite|postgresql: a new store for every server started after it (`store_flags`).
use_store() {
    store_flags=(--data-dir "$work/data")
    if [[ $1 == postgresql ]]; then
        psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE SCHEMA $schema"
        store_flags+=(--database-url "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=$schema")
    fi
}

drop_store() {
    [[ $store == postgresql ]] || return 0
    psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS $schema CASCADE" > /dev/null 2>&1 || true
}

# start_server TREE LOG: the build in TREE on the store, on a free port (`server_port`), once it is healthy.
start_server() {
    server_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    local flags=(serve --port "$server_port" --admin-token "$admin" "${store_flags[@]}")
    # A release with a STUN listener would take UDP 3478, which another Seatguard here may hold.
    if grep -rqF -e '"--no-stun"' "$1/server/src/main"; then flags+=(--no-stun); fi
    "$java" -jar "$1/server/target/seatguard.jar" "${flags[@]}" >> "$2" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 120); do
        if curl -fs "http://127.0.0.1:$server_port/healthz" > /dev/null; then return 0; fi
        sleep 0.5
    done
    tail -n 40 "$2" >&2
    exit 1
}

stop_server() {
    if [[ -n $server_pid ]]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    server_pid=
}

# errors_logged LOG: prints the log's error lines; returns 1 when there are none.
errors_logged() {
    grep -E '^[0-9T:.+-]+Z? +ERROR |"level":"ERROR"|Exception' "$1"
}

cleanup() {
    stop_server
    remove_releases
    drop_store
    rm -rf "$work"
}
trap cleanup EXIT
