#!/usr/bin/env bash
#
# Load benchmark of POST /v3/evaluate against the no-op baseline (issue 2).
#
#   bench/run-evaluate.sh
#
# Starts a fresh Seatguard on embedded storage (SQLite) in a temporary data
# folder on a free loopback port, warms it up with the evaluate scenario, then,
# in the same server process:
#   1. evaluate load: wrk -s bench/wrk/evaluate.lua (varied browser-mode requests)
#   2. no-op load:    wrk -s bench/wrk/noop.lua     (GET /healthz), same wrk settings
# and prints a summary: req/s, latency percentiles, non-200s, the evaluate/no-op
# ratio, the server's peak RSS, its CPU use, the database reads per write during the
# evaluate run, and the evaluations stored. The server
# is stopped and the temporary folder removed at the end (also on Ctrl-C / errors).
# All traffic goes to 127.0.0.1; every step is bounded in time.
#
# Needs: wrk (apt-get install wrk), a JDK 21+ (found like ./seatguard does),
# the runnable jar (./seatguard build). sqlite3 is optional (stored-row counts).
# Does not build anything.
#
# Environment:
#   SEATGUARD_JAR        jar to run (default server/target/seatguard.jar; it is
#                        copied to the temp folder first, so a rebuild cannot
#                        change it under a running benchmark)
#   SEATGUARD_JAVA_OPTS  JVM options (default, as ./seatguard:
#                        -Xss1m -XX:+UseG1GC -XX:MaxGCPauseMillis=20)
#   THREADS              wrk threads                      (default 2)
#   CONNECTIONS          wrk connections                  (default 64)
#   DURATION             each measured run, wrk syntax    (default 30s)
#   WARMUP               evaluate warm-up before measuring (default 45s; 0 for none).
#                        On 2 cores the JIT needs ~30-40 s of evaluate load at
#                        64 connections before throughput stops climbing.
#   WARMUP_CONNECTIONS   connections of the warm-up (default 64, whatever
#                        CONNECTIONS is: a 1-connection warm-up would leave the
#                        JIT cold); the warm-up uses 2 wrk threads
#   NOOP_WARMUP          no-op warm-up before its run      (default 5s; 0 for none)
#   PORT                 port to listen on (default: a free one chosen by the server)
#   KEEP=1               keep the temp folder (server log, wrk output, database)
#   WIRE=1               also capture the evaluate run on the loopback interface
#                        (tcpdump, as root) and print the server's latency as seen on
#                        the wire (bench/wire-latency.py, needs python3): wrk's own
#                        percentiles were found inconsistent at low concurrency
#                        (docs/benchmarks.md, "Latency on the wire")
#   SEATGUARD_IP_DATA_DIR IP data for the server (default server/target/ip-data, so
#                        every check runs as in production; the jar is copied away
#                        from its folder). SEATGUARD_REDIS_URL, SEATGUARD_IP_LISTS and
#                        the other SEATGUARD_* settings reach the server too.
#   SEATGUARD_DATABASE_URL  run on PostgreSQL instead of SQLite; it must name a new,
#                        empty database (the banner prints the default app's keys on
#                        first start only), e.g. after
#                        psql -h 127.0.0.1 -d test -c 'DROP DATABASE IF EXISTS sg_bench' -c 'CREATE DATABASE sg_bench'
#                        SEATGUARD_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/sg_bench
#                        ("other processes" in the CPU columns is then mostly PostgreSQL)
#   POLICIES             a JSON array of policies (e.g. bench/policies/typical.json) to
#                        create on the default app before the warm-up, with a list
#                        "bench-blocked" of 64 documentation-range networks they may name;
#                        without it the app has no policy (every evaluation allows)
#   EVAL_USERS, EVAL_DEVICES, EVAL_HOT_PCT, EVAL_ACTION_MIX, EVAL_STUFFING_PCT,
#   EVAL_NEW_TOKEN_PCT, EVAL_SEED
#                        traffic model of bench/wrk/evaluate.lua (see that file)
#   HEARTBEAT_PCT        share of the measured run's requests that are heartbeats
#                        (EVAL_HEARTBEAT_PCT of evaluate.lua; the warm-up stays all
#                        evaluations, so the beating devices and their tokens exist);
#                        100 measures POST /v3/sessions/heartbeat alone
set -euo pipefail

