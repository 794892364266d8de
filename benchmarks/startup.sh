#!/usr/bin/env bash
# Start-up of the installed command line against a JVM "hello world" started with the same JVM and
# flags, on each JDK given (default: java on PATH and /usr/lib/jvm/temurin-25-jdk-amd64 if present),
# each with its start-up archive (AppCDS, with AOT class linking on 25+; hello world gets its own).
# Beside them a floor for filestatus, also with its own archive: a program that only reads the same
# file and runs SnakeYAML Engine's event parser over it, the least any command reading it must do.
#
#   benchmarks/startup.sh [INSTALLATION_DIR]      # default: sops-cli/target/sops4j-cli-*/sops4j-cli-*
#   ROUNDS=5 RUNS=5 JDKS="/usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64" benchmarks/startup.sh
#   benchmarks/startup.sh before=/tmp/old-installation after=/tmp/new-installation   # side by side
#
# Commands are measured in ROUNDS rounds; each round runs hyperfine over every command (hello world
# first) with RUNS runs each, so hello world and sops share the machine's state of that moment.
# The ratio reported is the median over rounds of (sops median ÷ hello median) of the same round,
# for wall time and for user+system CPU time. Besides, the classes each command loads and how many
# of them came from the archive (-Xlog:class+load), which do not depend on the machine's load.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v hyperfine >/dev/null; then
  echo "installing hyperfine (Debian package)" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq hyperfine >&2
fi
# installations as LABEL=DIR (or DIR, labelled "sops"); each gets the three commands in every round
labels=(); installs=()
for given in "$@"; do
  case $given in
    *=*) labels+=("${given%%=*}"); installs+=("${given#*=}") ;;
    *) labels+=(sops); installs+=("$given") ;;
  esac
