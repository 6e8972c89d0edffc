#!/usr/bin/env bash
#
# Runs one JMH benchmark class of the bench module:
#
#   bench/run-jmh.sh IntelLookupBenchmark [JMH options]   IP intelligence lookups (issue 4)
#   bench/run-jmh.sh PolicyEngineBenchmark [JMH options]  the policy stage (issue 5)
#   bench/run-jmh.sh DeviceTokensReadBenchmark [JMH options]  a device's tokens from SQLite (issue 3's separation)
#   bench/run-jmh.sh StoredDocumentBenchmark [JMH options]  encoding the stored evaluation document, with and without Blackbird
#
# Needs the build done (./seatguard build, or any ./mvnw verify/package); the IP lookups also read the
# IP data installed in server/target/ip-data.
set -euo pipefail

BENCH_DIR=$(readlink -f -- "${BASH_SOURCE[0]}")
BENCH_DIR=${BENCH_DIR%/*}
ROOT=${BENCH_DIR%/*}
cd "$ROOT"

[[ $# -ge 1 ]] || { echo "usage: bench/run-jmh.sh <BenchmarkClass> [JMH options]" >&2; exit 2; }
BENCHMARK=$1
shift
JAVA=$("$ROOT/seatguard" --launcher-java)
export JAVA_HOME=${JAVA%/bin/java}
./mvnw -B -q -pl core,intel,storage,bench compile dependency:build-classpath -Dmdep.outputFile=target/jmh.classpath >/dev/null
EXTRA=()
[[ $BENCHMARK == IntelLookupBenchmark ]] && EXTRA=(-p ipData="$ROOT/server/target/ip-data")
exec "$JAVA" -cp "bench/target/classes:$(cat bench/target/jmh.classpath)" org.openjdk.jmh.Main "$BENCHMARK" "${EXTRA[@]}" "$@"