BENCH_DIR=$(readlink -f -- "${BASH_SOURCE[0]}")
BENCH_DIR=${BENCH_DIR%/*}
ROOT=${BENCH_DIR%/*}

THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-45s}
WARMUP_CONNECTIONS=${WARMUP_CONNECTIONS:-64}
NOOP_WARMUP=${NOOP_WARMUP:-5s}
PORT=${PORT:-0}
JAR_SOURCE=${SEATGUARD_JAR:-$ROOT/server/target/seatguard.jar}
if [[ -z ${SEATGUARD_IP_DATA_DIR:-} && -d $ROOT/server/target/ip-data ]]; then
    export SEATGUARD_IP_DATA_DIR=$ROOT/server/target/ip-data
fi

die() {
    echo "run-evaluate: $*" >&2
    exit 1
}

# "30s" / "2m" / "1h" / "45" -> seconds (for timeouts only)
seconds_of() {
    local d=$1
    case $d in
        *h) echo $((${d%h} * 3600)) ;;
        *m) echo $((${d%m} * 60)) ;;
        *s) echo "${d%s}" ;;
        *) echo "$d" ;;
    esac
}

for v in THREADS CONNECTIONS WARMUP_CONNECTIONS; do
    [[ ${!v} =~ ^[1-9][0-9]*$ ]] || die "$v must be a positive integer (got '${!v}')"
done
for v in DURATION WARMUP NOOP_WARMUP; do
    [[ ${!v} =~ ^[0-9]+[smh]?$ ]] || die "$v must be a duration like 30s, 2m or 45 (got '${!v}')"
done
[[ $PORT =~ ^[0-9]+$ ]] || die "PORT must be a number (got '$PORT')"
((CONNECTIONS >= THREADS)) || die "CONNECTIONS ($CONNECTIONS) must be at least THREADS ($THREADS)"

command -v wrk >/dev/null 2>&1 || die "wrk is not installed (Debian/Ubuntu: apt-get install -y wrk)"
[[ -f $JAR_SOURCE ]] || die "no jar at $JAR_SOURCE (build it with ./seatguard build, or set SEATGUARD_JAR)"

# shellcheck source=bin/find-jdk.sh
source "$ROOT/bin/find-jdk.sh"
JAVA=$(seatguard_find_java) || die "no JDK $(seatguard_min_java)+ found (set JAVA_HOME; see ./seatguard for details)"
read -r -a JAVA_OPTS <<<"${SEATGUARD_JAVA_OPTS--Xss1m -XX:+UseG1GC -XX:MaxGCPauseMillis=20}" || true

WORK=$(mktemp -d "${TMPDIR:-/tmp}/seatguard-bench.XXXXXX")
SERVER_PID=

cleanup() {
    local rc=$?
    if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 100); do
            kill -0 "$SERVER_PID" 2>/dev/null || break
            sleep 0.2
        done
        if kill -0 "$SERVER_PID" 2>/dev/null; then
            echo "run-evaluate: the server did not stop within 20 s; killing it" >&2
            kill -KILL "$SERVER_PID" 2>/dev/null || true
        fi
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    if [[ ${KEEP:-0} == 1 ]]; then
        echo "run-evaluate: kept $WORK" >&2
    else
        rm -rf -- "$WORK"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

cp -- "$JAR_SOURCE" "$WORK/seatguard.jar"
mkdir -p "$WORK/data"

echo "== Seatguard evaluate benchmark"
echo "jar:      $JAR_SOURCE"
echo "java:     $JAVA ($(seatguard_java_major "$JAVA")) ${JAVA_OPTS[*]-}"
echo "wrk:      $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2), -t$THREADS -c$CONNECTIONS, runs of $DURATION (after a warm-up of $WARMUP at -t2 -c$WARMUP_CONNECTIONS)"
echo "machine:  $(nproc) CPUs ($(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n 1)), $(free -g | awk '/^Mem:/ {print $2}') GiB RAM; wrk and the server share them"
echo "work dir: $WORK"

# --- start the server ---------------------------------------------------------
(
    cd "$WORK"
    exec "$JAVA" ${JAVA_OPTS[@]+"${JAVA_OPTS[@]}"} -jar "$WORK/seatguard.jar" serve \
        --host 127.0.0.1 --port "$PORT" --data-dir "$WORK/data" \
        >"$WORK/server.out" 2>"$WORK/server.err" </dev/null
) &
SERVER_PID=$!

CLIENT_ID=
URL=
for _ in $(seq 1 120); do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        echo "run-evaluate: the server exited during start-up:" >&2
        tail -n 30 "$WORK/server.out" "$WORK/server.err" >&2 || true
        exit 1
    fi
    if [[ -z $CLIENT_ID ]]; then
        CLIENT_ID=$(sed -n 's/^ *client_id: *\(pk_[A-Za-z0-9]*\).*/\1/p' "$WORK/server.out" | head -n 1)
    fi
    if [[ -z $URL ]]; then
        URL=$(sed -n 's|.*running at \(http://127\.0\.0\.1:[0-9]*\).*|\1|p' "$WORK/server.out" | head -n 1)
    fi
    [[ -n $CLIENT_ID && -n $URL ]] && break
    sleep 0.5
done
[[ -n $CLIENT_ID ]] || { tail -n 30 "$WORK/server.out" "$WORK/server.err" >&2; die "no 'client_id: pk_…' line in the server's banner after 60 s"; }
[[ -n $URL ]] || die "no 'running at http://127.0.0.1:PORT' line in the server's banner"
for _ in $(seq 1 40); do
    curl -fsS --max-time 2 "$URL/healthz" >/dev/null 2>&1 && break
    sleep 0.5
done
curl -fsS --max-time 2 "$URL/healthz" >/dev/null || die "$URL/healthz does not answer 200"
echo "server:   pid $SERVER_PID at $URL, client_id $CLIENT_ID"
export SEATGUARD_CLIENT_ID=$CLIENT_ID

if [[ -n ${POLICIES:-} ]]; then
    [[ -r $POLICIES ]] || die "POLICIES=$POLICIES is not a readable file"
    SECRET=$(sed -n 's/^ *secret_key: *\(sk_[A-Za-z0-9]*\).*/\1/p' "$WORK/server.out" | head -n 1)
    [[ -n $SECRET ]] || die "no 'secret_key: sk_…' line in the server's banner"
    blocked=$(for i in $(seq 0 63); do printf '"192.0.2.%d/32",' "$i"; done)
    curl -fsS --max-time 5 "$URL/v3/lists" -H "Authorization: Bearer $SECRET" -H 'Content-Type: application/json' \
        -d "{\"name\":\"bench-blocked\",\"kind\":\"ip\",\"values\":[${blocked%,}]}" >/dev/null || die "cannot create the bench-blocked list"
    count=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$POLICIES")
    for i in $(seq 0 $((count - 1))); do
        python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))[int(sys.argv[2])]))' "$POLICIES" "$i" \
            | curl -fsS --max-time 5 "$URL/v3/policies" -H "Authorization: Bearer $SECRET" -H 'Content-Type: application/json' --data-binary @- >/dev/null \
            || die "cannot create policy $i of $POLICIES"
    done
    echo "policies: $count from $POLICIES, and the list bench-blocked"
