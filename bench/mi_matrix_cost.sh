#!/usr/bin/env bash
# The cost of the random tables in `mi --matrix` (CountedPair.independenceP: random tables with the same margins
# where an expected count is below 5, else the G-test): CPU seconds (user + sys) of `mi --matrix` on 12 few-valued
# columns (bench/mi/gen_matrix_table.py) at 500 and 10^5 rows, alternating the jar as built ("with") and the same jar
# with CountedPair patched to always take the G-test ("without", compiled here into a class overlay; never
# committed), then the worst single pair (bench/mi/TableDrawCost.java: a dependent pair draws all 9,999 tables).
# Usage: bench/mi_matrix_cost.sh [REPS, default 3]   (needs the shaded jar: mvn -B -q -pl surprisal-cli -am package
#        -DskipTests). Flags as the launcher's for mi: -XX:TieredStopAtLevel=1 -XX:+UseSerialGC.
set -euo pipefail
cd "$(dirname "$0")/.."
REPS=${1:-3}
JAR=${JAR:-surprisal-cli/target/surprisal.jar}
CP=${CP:-$JAR} # a class path to time instead (classes ahead of a jar), as the sections of docs/benchmarks.md did
TMP=$(mktemp -d "${TMPDIR:-/tmp}/mi_matrix_cost.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
[[ -f $JAR ]] || { echo "build the jar first: mvn -B -q -pl surprisal-cli -am package -DskipTests" >&2; exit 2; }
mkdir -p "$TMP/src" "$TMP/without"
sed 's/if (chiSquaredHolds(t)) {/if (true) { \/\/ bench only: no random tables/' \
  surprisal-core/src/main/java/dev/surprisal/selection/CountedPair.java > "$TMP/src/CountedPair.java"
grep -q 'bench only' "$TMP/src/CountedPair.java" || { echo "CountedPair's G-test rule not found" >&2; exit 2; }
javac -nowarn -cp "$CP" -d "$TMP/without" "$TMP/src/CountedPair.java"
for n in 500 1e5; do python3 bench/mi/gen_matrix_table.py "$n" "$TMP/m$n.csv"; done
J=(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
echo "machine: $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
for rep in $(seq 1 "$REPS"); do
  for n in 500 1e5; do
    for v in with without; do
      cp="$CP"; [[ $v == without ]] && cp="$TMP/without:$CP"
      /usr/bin/time -f "%U %S" -o "$TMP/t" "${J[@]}" -cp "$cp" dev.surprisal.cli.SurprisalCommand mi \
        --data "$TMP/m$n.csv" --matrix --quiet > "$TMP/out.$n.$v"
      printf 'rows %-4s %-8s %5.2f s CPU\n' "$n" "$v" "$(awk '{print $1 + $2}' "$TMP/t")"
    done
  done
done
for n in 500 1e5; do
  cells=$( { grep -o '[0-9] r\b' "$TMP/out.$n.with" || true; } | wc -l)
  echo "rows $n: $((cells / 2)) of 66 pairs have their p from random tables (marked r)"
done
java -XX:TieredStopAtLevel=1 -cp "$CP" bench/mi/TableDrawCost.java
