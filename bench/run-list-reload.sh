#!/usr/bin/env bash
#
# What one list change costs the evaluations of its app (docs/benchmarks.md, "One list change stalled
# every evaluation of the app"): ListReloadBenchmark on embedded SQLite, or on PostgreSQL when
# POSTGRES_URL is set (a throwaway schema is made in it and dropped).
#
#   bench/run-list-reload.sh                                                  6 lists of 100,000 addresses, SQLite
#   POSTGRES_URL='jdbc:postgresql://127.0.0.1:5432/test?user=postgres' bench/run-list-reload.sh
#   LISTS=1 VALUES=100000 ROUNDS=7 THREADS=4 REMOVE_HELD=1 bench/run-list-reload.sh
set -euo pipefail

BENCH_DIR=$(readlink -f -- "${BASH_SOURCE[0]}")
BENCH_DIR=${BENCH_DIR%/*}
ROOT=${BENCH_DIR%/*}
cd "$ROOT"

JAVA=$("$ROOT/seatguard" --launcher-java)
export JAVA_HOME=${JAVA%/bin/java}
./mvnw -B -q -pl core,intel,storage,bench compile dependency:build-classpath -Dmdep.outputFile=target/jmh.classpath >/dev/null
exec "$JAVA" -Xmx${HEAP:-1g} -cp "bench/target/classes:$(cat bench/target/jmh.classpath)" \
    -Dlists="${LISTS:-6}" -Dvalues="${VALUES:-100000}" -Drounds="${ROUNDS:-7}" -Dthreads="${THREADS:-4}" \
    -DremoveHeld="${REMOVE_HELD:+true}" -Dpostgres="${POSTGRES_URL:-}" \
    io.seatguard.bench.ListReloadBenchmark
