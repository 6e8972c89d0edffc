#!/usr/bin/env bash
# Checks that a store this checkout's build migrated can go back to an earlier release and forward again.
#
#   tools/earlier-release/rollback-check.sh PREVIOUS_COMMIT sqlite|postgresql
#
# docs/production.md, "Upgrading", step 3 promises that the previous release starts on a store the new
# one migrated, so a rolling upgrade runs both side by side and going back needs no restore. This runs it:
#
#   1. this checkout's build makes a store (load.py write), restarts and records every read (app A);
#   2. PREVIOUS_COMMIT's build, on that store: answers A's reads as recorded, on the fields it knows,
#      and names each of A's tokens' devices; then makes app B and records B's reads after a restart;
#   3. this checkout's build again: answers B's reads as recorded (fields it added may stand beside
#      them) and A's that step 2's replays left unchanged, and names A's and B's devices;
#
# and fails (exit status 1) on any difference and on any error either build logged. Run it before a
# release that adds a migration, against the release before it; UpgradeFromEarlierReleasesTest checks
# the other direction on every test run. Needs what make-fixture.sh needs; three minutes or so.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh" "$@"
previous=$commit

echo "rollback-check: building this checkout and $previous"
(cd "$root" && ./mvnw -B -q -DskipTests package > "$work/build-now.log" 2>&1) || { tail -n 30 "$work/build-now.log" >&2; exit 1; }
build_release "$previous" "$work/tree-$previous"
now_log="$work/now.log"
previous_log="$work/previous.log"
use_store "$store"
failed=0
step() {
    echo "rollback-check: $1"
    shift
    python3 "$here/load.py" "$@" || failed=1
}

start_server "$root" "$now_log"
step "this build makes app A" write "http://127.0.0.1:$server_port" "$admin" "$work/a.json"
stop_server
start_server "$root" "$now_log"
step "this build records A" read "http://127.0.0.1:$server_port" "$work/a.json"
stop_server

start_server "$work/tree-$previous" "$previous_log"
step "$previous answers A" check "http://127.0.0.1:$server_port" "$work/a.json" --older
step "$previous makes app B" write "http://127.0.0.1:$server_port" "$admin" "$work/b.json"
stop_server
start_server "$work/tree-$previous" "$previous_log"
step "$previous records B" read "http://127.0.0.1:$server_port" "$work/b.json"
stop_server

start_server "$root" "$now_log"
step "this build answers B" check "http://127.0.0.1:$server_port" "$work/b.json"
step "this build answers A" check "http://127.0.0.1:$server_port" "$work/a.json" --replayed
stop_server

for log in "$now_log" "$previous_log"; do
    if errors_logged "$log" > "$work/errors"; then
        echo "rollback-check: $(basename "$log" .log) logged errors:" >&2
        head -n 20 "$work/errors" >&2
        failed=1
    fi
done
if [[ $failed -ne 0 ]]; then
    echo "rollback-check: FAILED ($store, this checkout and $previous)" >&2
    exit 1
fi
echo "rollback-check: passed ($store, this checkout and $previous)"
