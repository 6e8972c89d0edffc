#!/usr/bin/env bash
# PostgreSQL falling silent under evaluate load (docs/benchmarks.md, "A database that falls silent
# under load"): wrk sends varied browser evaluations to a server whose PostgreSQL is reached through
# bench/silent-relay.py; SILENT_AT seconds in, the relay stops forwarding without closing anything (a
# failover, a dropped route), and SILENT_FOR seconds later it answers again. Every second the script
# prints what the server answered that second (evaluations by status, from /metrics) and how long a
# /healthz took, so one can see how long requests are held, how fast they are refused, and when the
# server serves again.
#
#   bench/run-outage.sh                                   # the jar in server/target
#   SEATGUARD_JAR=/tmp/other.jar bench/run-outage.sh      # another build
#
# Settings (environment): PG_URL (default postgresql://postgres@127.0.0.1:5432/test; a schema of its
# own is made and dropped), PORT (18436), RELAY_PORT (6433), CONNECTIONS (64), DURATION (45, seconds),
# SILENT_AT (10), SILENT_FOR (15).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=${SEATGUARD_JAR:-$ROOT/server/target/seatguard.jar}
PG_URL=${PG_URL:-postgresql://postgres@127.0.0.1:5432/test}
PORT=${PORT:-18436}
RELAY_PORT=${RELAY_PORT:-6433}
CONNECTIONS=${CONNECTIONS:-64}
DURATION=${DURATION:-45}
SILENT_AT=${SILENT_AT:-10}
SILENT_FOR=${SILENT_FOR:-15}

die() { echo "run-outage: $*" >&2; exit 1; }
for v in PORT RELAY_PORT CONNECTIONS DURATION SILENT_AT SILENT_FOR; do
    [[ ${!v} =~ ^[0-9]+$ ]] || die "$v must be a whole number (got '${!v}')"
done
((SILENT_AT + SILENT_FOR < DURATION)) || die "SILENT_AT + SILENT_FOR must end before DURATION"
command -v wrk >/dev/null || die "wrk is not installed (apt-get install -y wrk)"
command -v psql >/dev/null || die "psql is not installed"
command -v python3 >/dev/null || die "python3 is not installed"
[[ -f $JAR ]] || die "no jar at $JAR (build it with ./seatguard build, or set SEATGUARD_JAR)"
# shellcheck source=bin/find-jdk.sh
source "$ROOT/bin/find-jdk.sh"
JAVA=$(seatguard_find_java) || die "no JDK $(seatguard_min_java)+ found (set JAVA_HOME)"

[[ $PG_URL =~ ^postgresql://([^@/]+)@([^:/]+):([0-9]+)/([A-Za-z0-9_]+)$ ]] || die "PG_URL must look like postgresql://user@host:port/db"
PG_USER=${BASH_REMATCH[1]} PG_HOST=${BASH_REMATCH[2]} PG_PORT=${BASH_REMATCH[3]} PG_DB=${BASH_REMATCH[4]}
SCHEMA="sg_outage_$$"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/seatguard-outage.XXXXXX")
RELAY_PID= SERVER_PID= WRK_PID= TIMER_PID=

cleanup() {
    local rc=$?
    [[ -n $WRK_PID ]] && kill "$WRK_PID" 2>/dev/null || true
    [[ -n $TIMER_PID ]] && kill "$TIMER_PID" 2>/dev/null || true
    if [[ -n $SERVER_PID ]]; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
        kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
    [[ -n $RELAY_PID ]] && kill "$RELAY_PID" 2>/dev/null || true
    psql -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null 2>&1 || true
    if [[ ${KEEP:-0} == 1 ]]; then echo "run-outage: kept $WORK" >&2; else rm -rf -- "$WORK"; fi
    exit "$rc"
}
trap cleanup EXIT

psql -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" -c "CREATE SCHEMA $SCHEMA" >/dev/null
python3 "$ROOT/bench/silent-relay.py" "$RELAY_PORT" "$PG_HOST" "$PG_PORT" &
RELAY_PID=$!
# A relay left over from another run would hold the port: this one would exit and the server would use that one.
for _ in $(seq 1 50); do
    kill -0 "$RELAY_PID" 2>/dev/null || die "the relay could not listen on $RELAY_PORT (another run still going?)"
    (exec 3<>"/dev/tcp/127.0.0.1/$RELAY_PORT") 2>/dev/null && break
    sleep 0.1
done
"$JAVA" -jar "$JAR" serve --host 127.0.0.1 --port "$PORT" --data-dir "$WORK/data" --no-stun \
    --database-url "postgresql://$PG_USER@127.0.0.1:$RELAY_PORT/$PG_DB?currentSchema=$SCHEMA" >"$WORK/server.out" 2>&1 &
SERVER_PID=$!
URL="http://127.0.0.1:$PORT"
CLIENT_ID=
for _ in $(seq 1 120); do
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 30 "$WORK/server.out" >&2; die "the server exited during start-up"; }
    CLIENT_ID=$(sed -n 's/^ *client_id: *\(pk_[A-Za-z0-9]*\).*/\1/p' "$WORK/server.out" | head -n 1)
    [[ -n $CLIENT_ID ]] && break
    sleep 0.5
done
[[ -n $CLIENT_ID ]] || die "no client_id in the server's banner after 60 s"

echo "== PostgreSQL falling silent under load"
echo "jar:     $JAR"
echo "load:    wrk -t2 -c$CONNECTIONS for ${DURATION}s; silent from ${SILENT_AT}s for ${SILENT_FOR}s"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 30s --latency -s "$ROOT/bench/wrk/evaluate.lua" "$URL" -- "$CLIENT_ID" >"$WORK/wrk.out" 2>&1 &
WRK_PID=$!
started=$(date +%s.%N)
# The relay is told by the clock, not by the sampling loop: under load a scrape can take seconds, and
# a loop that counted its own turns fell behind wrk (session 35's 400-connection runs read a wrk that
# had already finished as a server that did not serve again).
( sleep "$SILENT_AT"; kill -USR1 "$RELAY_PID"; sleep "$SILENT_FOR"; kill -USR2 "$RELAY_PID" ) &
TIMER_PID=$!

# Evaluations answered so far, by status, from the server's own request timer; nothing when the scrape fails.
answered() {
    curl -sf -m 2 "$URL/metrics" | awk '/^seatguard_http_requests_seconds_count\{/ && /route="\/v3\/evaluate"/ {
        match($0, /status="[0-9]+"/); s = substr($0, RSTART + 8, 3); n[s] += $NF; seen = 1 }
        END { if (seen) printf "%d %d", n["200"], n["503"] }'
}
elapsed() { awk -v s="$started" -v now="$(date +%s.%N)" 'BEGIN { printf "%.1f", now - s }'; }

# Each line: the seconds since wrk started (by the clock), then evaluations a second by status over the
# time since the line before, then one /healthz. A scrape that fails or takes over 2 s leaves a gap.
printf '%6s  %-7s  %9s  %9s  %s\n' "t s" "state" "200 /s" "503 /s" "/healthz"
read -r ok0 unavailable0 <<<"$(answered)" || true
t0=$(elapsed)
for t in $(seq 1 $((DURATION - 1))); do
    sleep "$(awk -v s="$started" -v t="$t" -v now="$(date +%s.%N)" 'BEGIN { d = s + t - now; printf "%.3f", (d > 0 ? d : 0) }')"
    kill -0 "$WRK_PID" 2>/dev/null || break
    health=$(curl -s -o /dev/null -m 2 -w '%{http_code} in %{time_total}s' "$URL/healthz" || true)
    [[ $health == 000* || -z $health ]] && health="no answer in 2 s"
    counts=$(answered || true)
    now=$(elapsed)
    state=$(awk -v e="$now" -v a="$SILENT_AT" -v f="$SILENT_FOR" 'BEGIN { print (e >= a && e < a + f) ? "silent" : "answers" }')
    if [[ -z $counts || -z ${ok0:-} ]]; then
        printf '%6s  %-7s  %9s  %9s  %s\n' "$now" "$state" "-" "-" "$health (no /metrics within 2 s)"
        read -r ok0 unavailable0 <<<"$counts" || true
        t0=$now
        continue
    fi
    read -r ok unavailable <<<"$counts"
    awk -v t="$now" -v st="$state" -v d="$(awk -v a="$t0" -v b="$now" 'BEGIN { print b - a }')" -v ok=$((ok - ok0)) -v un=$((unavailable - unavailable0)) -v h="$health" \
        'BEGIN { printf "%6s  %-7s  %9d  %9d  %s\n", t, st, ok / d, un / d, h }'
    ok0=$ok unavailable0=$unavailable t0=$now
done
wait "$WRK_PID" || true
WRK_PID=
echo "-- wrk"
sed -n '/Latency Distribution/,/Requests\/sec/p' "$WORK/wrk.out"
grep -E "Non-2xx|Socket errors" "$WORK/wrk.out" || true
echo "-- the server's log about it"
grep -E "OutageGate|Storage writes commit again" "$WORK/server.out" | cut -c1-220 || true
