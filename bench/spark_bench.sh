#!/usr/bin/env bash
# The Spark engine next to the local one: `surprisal drift baseline` + `drift check` on ROWS x 10 numeric
# columns from Parquet (bench/drift/DriftBenchData.java, the data of drift_bench.sh), once with
# --engine local and once with --engine spark --master local[2], each in a fresh JVM through ./surprisal
# (which adds surprisal-spark and Spark's jars for --engine spark). Prints wall and CPU (user + sys)
# seconds and peak RSS per step, medians of REPS, and checks that both engines stored the same verdicts.
# Then `surprisal mi --target churned` on the demo orders table as Parquet (bench/spark/MiBenchData.java),
# local and spark, timed the same way, checking that the two JSON outputs are equal.
# Usage: bench/spark_bench.sh [ROWS, default 1e6]   (REPS=3; MI_ONLY=1 runs only the MI rows; needs /usr/bin/time and bc; the first
#        run builds the jar and the Spark module: mvn -Pspark, Spark 4.2.0 in ~/.m2)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1e6}
REPS=${REPS:-3}
MASTER=${MASTER:-local[2]}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/spark_bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
./surprisal --version > /dev/null # builds the jar if needed
./surprisal drift compare --help --engine spark > /dev/null 2>&1 || true # builds the Spark module if needed
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/{print $2}') GiB"
echo "load before: $(uptime)"

# wall seconds, CPU seconds (user + sys) and peak RSS (KiB) of a command; exit 1 (an alarm) is fine
timed() {
  /usr/bin/time -v "$@" > "$TMP/out.txt" 2> "$TMP/time.txt" || { rc=$?; [[ $rc -le 1 ]] || { cat "$TMP/time.txt" >&2; exit $rc; }; }
  local wall cpu rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$TMP/time.txt" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$TMP/time.txt")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$TMP/time.txt")
  echo "$wall $cpu $rss"
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

if [[ -z "${MI_ONLY:-}" ]]; then
java -cp surprisal-cli/target/surprisal.jar bench/drift/DriftBenchData.java "$ROWS" "$TMP" > /dev/null
echo "data: $ROWS rows x 10 columns, ref.parquet $(du -sh "$TMP"/ref.parquet | cut -f1), cur.parquet $(du -sh "$TMP"/cur.parquet | cut -f1)"

for engine in local spark; do
  opts=(--engine "$engine"); [[ $engine == spark ]] && opts+=(--master "$MASTER")
  : > "$TMP/$engine.txt"
  for rep in $(seq 1 "$REPS"); do
    rm -f "$TMP/$engine.duckdb"*
    read -r wb cb rb < <(timed ./surprisal drift baseline --quiet --monitor bench --data "$TMP/ref.parquet" --store "$TMP/$engine.duckdb" "${opts[@]}")
    read -r wc cc rc < <(timed ./surprisal drift check --quiet --json --monitor bench --data "$TMP/cur.parquet" --at 2024-05-01 --store "$TMP/$engine.duckdb" "${opts[@]}")
    cp "$TMP/out.txt" "$TMP/$engine-check.json"
    echo "$engine rep $rep: baseline ${wb}s wall ${cb}s CPU (${rb} KiB); check ${wc}s wall ${cc}s CPU (${rc} KiB)"
    echo "$wb $cb $rb $wc $cc $rc" >> "$TMP/$engine.txt"
  done
done
echo
printf "%-26s %10s %10s %10s %10s %10s %10s\n" "median of $REPS, $ROWS x 10" "base wall" "base CPU" "base MiB" "check wall" "check CPU" "check MiB"
for engine in local spark; do
  m() { cut -d' ' -f"$1" "$TMP/$engine.txt" | median; }
  printf "%-26s %10.2f %10.2f %10d %10.2f %10.2f %10d\n" "$engine" "$(m 1)" "$(m 2)" "$(( $(m 3 | cut -d. -f1) / 1024 ))" "$(m 4)" "$(m 5)" "$(( $(m 6 | cut -d. -f1) / 1024 ))"
done
# the verdicts must be the same: compare each column's status and KL in the two check outputs
/usr/bin/python3 - "$TMP/local-check.json" "$TMP/spark-check.json" <<'PY'
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
ca = {c["column"]: (c["status"], c.get("kl")) for c in a["columns"]}
cb = {c["column"]: (c["status"], c.get("kl")) for c in b["columns"]}
print("same verdicts and KL on both engines:", ca == cb)
if ca != cb:
    print(ca, cb, sep="\n"); sys.exit(1)
PY
fi

# mutual information: `mi --target churned` on the demo orders table (bench/spark/MiBenchData.java: an id,
# timestamps, amounts with missing and invalid cells, text and discrete columns, a 0/1 target) as Parquet
java -cp surprisal-cli/target/surprisal.jar bench/spark/MiBenchData.java "$ROWS" "$TMP" > /dev/null
echo "mi data: $ROWS rows x 8 columns, orders.parquet $(du -sh "$TMP"/orders.parquet | cut -f1)"
for engine in local spark; do
  opts=(--engine "$engine"); [[ $engine == spark ]] && opts+=(--master "$MASTER")
  : > "$TMP/$engine-mi.txt"
  for rep in $(seq 1 "$REPS"); do
    read -r wm cm rm < <(timed ./surprisal mi --data "$TMP/orders.parquet" --target churned --json "${opts[@]}")
    cp "$TMP/out.txt" "$TMP/$engine-mi.json"
    echo "$engine rep $rep: mi --target ${wm}s wall ${cm}s CPU (${rm} KiB)"
    echo "$wm $cm $rm" >> "$TMP/$engine-mi.txt"
  done
done
printf "%-26s %10s %10s %10s\n" "median of $REPS, $ROWS x 8" "mi wall" "mi CPU" "mi MiB"
for engine in local spark; do
  m() { cut -d' ' -f"$1" "$TMP/$engine-mi.txt" | median; }
  printf "%-26s %10.2f %10.2f %10d\n" "$engine" "$(m 1)" "$(m 2)" "$(( $(m 3 | cut -d. -f1) / 1024 ))"
done
/usr/bin/python3 - "$TMP/local-mi.json" "$TMP/spark-mi.json" <<'PY'
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
# a discrete pair scored from its merged table sums Pearson r and Spearman rho cell by cell instead of row
# by row: those two agree to 1e-12; every other field must be equal
def close(x, y):
    return x == y or (isinstance(x, float) and isinstance(y, float) and abs(x - y) <= 1e-12)
def strip(d):
    d = json.loads(json.dumps(d))
    for f in d.get("features", []):
        f.pop("pearson", None); f.pop("spearman", None)
    return d
corr = all(close(f.get(k), g.get(k)) for f, g in zip(a.get("features", []), b.get("features", []))
           for k in ("pearson", "spearman"))
same = strip(a) == strip(b) and corr
print("same MI ranking on both engines (every field; pearson/spearman to 1e-12):", same)
if not same:
    sys.exit(1)
PY
echo "load after: $(uptime)"
