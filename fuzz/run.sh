#!/usr/bin/env bash
# Runs fuzzing campaigns on the targets of this module with Jazzer's standalone driver.
#
#   fuzz/run.sh [-t SECONDS] [-j JOBS] [TARGET...]
#
# TARGET is Class#method (simple class name, e.g. DecryptFuzzTest#yaml) or Class for all its
# methods; without TARGET every @FuzzTest method runs, one after the other, SECONDS each (default 60).
# Each campaign starts from the committed seeds (src/test/resources/.../<Class>Inputs/<method>) and
# from what earlier campaigns found (fuzz/.cifuzz-corpus/<Class>/<method>, not committed). A failing
# input is written to fuzz/target/findings/<Class>/<method>/crash-<sha1>; once fixed, copy it into
# the target's Inputs directory so that `mvn verify` replays it. A summary line per target goes to
# fuzz/target/findings/summary.tsv.
set -euo pipefail

seconds=60
jobs=1
while getopts "t:j:" opt; do
  case "$opt" in
    t) seconds="$OPTARG" ;;
    j) jobs="$OPTARG" ;;
    *) echo "usage: $0 [-t SECONDS] [-j JOBS] [TARGET...]" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))

module="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$module")"
findings="$module/target/findings"
mkdir -p "$findings"

(cd "$root" && mvn -B -q -pl fuzz -am -Dinvoker.skip -DskipTests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$module/target/fuzz-classpath.txt")
classpath="$module/target/test-classes:$(cat "$module/target/fuzz-classpath.txt")"

# every Class#method with @FuzzTest, as package.Class#method
all_targets() {
  find "$module/src/test/java" -name '*FuzzTest.java' | sort | while read -r file; do
    class="$(realpath --relative-to="$module/src/test/java" "$file" | sed 's/\.java$//; s|/|.|g')"
    awk '/@FuzzTest/ {want=1; next} want && /void [a-zA-Z0-9_]+\(/ {match($0, /void [a-zA-Z0-9_]+\(/); print substr($0, RSTART+5, RLENGTH-6); want=0}' "$file" \
      | sed "s|^|$class#|"
  done
}

selected=()
if [ "$#" -eq 0 ]; then
  mapfile -t selected < <(all_targets)
else
  for wanted in "$@"; do
    mapfile -t -O "${#selected[@]}" selected < <(all_targets | grep -E "(^|\.)${wanted%%#*}#${wanted#*#}" || true)
    case "$wanted" in *'#'*) ;; *) mapfile -t -O "${#selected[@]}" selected < <(all_targets | grep -E "(^|\.)$wanted#") ;; esac
  done
fi
[ "${#selected[@]}" -gt 0 ] || { echo "no fuzz target matches: $*" >&2; exit 2; }

run_one() {
  local target="$1" class="${1%%#*}" method="${1#*#}"
  local simple="${class##*.}" package_dir
  package_dir="$(dirname "${class//.//}")"
  local seeds="$module/src/test/resources/$package_dir/${simple}Inputs/$method"
  local corpus="$module/.cifuzz-corpus/$class/$method"
  local out="$findings/$simple/$method"
  mkdir -p "$corpus" "$out"
  local dirs=("$corpus")
  [ -d "$seeds" ] && dirs+=("$seeds")
  local status=0
  (cd "$out" && java -Xmx512m -Xss1m -XX:-OmitStackTraceInFastThrow -cp "$classpath" \
      com.code_intelligence.jazzer.Jazzer --target_class="$class" --target_method="$method" \
      --instrumentation_includes="$instrumented" --custom_hook_includes="$instrumented" \
      -max_total_time="$seconds" -timeout=20 -artifact_prefix="$out/" "${dirs[@]}" > "$out/log.txt" 2>&1) || status=$?
  local runs
  runs="$(grep -oE '^Done [0-9]+ runs' "$out/log.txt" | awk '{print $2}' | tail -1)"
  if [ -z "$runs" ]; then
    runs="$(grep -oE '^#[0-9]+' "$out/log.txt" | tail -1 | tr -d '#')"
  fi
  local result=ok
  [ "$status" -eq 0 ] || result="finding (exit $status): $(ls "$out" | grep -E '^(crash|timeout|oom|slow-unit)-' | head -1)"
  printf '%s\t%s\t%ss\t%s\t%s\n' "$(date -u +%FT%TZ)" "$target" "$seconds" "${runs:-0}" "$result" | tee -a "$findings/summary.tsv"
}

# coverage for our code and the parsers it builds on; 20 s per input leaves room for class loading
# on a busy machine, the JUnit targets themselves allow 10 s
instrumented='io.sops4j.**:org.snakeyaml.**:com.fasterxml.**:org.bouncycastle.**:com.google.re2j.**'
export -f run_one
export module findings classpath seconds instrumented
printf '%s\n' "${selected[@]}" | xargs -P "$jobs" -I{} bash -c 'run_one "$@"' _ {}
