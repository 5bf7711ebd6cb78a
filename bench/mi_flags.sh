#!/usr/bin/env bash
# JVM flags for `surprisal mi` (issue 9, the one-shot cost): the same command under several flag sets,
# run in turn (A B C … A B C …, so that a change in the machine's load hits every set alike), REPS rounds;
# prints per set the median CPU seconds (user + sys, all threads: the JIT compilers' and the collector's
# included) and the median wall seconds. On a shared machine only the CPU column means much.
# Usage: bench/mi_flags.sh FILE.csv [REPS, default 5]   (the jar: mvn -B -q -pl surprisal-cli -am package -DskipTests)
# Sets compared (edit SETS to add one), each with the class-data archive of a short command: the parallel
# collector with C2 (the launcher's flags for mi until mifast10), the serial collector, C1 only
# (-XX:TieredStopAtLevel=1), both (the launcher's since mifast10), and an archive made from an `mi` run
# (-XX:ArchiveClassesAtExit on a 2·10⁴-row file) with the parallel collector.
set -euo pipefail
cd "$(dirname "$0")/.."
FILE=${1:?usage: bench/mi_flags.sh FILE.csv [REPS]}
REPS=${2:-5}
JAR=surprisal-cli/target/surprisal.jar
[[ -f $JAR ]] || { echo "build the jar first: mvn -B -q -pl surprisal-cli -am package -DskipTests" >&2; exit 2; }
TMP=$(mktemp -d "${TMPDIR:-/tmp}/mi_flags.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
Q=(-Xlog:cds=off -Xlog:cds+dynamic=off)
# the launcher's archive, made as ./surprisal makes it; and one made from a small mi run
java -XX:ArchiveClassesAtExit="$TMP/short.jsa" "${Q[@]}" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$JAR" entropy 0.5 0.5 > /dev/null
head -n 20001 "$FILE" > "$TMP/small.csv"
target=$(head -n 1 "$FILE" | tr ',' '\n' | tail -n 1)
java -XX:ArchiveClassesAtExit="$TMP/mi.jsa" "${Q[@]}" -XX:+UseParallelGC -jar "$JAR" mi --data "$TMP/small.csv" \
  --target "$target" --quiet > /dev/null
SHORT="-XX:SharedArchiveFile=$TMP/short.jsa ${Q[*]}"
MI="-XX:SharedArchiveFile=$TMP/mi.jsa ${Q[*]}"
SETS=(
  "c2-parallel|$SHORT -XX:+UseParallelGC"
  "serial|$SHORT -XX:+UseSerialGC"
  "c1|$SHORT -XX:+UseParallelGC -XX:TieredStopAtLevel=1"
  "launcher|$SHORT -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
  "mi-archive|$MI -XX:+UseParallelGC"
)
echo "machine: $(nproc) cores; file: $FILE ($(wc -l < "$FILE") lines), target $target (the last column); $REPS rounds"
: > "$TMP/runs.txt"
for round in $(seq 1 "$REPS"); do
  for set in "${SETS[@]}"; do
    name=${set%%|*}
    # shellcheck disable=SC2086 # a list of flags, split on purpose
    /usr/bin/time -f '%e %U %S' -o "$TMP/time.txt" java ${set#*|} -jar "$JAR" mi --data "$FILE" --target "$target" \
      --quiet > /dev/null
    echo "$name $(awk '{print $2 + $3, $1}' "$TMP/time.txt") $(cut -d' ' -f1 /proc/loadavg)" >> "$TMP/runs.txt"
  done
done
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for set in "${SETS[@]}"; do
  name=${set%%|*}
  cpu=$(awk -v n="$name" '$1 == n {print $2}' "$TMP/runs.txt")
  wall=$(awk -v n="$name" '$1 == n {print $3}' "$TMP/runs.txt")
  load=$(awk -v n="$name" '$1 == n {print $4}' "$TMP/runs.txt" | tr '\n' ' ')
  printf '%-11s median %6.2f s CPU (%s)  %6.2f s wall   load: %s  flags: %s\n' "$name" "$(median <<< "$cpu")" \
    "$(tr '\n' ' ' <<< "$cpu" | sed 's/ $//')" "$(median <<< "$wall")" "$load" "${set#*|}" | sed "s|$TMP/||g"
done
