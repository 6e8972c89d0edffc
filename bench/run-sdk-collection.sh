#!/usr/bin/env bash
#
# Browser SDK collection time in Debian's Chromium (issue 3; budget p95 <= 150 ms).
# Runs the SignalCollectionBrowserTest, which starts Seatguard, loads a page RUNS
# times (each a fresh page load) and times collectSignals() on each; prints the
# summary and leaves server/target/browser-bench/sdk-collection.json.
#
#   bench/run-sdk-collection.sh            # 100 page loads
#   RUNS=300 bench/run-sdk-collection.sh
#
# Needs a JDK 21+, node/npm (the SDK build) and chromium + chromium-driver.
set -euo pipefail

ROOT=$(readlink -f -- "${BASH_SOURCE[0]}")
ROOT=${ROOT%/*/*}
cd "$ROOT"
# shellcheck source=../bin/find-jdk.sh
. bin/find-jdk.sh
JAVA=$(seatguard_find_java) || { echo "run-sdk-collection: needs a JDK 21 or newer (set JAVA_HOME)." >&2; exit 1; }
JAVA_HOME=$(seatguard_java_home_of "$JAVA")
export JAVA_HOME
RUNS=${RUNS:-100}

./mvnw -B -q -pl core,intel,storage,sdk-js,server -am verify -Dtest=SignalCollectionBrowserTest -Dsurefire.failIfNoSpecifiedTests=false \
    -DargLine="-Dseatguard.sdkCollectionRuns=$RUNS" | grep -E '^SDK signal collection' || true
cat server/target/browser-bench/sdk-collection.json
