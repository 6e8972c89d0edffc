#!/usr/bin/env bash
#
# JMH microbenchmark of the policy stage (issue 5): five typical policies, one
# naming a 10,000-network IP list, judged against an access evaluation.
#
#   bench/run-policy-jmh.sh [JMH options, e.g. -f 1 -wi 2 -i 3]
#
# Needs the build done (./seatguard build, or any ./mvnw verify/package).
set -euo pipefail

BENCH_DIR=$(readlink -f -- "${BASH_SOURCE[0]}")
BENCH_DIR=${BENCH_DIR%/*}
ROOT=${BENCH_DIR%/*}
cd "$ROOT"

JAVA=$("$ROOT/seatguard" --launcher-java)
export JAVA_HOME=${JAVA%/bin/java}
./mvnw -B -q -o -pl core,intel,bench compile dependency:build-classpath -Dmdep.outputFile=target/jmh.classpath >/dev/null
exec "$JAVA" -cp "bench/target/classes:$(cat bench/target/jmh.classpath)" org.openjdk.jmh.Main PolicyEngineBenchmark "$@"
