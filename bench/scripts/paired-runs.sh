#!/bin/sh
# Runs the raw fsync baseline, the journal (1 and 16 writers) and the XStream baseline at 10,000
# items back to back, ROUNDS times, so each ratio compares figures taken minutes apart on a noisy
# machine rather than a whole suite apart. Results: one JMH JSON file per round in OUT.
#   bench/scripts/paired-runs.sh [rounds] [out-dir]
set -e
ROUNDS=${1:-5}
OUT=${2:-bench/target/paired}
JAR=${JAR:-bench/target/benchmarks.jar}
mkdir -p "$OUT"
i=1
while [ "$i" -le "$ROUNDS" ]; do
  java -jar "$JAR" 'RawFsyncBaseline|JournalAppendBenchmark|XStreamBaselineBenchmark' \
    -p storeEvents=1000 -p items=10000 -f 1 -wi 1 -w 2 -i 3 -r 2 \
    -rf json -rff "$OUT/round-$i.json" > "$OUT/round-$i.log" 2>&1
  echo "round $i done: $(date -u +%H:%M:%S), load $(cut -d' ' -f1-3 /proc/loadavg)"
  i=$((i + 1))
done