fi

# --- helpers ------------------------------------------------------------------
cpu_ticks() { # utime + stime of the server, in clock ticks
    awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat" 2>/dev/null || echo 0
}
CLK_TCK=$(getconf CLK_TCK)
machine_busy_ticks() { # all CPUs, everything but idle and iowait, in clock ticks
    awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat
}
# children_seconds VAR: sets VAR to the user + sys CPU seconds of this shell's
# finished children (wrk). Call it as a plain command, never in $(...): the
# `times` builtin has to run in this shell, not in a subshell.
children_seconds() {
    local value
    times >"$WORK/times.txt"
    value=$(awk 'NR == 2 {
            t = 0
            for (i = 1; i <= 2; i++) { split($i, p, "m"); sub("s", "", p[2]); t += p[1] * 60 + p[2] }
            printf "%.3f\n", t
        }' "$WORK/times.txt")
    printf -v "$1" '%s' "$value"
}

# run_wrk NAME SCRIPT DURATION [--latency]: output in $WORK/NAME.txt; in
# $WORK/NAME.cpu the average cores used during the run by the server, by wrk
# and by every other process on the machine (another build, ...), in that order.
# Uses $THREADS and $CONNECTIONS unless WRK_THREADS / WRK_CONNECTIONS are set.
run_wrk() {
    local name=$1 script=$2 duration=$3 latency=${4-}
    local threads=${WRK_THREADS:-$THREADS} connections=${WRK_CONNECTIONS:-$CONNECTIONS}
    local limit=$(($(seconds_of "$duration") + 60))
    local t0 t1 c0 c1 m0 m1 w0 w1
    kill -0 "$SERVER_PID" 2>/dev/null || die "the server is gone (see $WORK/server.err)"
    children_seconds w0
    m0=$(machine_busy_ticks)
    c0=$(cpu_ticks)
    t0=$(date +%s.%N)
    timeout --kill-after=10 "$limit" \
        wrk -t"$threads" -c"$connections" -d"$duration" --timeout 5s ${latency:+"$latency"} \
        -s "$script" "$URL" >"$WORK/$name.txt" 2>&1 || {
        cat "$WORK/$name.txt" >&2
        die "wrk ($name) failed"
    }
    t1=$(date +%s.%N)
    c1=$(cpu_ticks)
    m1=$(machine_busy_ticks)
    children_seconds w1
    awk -v c0="$c0" -v c1="$c1" -v m0="$m0" -v m1="$m1" -v w0="$w0" -v w1="$w1" -v t0="$t0" -v t1="$t1" -v hz="$CLK_TCK" \
        'BEGIN {
            wall = t1 - t0; server = (c1 - c0) / hz / wall; wrk = (w1 - w0) / wall
            other = (m1 - m0) / hz / wall - server - wrk
            printf "%.2f %.2f %.2f\n", server, wrk, (other < 0 ? 0 : other)
        }' >"$WORK/$name.cpu"
}

