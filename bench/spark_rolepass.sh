#!/usr/bin/env bash
# Spark's role pass before and after edges15: a 20-column Parquet file (19 typed numbers, one text column of
# decimal-comma weights), ROWS rows, profiled by SparkProfiler.fit on MASTER (local[2]); the decimal-comma
# column makes the role pass read numbers a second time, which before edges15 rescanned all 20 columns and
# now reads that column alone. "before" is integ's SparkProfiler compiled against this tree's classes, put
# first on the class path; everything else is the same. Prints the fit's process CPU seconds (all threads)
# and the whole JVM's user + sys seconds per run, REPS runs each, alternating, and checks the two builds wrote
# the same profile JSON.
# Usage: bench/spark_rolepass.sh [ROWS, default 1e6]  (REPS=2, MASTER=local[2], BASE=integ; needs the class
#        path of surprisal-spark: mvn -o -Pspark -pl surprisal-spark dependency:build-classpath
#        -Dmdep.includeScope=provided -Dmdep.outputFile=$CP, CP default /tmp/spark_rolepass_cp.txt, and this
#        tree compiled: mvn -o -Pspark -pl surprisal-spark -am -DskipTests compile)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1e6}
REPS=${REPS:-2}
MASTER=${MASTER:-local[2]}
BASE=${BASE:-integ}
CP=${CP:-/tmp/spark_rolepass_cp.txt}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/spark_rolepass.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
# this tree's classes first (the class path's dev.surprisal jars may be older builds)
cp="surprisal-spark/target/classes:surprisal-data/target/classes:surprisal-core/target/classes:$(cat "$CP")"
opens=(-Dslf4j.internal.verbosity=WARN)
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.util.calendar sun.security.action; do
  opens+=("--add-opens=java.base/$p=ALL-UNNAMED")
done
mkdir -p "$TMP/old/src"
git show "$BASE:surprisal-spark/src/main/java/dev/surprisal/spark/SparkProfiler.java" > "$TMP/old/src/SparkProfiler.java"
javac -nowarn -cp "$cp" -d "$TMP/old" "$TMP/old/src/SparkProfiler.java" 2>/dev/null
java -cp "$cp" bench/spark/RolePassBench.java gen "$ROWS" "$TMP"
echo "data: $ROWS rows x 20 columns, $(du -sh "$TMP/wide20.parquet" | cut -f1); load: $(uptime)"
for rep in $(seq 1 "$REPS"); do
  for build in before after; do
    extra=""; [[ $build == before ]] && extra="$TMP/old:"
    /usr/bin/time -f '%U %S' -o "$TMP/time.txt" java "${opens[@]}" -cp "$extra$cp" bench/spark/RolePassBench.java \
      fit "$TMP" "$TMP/$build.json" "$MASTER" > "$TMP/out.txt" 2> /dev/null
    echo "$build rep $rep: $(head -1 "$TMP/out.txt" | cut -c1-60); JVM user+sys $(awk '{print $1 + $2}' "$TMP/time.txt") s"
  done
done
cmp -s "$TMP/before.json" "$TMP/after.json" && echo "profiles: identical JSON" || { echo "profiles DIFFER"; exit 1; }