done
if [ ${#installs[@]} -eq 0 ]; then
  install=
  for candidate in "$root"/sops-cli/target/sops4j-cli-*/sops4j-cli-*; do install=$candidate; done
  if [ ! -x "$install/bin/sops" ]; then
    (cd "$root" && mvn -B -q -DskipTests -Dinvoker.skip -pl sops-cli -am package)
    for candidate in "$root"/sops-cli/target/sops4j-cli-*/sops4j-cli-*; do install=$candidate; done
  fi
  labels=(sops); installs=("$install")
fi
install=${installs[0]}
rounds=${ROUNDS:-5}
runs=${RUNS:-5}
jdks=${JDKS:-"$(dirname "$(dirname "$(readlink -f "$(command -v java)")")") $( [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ] && echo /usr/lib/jvm/temurin-25-jdk-amd64)"}
work=$(mktemp -d "${TMPDIR:-/tmp}/sops4j-startup.XXXXXX")
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache"

# inputs: a 1 KB age-encrypted YAML file and its key; a hello world jar
mkdir -p "$work/hello"
cat > "$work/hello/Hello.java" <<'EOF'
public class Hello { public static void main(String[] args) { System.out.println("hello"); } }
EOF
javac -d "$work/hello" "$work/hello/Hello.java"
(cd "$work/hello" && jar cf "$work/hello.jar" Hello.class)
# the YAML floor: what any filestatus must do at least, read the file and run SnakeYAML Engine's event
# parser over it (with comments, as the YAML store does), with the installation's own SnakeYAML
mkdir -p "$work/floor"
cat > "$work/floor/YamlFloor.java" <<'EOF'
import java.nio.file.Files;
import java.nio.file.Path;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

public class YamlFloor {
    public static void main(String[] args) throws Exception {
        LoadSettings settings = LoadSettings.builder().setParseComments(true).build();
        ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, Files.readString(Path.of(args[0]))));
        int events = 0;
        for (; parser.hasNext(); parser.next()) {
            events++;
        }
        System.out.println(events);
    }
}
EOF
install_classpath=$(printf '%s:' "$install"/lib/*.jar)
javac -cp "$install_classpath" -d "$work/floor" "$work/floor/YamlFloor.java"
(cd "$work/floor" && jar cf "$work/floor.jar" YamlFloor.class)
printf '%s\n' "# service settings" > "$work/plain.yaml"
for i in $(seq 1 24); do printf 'key_%02d: value-%02d-%s\n' "$i" "$i" "0123456789abcdef0123"; done >> "$work/plain.yaml"
keys=$(age-keygen 2>/dev/null) || keys=
if [ -z "$keys" ]; then echo "needs age-keygen (Debian package age)" >&2; exit 1; fi
printf '%s\n' "$keys" > "$work/key.txt"
recipient=$(printf '%s\n' "$keys" | sed -n 's/^# public key: //p')
export SOPS_AGE_KEY_FILE="$work/key.txt"
"$install/bin/sops" encrypt --age "$recipient" --output "$work/secrets.sops.yaml" "$work/plain.yaml"
echo "input: $(wc -c < "$work/plain.yaml") bytes of YAML, $(wc -c < "$work/secrets.sops.yaml") encrypted" >&2
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

flags="-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -Xlog:disable -Xlog:all=error:stderr"
for jdk in $jdks; do
  java="$jdk/bin/java"
  feature=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release")
  # hello world with the same flags (on 24+ also the launcher's module options) and an archive of the same kind
  linking=; [ "$feature" -ge 25 ] && linking=-XX:+AOTClassLinking
  jdk_flags=$flags; [ "$feature" -ge 24 ] && jdk_flags="$flags --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED"
  "$java" $jdk_flags -XX:DumpLoadedClassList="$work/hello.classes" -cp "$work/hello.jar" Hello >/dev/null
  "$java" $jdk_flags -Xshare:dump $linking -XX:SharedClassListFile="$work/hello.classes" -XX:SharedArchiveFile="$work/hello-$feature.jsa" \
    -cp "$work/hello.jar" >/dev/null 2>&1
  hello_archive="-Xshare:auto -XX:SharedArchiveFile=$work/hello-$feature.jsa"
  floor_classpath="$work/floor.jar:$install_classpath"
  "$java" $jdk_flags -XX:DumpLoadedClassList="$work/floor.classes" -cp "$floor_classpath" YamlFloor "$work/secrets.sops.yaml" >/dev/null
  "$java" $jdk_flags -Xshare:dump $linking -XX:SharedClassListFile="$work/floor.classes" -XX:SharedArchiveFile="$work/floor-$feature.jsa" \
    -cp "$floor_classpath" >/dev/null 2>&1
  floor="$java $jdk_flags -Xshare:auto -XX:SharedArchiveFile=$work/floor-$feature.jsa -cp $floor_classpath YamlFloor $work/secrets.sops.yaml"
  export JAVA_HOME=$jdk
  hello="$java $jdk_flags $hello_archive -cp $work/hello.jar Hello"
  commands=("$hello" "$floor"); names=(hello "yaml floor")
  for k in "${!installs[@]}"; do
    "${installs[$k]}/bin/sops" --version >/dev/null   # records the command line's archive for this JDK
    prefix=""; [ ${#installs[@]} -gt 1 ] && prefix="${labels[$k]} "
    commands+=("${installs[$k]}/bin/sops --version" "${installs[$k]}/bin/sops filestatus $work/secrets.sops.yaml"
      "${installs[$k]}/bin/sops decrypt $work/secrets.sops.yaml")
    names+=("${prefix}--version" "${prefix}filestatus" "${prefix}decrypt")
  done
  echo
  echo "== JDK $feature ($jdk)"
  for i in $(seq 2 $((${#commands[@]} - 1))); do
    log="$work/classes.log"
    rm -f "$log"
    SOPS4J_JAVA_OPTS="-Xlog:class+load=info:file=$log" ${commands[$i]} >/dev/null
    if [ -f "$log" ]; then
      echo "${names[$i]}: $(grep -c . "$log") classes loaded, $(grep -cE 'shared objects file|AOT cache' "$log") from the archive"
    else
      echo "${names[$i]}: no JVM started (answered by the launcher)"
    fi
  done
  "$java" $jdk_flags $hello_archive -Xlog:class+load=info:file="$work/classes.log" -cp "$work/hello.jar" Hello >/dev/null
  echo "hello: $(grep -c . "$work/classes.log") classes loaded, $(grep -cE 'shared objects file|AOT cache' "$work/classes.log") from the archive"
  ${floor/ -cp / -Xlog:class+load=info:file=$work/classes.log -cp } >/dev/null
  echo "yaml floor: $(grep -c . "$work/classes.log") classes loaded, $(grep -cE 'shared objects file|AOT cache' "$work/classes.log") from the archive"
  for round in $(seq 1 "$rounds"); do
    hyperfine -N --style none --warmup 1 --runs "$runs" --export-json "$work/round-$feature-$round.json" "${commands[@]}" >/dev/null 2>&1
  done
  python3 - "$work" "$feature" "$rounds" "${names[@]}" <<'EOF'
import json, statistics, sys
work, feature, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
names = sys.argv[4:]
wall = {n: [] for n in names}; cpu = {n: [] for n in names}; ratio_w = {n: [] for n in names}; ratio_c = {n: [] for n in names}
for r in range(1, rounds + 1):
    results = json.load(open(f"{work}/round-{feature}-{r}.json"))["results"]
    w = [statistics.median(x["times"]) for x in results]
    c = [x["user"] + x["system"] for x in results]  # hyperfine reports their means
    for i, n in enumerate(names):
        wall[n].append(w[i]); cpu[n].append(c[i]); ratio_w[n].append(w[i] / w[0]); ratio_c[n].append(c[i] / c[0])
print(f"| command | wall ms (median of rounds) | CPU ms (mean) | wall ÷ hello (range) | CPU ÷ hello (range) |")
print(f"|---|---:|---:|---:|---:|")
for n in names:
    print(f"| {n} | {statistics.median(wall[n])*1000:.0f} | {statistics.median(cpu[n])*1000:.0f} | "
          f"{statistics.median(ratio_w[n]):.2f}× ({min(ratio_w[n]):.2f}–{max(ratio_w[n]):.2f}) | "
          f"{statistics.median(ratio_c[n]):.2f}× ({min(ratio_c[n]):.2f}–{max(ratio_c[n]):.2f}) |")
EOF
done
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