cpu_of() { # cpu_of NAME server|wrk|other
    local server wrk other
    read -r server wrk other <"$WORK/$1.cpu"
    case $2 in server) echo "$server" ;; wrk) echo "$wrk" ;; other) echo "$other" ;; esac
}

OTHER_LOAD_WARNED=
report_cpu() { # report_cpu NAME: one line, and a warning when something else was busy
    echo "CPU (cores): server $(cpu_of "$1" server), wrk $(cpu_of "$1" wrk), other processes $(cpu_of "$1" other)"
    if awk -v o="$(cpu_of "$1" other)" 'BEGIN { exit !(o > 0.25) }'; then
        echo "WARNING: other processes used $(cpu_of "$1" other) cores during this run; its figures are not clean"
        OTHER_LOAD_WARNED=1
    fi
}

field() { # field NAME KEY: a value of the SGBENCH line of $WORK/NAME.txt
    [[ -f $WORK/$1.txt ]] || return 0
    sed -n "s/^SGBENCH .*[ ]$2=\([^ ]*\).*/\1/p" "$WORK/$1.txt" | head -n 1
}

# --- runs ---------------------------------------------------------------------
if [[ $(seconds_of "$WARMUP") -gt 0 ]]; then
    echo
    echo "== warm-up: evaluate for $WARMUP (-t2 -c$WARMUP_CONNECTIONS)"
    WRK_THREADS=$((WARMUP_CONNECTIONS < 2 ? 1 : 2)) WRK_CONNECTIONS=$WARMUP_CONNECTIONS \
        run_wrk warmup "$BENCH_DIR/wrk/evaluate.lua" "$WARMUP"
    grep -E '^(requests|non-200)' "$WORK/warmup.txt" | sed 's/^/   /'
    report_cpu warmup | sed 's/^/   /'
fi

echo
echo "== evaluate: POST /v3/evaluate for $DURATION"
if [[ ${WIRE:-} == 1 ]]; then
    command -v tcpdump >/dev/null 2>&1 || die "WIRE=1 needs tcpdump (apt-get install -y tcpdump)"
    tcpdump -i lo -s 96 -w "$WORK/evaluate.pcap" "tcp port ${URL##*:}" >"$WORK/tcpdump.err" 2>&1 &
    TCPDUMP_PID=$!
    sleep 1
