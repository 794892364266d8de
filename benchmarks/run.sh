#!/usr/bin/env bash
# Regenerates the benchmark inputs, runs the JMH benchmarks, the heap probes and the command-line
# timings, and writes the results into docs/performance.md between the results markers.
# Takes about 9 minutes on 2 idle cores. Never part of the Maven build.
#   QUICK=1 benchmarks/run.sh        # shorter JMH runs, for a smoke check of the script
#   REPORT_ONLY=1 benchmarks/run.sh  # rewrite docs/performance.md from the last results
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
results=${RESULTS_DIR:-$root/benchmarks/target/results}
inputs=$root/benchmarks/target/inputs
doc=$root/docs/performance.md
jar=$root/benchmarks/target/benchmarks.jar
if [ -z "${REPORT_ONLY:-}" ]; then
rm -rf "$results" "$inputs"
mkdir -p "$results" "$inputs"

echo "== build" >&2
(cd "$root" && mvn -B -q -DskipTests -Dmaven.javadoc.skip -Dmaven.source.skip -pl benchmarks,sops-cli -am package)

{
  echo "date:    $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "commit:  $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet || echo ' (modified)')"
  echo "cpus:    $(nproc) ($(lscpu | sed -n 's/^Model name: *//p' | head -1))"
  echo "memory:  $(free -m | awk '/^Mem:/ {print $2 " MiB"}')"
  echo "java:    $(java -version 2>&1 | head -1)"
  echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min load average before the run)"
} > "$results/machine.txt"
cat "$results/machine.txt" >&2

echo "== inputs" >&2
java -cp "$jar" io.sops4j.benchmarks.Prepare "$inputs" 10k 1m 5m 10m 20m

if [ -n "${QUICK:-}" ]; then
  small=(-wi 1 -w 1s -i 1 -r 1s); large=(-wi 0 -i 1)
else
  small=(-wi 3 -w 1s -i 5 -r 1s); large=(-wi 1 -i 2)
fi
echo "== JMH 10k, 1m" >&2
java -jar "$jar" CryptoBenchmark -p size=10k,1m -f 1 "${small[@]}" -rf json -rff "$results/jmh-small.json"
echo "== JMH 20m (single shot per iteration)" >&2
java -jar "$jar" CryptoBenchmark -p size=20m -f 1 -bm ss "${large[@]}" -rf json -rff "$results/jmh-large.json"

echo "== thread CPU time" >&2
for ext in yaml json; do
  for size in 10k 1m; do
    java -Xms2g -Xmx2g -cp "$jar" io.sops4j.benchmarks.CpuTimeProbe "$ext" "$size" 15 11 decrypt encrypt parseEmit cryptoFloor \
      | grep '^CPU' >> "$results/cpu.txt"
  done
done
cat "$results/cpu.txt" >&2

echo "== heap probes (-Xmx512m)" >&2
for ext in yaml json; do
  for size in 10k 1m 5m 10m 20m; do
    file="$inputs/enc-$size.$ext"
    if ! java -Xmx512m -cp "$jar" io.sops4j.benchmarks.HeapProbe "$inputs/key.txt" "$file" 2 >> "$results/heap.txt"; then
      echo "FAIL enc-$size.$ext" >> "$results/heap.txt"
    fi
  done
done
for ext in yaml json; do
  if ! java -Xmx400m -cp "$jar" io.sops4j.benchmarks.HeapProbe "$inputs/key.txt" "$inputs/enc-20m.$ext" 2 >> "$results/heap.txt"; then
    echo "FAIL enc-20m.$ext (-Xmx400m)" >> "$results/heap.txt"
  fi
done
cat "$results/heap.txt" >&2

echo "== command line" >&2
export SOPS_AGE_KEY_FILE="$inputs/key.txt"
cd "$root"
if command -v hyperfine >/dev/null; then
  runs=10; [ -n "${QUICK:-}" ] && runs=3
  in=benchmarks/target/inputs
  hyperfine -N --warmup 1 --runs "$runs" --export-json "$results/cli-1-small.json" \
    "./sops decrypt $in/enc-10k.yaml" "./sops decrypt $in/enc-10k.json" >&2
  hyperfine -N --warmup 0 --runs 3 --export-json "$results/cli-2-large.json" \
    "./sops decrypt $in/enc-20m.yaml" "./sops decrypt $in/enc-20m.json" >&2
else
  echo "hyperfine not installed: command-line timings skipped (apt-get install hyperfine)" >&2
fi

fi

echo "== report" >&2
[ -f "$jar" ] || (cd "$root" && mvn -B -q -DskipTests -Dmaven.javadoc.skip -Dmaven.source.skip -pl benchmarks -am package)
java -cp "$jar" io.sops4j.benchmarks.Report "$results" "$results/results.md"
if [ -f "$doc" ] && grep -q '<!-- results:start -->' "$doc"; then
  awk -v results="$results/results.md" '
    /<!-- results:start -->/ { print; while ((getline line < results) > 0) print line; skip = 1; next }
    /<!-- results:end -->/ { skip = 0 }
    !skip' "$doc" > "$doc.tmp" && mv "$doc.tmp" "$doc"
  echo "results written to $doc" >&2
else
  echo "results in $results/results.md ($doc has no results markers)" >&2
fi
