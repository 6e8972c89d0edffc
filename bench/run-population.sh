#!/usr/bin/env bash
#
# Device-population measurement (issue 3): generates a population of devices with
# realistic components and drift, runs every visit through the real evaluation
# pipeline and prints split and merge rates, overall and per platform, plus how the
# errors happened. The report is also written to population/target/population-report.md.
#
#   bench/run-population.sh                      # 10,000 devices, seed 1, default threshold
#   bench/run-population.sh --devices 20000 --seed 7
#   bench/run-population.sh --threshold 0.85     # one run at another fuzzy-match threshold
#   bench/run-population.sh --sweep              # thresholds 0.70 … 0.95
#   bench/run-population.sh --crowded-at 2       # tokens that make a hardware class common
#   bench/run-population.sh --no-landing         # signups not followed by the first page view (before 2026-12-01)
#
# Needs a JDK 21+ (found like ./seatguard does). Builds the core and population
# modules first (quietly, tests skipped). Core has no runtime dependencies, so its
# classes and test classes (the in-memory store, the fake clock) are the classpath.
set -euo pipefail

ROOT=$(readlink -f -- "${BASH_SOURCE[0]}")
ROOT=${ROOT%/*/*}
cd "$ROOT"
# shellcheck source=../bin/find-jdk.sh
. bin/find-jdk.sh
JAVA=$(seatguard_find_java) || { echo "run-population: needs a JDK 21 or newer (set JAVA_HOME)." >&2; exit 1; }
JAVA_HOME=$(seatguard_java_home_of "$JAVA")
export JAVA_HOME

./mvnw -B -q -pl population -am package -DskipTests
exec "$JAVA" -Xmx2g -cp population/target/classes:core/target/classes:core/target/test-classes \
    io.seatguard.population.PopulationSimulation "$@"