fi
# Reads that reached the database per write during the run: unlike throughput on a shared machine,
# this hardly moves between runs of one build, so it shows what a cache change does.
metric() { curl -fsS --max-time 5 "$URL/metrics" | awk -v name="$1" '$1 == name { print $2 }'; }
READS_BEFORE=$(metric seatguard_storage_reads_total); WRITES_BEFORE=$(metric seatguard_storage_writes_total)
EVAL_HEARTBEAT_PCT=${HEARTBEAT_PCT:-0} run_wrk evaluate "$BENCH_DIR/wrk/evaluate.lua" "$DURATION" --latency
READS_AFTER=$(metric seatguard_storage_reads_total); WRITES_AFTER=$(metric seatguard_storage_writes_total)
cat "$WORK/evaluate.txt"
report_cpu evaluate
if [[ ${WIRE:-} == 1 ]]; then
    kill -INT "$TCPDUMP_PID" && wait "$TCPDUMP_PID" || true
    echo "on the wire (request in, answer out, per connection; bench/wire-latency.py):"
    python3 "$BENCH_DIR/wire-latency.py" "$WORK/evaluate.pcap" "${URL##*:}" | sed 's/^/   /'
fi

if [[ $(seconds_of "$NOOP_WARMUP") -gt 0 ]]; then
    run_wrk noop-warmup "$BENCH_DIR/wrk/noop.lua" "$NOOP_WARMUP"
fi
echo
echo "== no-op: GET /healthz for $DURATION"
run_wrk noop "$BENCH_DIR/wrk/noop.lua" "$DURATION" --latency
cat "$WORK/noop.txt"
report_cpu noop

# --- server facts -------------------------------------------------------------
PEAK_RSS_KB=$(awk '/^VmHWM:/ { print $2 }' "/proc/$SERVER_PID/status" 2>/dev/null || echo 0)
RSS_KB=$(awk '/^VmRSS:/ { print $2 }' "/proc/$SERVER_PID/status" 2>/dev/null || echo 0)
STORED="(sqlite3 not installed)"
DB="$WORK/data/seatguard.db"
if command -v sqlite3 >/dev/null 2>&1 && [[ -f $DB ]]; then
    STORED=$(sqlite3 -readonly "$DB" \
        "SELECT (SELECT count(*) FROM evaluations) || ' evaluations, ' || (SELECT count(*) FROM devices) || ' devices, ' || (SELECT count(*) FROM users) || ' users';" 2>&1) ||
        STORED="(could not read $DB: $STORED)"
fi
DB_BYTES=$(du -cb "$WORK/data" 2>/dev/null | tail -n 1 | cut -f1)
WARMUP_SENT=$(field warmup requests)
SENT=$((${WARMUP_SENT:-0} + $(field evaluate requests)))

E_RPS=$(field evaluate rps)
N_RPS=$(field noop rps)
echo
echo "== summary (-t$THREADS -c$CONNECTIONS, $DURATION each, $(nproc) CPUs shared by wrk and the server)"
printf '%-22s %10s %9s %9s %9s %9s %8s %11s %8s %10s\n' "" "req/s" "p50 ms" "p90 ms" "p99 ms" "p99.9 ms" "non-200" "server CPU" "wrk CPU" "other CPU"
for run in evaluate noop; do
    printf '%-22s %10s %9s %9s %9s %9s %8s %11s %8s %10s\n' \
        "$([[ $run == evaluate ]] && echo 'POST /v3/evaluate' || echo 'GET /healthz (no-op)')" \
        "$(field $run rps)" "$(field $run p50_ms)" "$(field $run p90_ms)" "$(field $run p99_ms)" "$(field $run p999_ms)" \
        "$(field $run non200)" "$(cpu_of $run server)" "$(cpu_of $run wrk)" "$(cpu_of $run other)"
done
awk -v e="$E_RPS" -v n="$N_RPS" 'BEGIN { if (n > 0) printf "evaluate / no-op:      %.3f (%.1f%%)\n", e / n, 100 * e / n }'
awk -v k="$PEAK_RSS_KB" -v r="$RSS_KB" 'BEGIN { printf "server peak RSS:       %.0f MiB (VmHWM; %.0f MiB now)\n", k / 1024, r / 1024 }'
awk -v r0="$READS_BEFORE" -v r1="$READS_AFTER" -v w0="$WRITES_BEFORE" -v w1="$WRITES_AFTER" \
    'BEGIN { if (w1 > w0) printf "database reads/write:  %.3f during the evaluate run (seatguard_storage_reads_total)\n", (r1 - r0) / (w1 - w0) }'
echo "stored:                $STORED; $((DB_BYTES / 1024 / 1024)) MiB on disk"
echo "evaluate requests sent (warm-up + run, completed): $SENT"
if [[ -n $OTHER_LOAD_WARNED ]]; then
    echo "WARNING: other processes were busy during at least one run (see above); rerun on a quiet machine"
fi
