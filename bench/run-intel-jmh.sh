#!/usr/bin/env bash
#
# JMH microbenchmarks of IP intelligence lookups (issue 4): geolocation (.mmdb),
# ASN, a 40,000-range list, all sources together, and the pipeline's network stage.
#
#   bench/run-intel-jmh.sh [JMH options, e.g. -f 1 -wi 2 -i 3]
#
# Needs the build done (./seatguard build, or any ./mvnw verify/package): it uses
# bench/target/classes and the IP data installed in server/target/ip-data.
set -euo pipefail

BENCH_DIR=$(readlink -f -- "${BASH_SOURCE[0]}")
BENCH_DIR=${BENCH_DIR%/*}
ROOT=${BENCH_DIR%/*}
cd "$ROOT"

JAVA=$("$ROOT/seatguard" --launcher-java)
export JAVA_HOME=${JAVA%/bin/java}
[[ -d bench/target/classes/io/seatguard/bench ]] || { echo "run-intel-jmh: build first (./mvnw -B -pl bench -am package -DskipTests)" >&2; exit 1; }
./mvnw -B -q -o -pl core,intel,bench compile dependency:build-classpath -Dmdep.outputFile=target/jmh.classpath >/dev/null
exec "$JAVA" -cp "bench/target/classes:$(cat bench/target/jmh.classpath)" org.openjdk.jmh.Main IntelLookupBenchmark \
    -p ipData="$ROOT/server/target/ip-data" "$@"
