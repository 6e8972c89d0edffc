#!/bin/bash
#
# Runs bench/run-evaluate.sh for each jar in turn, ROUNDS times, and appends one line per run to
# /tmp/ab-<label>.log: the evaluate summary plus, over 20 s of the measured run, the evaluations
# written, their batches, the writer's busy time, and the server's and the writer thread's CPU per
# evaluation (from /metrics and /proc), and the reads that reached the database per write (a build
# that answers more from its caches shows it whatever the machine's speed that minute). Used for
# docs/benchmarks.md, "The writer's driver overhead".
#
#   ROUNDS=2 bench/run-evaluate-ab.sh label /tmp/before.jar /tmp/after.jar
#
# Needs what bench/run-evaluate.sh needs, plus curl and jcmd; uses WARMUP=90s and DURATION=30s.
cd "$(dirname "$(readlink -f "$0")")/.."
export PATH=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin:$PATH
label=$1; shift
scrape() { curl -s http://127.0.0.1:$1/metrics | grep -E '^seatguard_storage_(writer_busy_seconds_total|writes_total|write_batches_total|reads_total) ' | awk '{print $1"="$2}' | tr '\n' ' '; }
for r in $(seq 1 ${ROUNDS:-2}); do
  for jar in "$@"; do
    SEATGUARD_JAR=$jar DURATION=30s WARMUP=90s NOOP_WARMUP=0 nice -n -15 bench/run-evaluate.sh > /tmp/ab2-run.log 2>&1 &
    bpid=$!
    sleep 97
    # The run's own banner line ("server:   pid N at http://127.0.0.1:PORT"), not pgrep: a server of the
    # round before may still be shutting down, and pgrep picked it once.
    spid=$(sed -n 's/^server: *pid \([0-9]*\) at .*/\1/p' /tmp/ab2-run.log | head -1)
    port=$(sed -n 's|^server: *pid [0-9]* at http://127\.0\.0\.1:\([0-9]*\),.*|\1|p' /tmp/ab2-run.log | head -1)
    if [[ -z $spid || -z $port ]] || ! kill -0 "$spid" 2>/dev/null; then
      echo "$jar round $r: no running server in /tmp/ab2-run.log" >> /tmp/ab-$label.log
      wait $bpid
      continue
    fi
    wtid=$(jcmd $spid Thread.print | grep '^"seatguard-sqlite-writer"' | sed -E 's/.*#[0-9]+ \[([0-9]+)\].*/\1/')
    m1=$(scrape $port); c1=$(awk '{print $14+$15}' /proc/$spid/stat); w1=$(awk '{print $14+$15}' /proc/$spid/task/$wtid/stat); t1=$(date +%s.%N)
    sleep 20
    m2=$(scrape $port); c2=$(awk '{print $14+$15}' /proc/$spid/stat); w2=$(awk '{print $14+$15}' /proc/$spid/task/$wtid/stat); t2=$(date +%s.%N)
    wait $bpid
    out=$(cat /tmp/ab2-run.log)
    extra=$(python3 -c "
a=dict((k[len('seatguard_storage_'):], float(v)) for k, v in (x.split('=') for x in '$m1'.split()))
b=dict((k[len('seatguard_storage_'):], float(v)) for k, v in (x.split('=') for x in '$m2'.split()))
d=lambda name: b.get(name, 0) - a.get(name, 0)
w=d('writes_total'); print('writes',int(w),'per_batch',round(w/d('write_batches_total'),1),'busy_ms_per_write',round(d('writer_busy_seconds_total')*1000/w,3),'server_cpu_ms_per_eval',round(($c2-$c1)*10/w,3),'writer_cpu_ms_per_write',round(($w2-$w1)*10/w,3),'reads_per_write',round(d('reads_total')/w,3))
")
    echo "$jar round $r: $(echo "$out" | grep '^POST /v3/evaluate') | cpu_ticks=$((c2-c1)) secs=$(python3 -c "print(round($t2-$t1,2))") | $extra" >> /tmp/ab-$label.log
  done
done
echo done >> /tmp/ab-$label.log
