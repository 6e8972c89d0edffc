#!/usr/bin/env bash
#
# Times a server's start: from `java -jar <jar> serve` until GET /readyz answers 200, wall clock and the
# process's CPU (user + system) at that moment. Each jar is started in turn, ROUNDS times, so that two
# builds alternate on the same machine minute. FIRST=1 (default) starts each time on an empty data
# folder (a first start: migrations, admin token, default app); FIRST=0 keeps the folder (a restart).
# Used for docs/benchmarks.md, "Session 67".
#
#   bench/run-start.sh                                    # this checkout's jar, 3 rounds
#   ROUNDS=5 bench/run-start.sh /tmp/before.jar /tmp/after.jar
#
# Needs curl and a built jar (./seatguard build); uses the launcher's default JVM options.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
# shellcheck source=../bin/find-jdk.sh
source bin/find-jdk.sh
JAVA=$(seatguard_find_java) || { echo "run-start: no JDK $(seatguard_min_java)+ found (set JAVA_HOME)" >&2; exit 1; }
(($# > 0)) || set -- server/target/seatguard.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

for round in $(seq 1 "${ROUNDS:-3}"); do
    for jar in "$@"; do
        data=$work/data-$(basename "$jar")
        if [[ ${FIRST:-1} == 1 ]]; then
            rm -rf "$data"
        fi
        mkdir -p "$data"
        port=$(free_port)
        started=$(date +%s.%N)
        "$JAVA" -Xss1m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -jar "$jar" serve --port "$port" --data-dir "$data" --no-stun > "$work/log" 2>&1 &
        pid=$!
        until curl -sf -o /dev/null "http://127.0.0.1:$port/readyz"; do
            kill -0 "$pid" 2>/dev/null || { echo "run-start: $jar exited before it was ready:" >&2; tail -5 "$work/log" >&2; exit 1; }
            sleep 0.05
        done
        ended=$(date +%s.%N)
        read -r -a stat < "/proc/$pid/stat"
        cpu=$(python3 -c "print(round(($((stat[13] + stat[14])) / $(getconf CLK_TCK)), 2))")
        wall=$(python3 -c "print(round($ended - $started, 2))")
        printf 'round %d  %-40s wall %6.2f s  cpu %6.2f s\n' "$round" "$jar" "$wall" "$cpu"
        kill "$pid"
        wait "$pid" 2>/dev/null || true
    done
done
