#!/usr/bin/env bash
#
# Builds the "edge floor" jar: Seatguard as committed, except that POST /v3/evaluate stops right
# before the evaluation pipeline and answers a fixed verdict. It still reads and validates the
# request, finds the app by client_id, resolves the client IP through X-Forwarded-For and counts
# the evaluation in /metrics; it reads nothing from storage and writes nothing.
#
#   bench/build-floor-jar.sh [OUT]          # default OUT: /tmp/seatguard-floor.jar
#   SEATGUARD_JAR=/tmp/seatguard-floor.jar bench/run-evaluate.sh
#
# Why: it measures what the HTTP edge alone allows on a machine, under the same wrk scenario as the
# real benchmark. Whatever the target for evaluate is, the work of an evaluation has to fit in what
# is left (docs/benchmarks.md, "The edge floor"). The jar is a measuring device only: never serve it.
#
# The build runs in a temporary git worktree of HEAD with bench/floor/edge-floor.patch applied, so
# the checkout is left untouched. Needs git, a JDK 21+ (found like ./seatguard does) and, as any
# build of Seatguard, node and npm for the browser SDK.
set -euo pipefail

BENCH_DIR=$(readlink -f -- "${BASH_SOURCE[0]}")
BENCH_DIR=${BENCH_DIR%/*}
ROOT=${BENCH_DIR%/*}
OUT=${1:-/tmp/seatguard-floor.jar}

# shellcheck source=bin/find-jdk.sh
source "$ROOT/bin/find-jdk.sh"
JAVA=$(seatguard_find_java) || { echo "build-floor-jar: no JDK $(seatguard_min_java)+ found (set JAVA_HOME)" >&2; exit 1; }
export JAVA_HOME
JAVA_HOME=$(seatguard_java_home_of "$JAVA")

WORKTREE=$(mktemp -d "${TMPDIR:-/tmp}/seatguard-floor.XXXXXX")
cleanup() {
    git -C "$ROOT" worktree remove --force "$WORKTREE" >/dev/null 2>&1 || rm -rf -- "$WORKTREE"
}
trap cleanup EXIT

git -C "$ROOT" worktree add --detach --quiet "$WORKTREE" HEAD
git -C "$WORKTREE" apply "$BENCH_DIR/floor/edge-floor.patch"
(cd "$WORKTREE" && ./mvnw -B -q -DskipTests package)
cp -- "$WORKTREE/server/target/seatguard.jar" "$OUT"
echo "build-floor-jar: wrote $OUT (HEAD $(git -C "$ROOT" rev-parse --short HEAD) with bench/floor/edge-floor.patch)"
