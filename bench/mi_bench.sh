#!/usr/bin/env bash
# Side by side, in one run: `./surprisal mi --data F --target y` (the launcher; whole process: JVM start, DuckDB read,
# roles, estimates, tests) against one python3 process doing pandas.read_csv + scikit-learn's
# mutual_info_regression(n_neighbors=3) on the same CSV.
#   1. ROWS x 2 continuous columns (two.csv): surprisal with default options, and like-for-like with
#      --permutations 0 --bootstrap 0 (one estimate, as sklearn), against the python process;
#   2. ROWS x 20 mixed columns (mixed.csv): surprisal with default options (target: a 0/1 column).
# Usage: bench/mi_bench.sh [ROWS, default 1e6]   (REPS=3 medians; needs the shaded jar:
#        mvn -B -q -pl surprisal-cli -am package -DskipTests ; Debian python3-sklearn python3-pandas)
# Threads: surprisal uses the common fork-join pool (all cores); scikit-learn's mutual_info_regression
# runs its kNN queries in one thread (n_jobs is not a parameter of it in 1.2); both are printed.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1e6}
REPS=${REPS:-3}
JAR=surprisal-cli/target/surprisal.jar
PY=/usr/bin/python3
TMP=$(mktemp -d "${TMPDIR:-/tmp}/mi_bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
[[ -f $JAR ]] || { echo "build the jar first: mvn -B -q -pl surprisal-cli -am package -DskipTests" >&2; exit 2; }
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/{print $2}') GiB"
echo "java: $(java -version 2>&1 | head -1); threads: fork-join common pool = $(nproc) cores"
echo "python: $($PY -c 'import sklearn, pandas, numpy; print("sklearn", sklearn.__version__, "pandas", pandas.__version__, "numpy", numpy.__version__)'); mutual_info_regression: 1 thread"
$PY bench/mi/gen_mi_tables.py "$ROWS" "$TMP"
echo "data: two.csv $(du -h "$TMP/two.csv" | cut -f1), mixed.csv $(du -h "$TMP/mixed.csv" | cut -f1), $ROWS rows"

# wall seconds of a command; its CPU seconds (user + sys, all threads) go to $TMP/cpu.txt, since on a
# shared machine the wall time mostly measures the other processes
secs() {
  /usr/bin/time -f '%e %U %S' -o "$TMP/time.txt" "$@" > "$TMP/out.txt" 2> "$TMP/err.txt" || { cat "$TMP/err.txt" >&2; exit 1; }
  awk '{print $2 + $3}' "$TMP/time.txt" >> "$TMP/cpu.txt"
  awk '{print $1}' "$TMP/time.txt"
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
run() { # label, command...
  local label=$1; shift
  : > "$TMP/t.txt"; : > "$TMP/cpu.txt"
  for rep in $(seq 1 "$REPS"); do
    echo "  load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
    secs "$@" >> "$TMP/t.txt"
  done
  local m; m=$(median < "$TMP/t.txt")
  printf '%-58s median %8.2f s wall, %8.2f s CPU   (wall runs: %s)\n' "$label" "$m" "$(median < "$TMP/cpu.txt")" \
    "$(tr '\n' ' ' < "$TMP/t.txt")"
  echo "$m" > "$TMP/last.txt"
  sed 's/^/    /' "$TMP/out.txt" | head -12
}

# the command as users run it: the launcher (its JVM flags and class-data archive), built and archived
# here, before any timing
./surprisal --version > /dev/null
echo "launcher flags for mi: $(sed -n 's/^ *mi) short=(\(.*\)).*$/\1/p' surprisal) (and huge pages where the kernel gives them)"
echo "load before: $(uptime)"
echo "== 1. $ROWS rows x 2 continuous columns (the three commands alternate within each repetition)"
# one run of a command for key $1: wall to $TMP/t-$1.txt, CPU to $TMP/cpu-$1.txt, its output kept for the report
once() {
  local key=$1; shift
  echo "  load: $(cut -d' ' -f1-3 /proc/loadavg) ($key)" >&2
  /usr/bin/time -f '%e %U %S' -o "$TMP/time.txt" "$@" > "$TMP/out-$key.txt" 2> "$TMP/err.txt" || { cat "$TMP/err.txt" >&2; exit 1; }
  awk '{print $2 + $3}' "$TMP/time.txt" >> "$TMP/cpu-$key.txt"
  awk '{print $1}' "$TMP/time.txt" >> "$TMP/t-$key.txt"
}
report() { # key, label; prints the medians and leaves the wall median in $TMP/last.txt
  local m; m=$(median < "$TMP/t-$1.txt")
  printf '%-58s median %8.2f s wall, %8.2f s CPU   (wall runs: %s)\n' "$2" "$m" "$(median < "$TMP/cpu-$1.txt")" \
    "$(tr '\n' ' ' < "$TMP/t-$1.txt")"
  echo "$m" > "$TMP/last.txt"
  sed 's/^/    /' "$TMP/out-$1.txt" | head -12
}
for rep in $(seq 1 "$REPS"); do
  once py $PY bench/mi/sklearn_mi.py "$TMP/two.csv"
  once defaults ./surprisal mi --data "$TMP/two.csv" --target y --quiet
  once lfl ./surprisal mi --data "$TMP/two.csv" --target y --permutations 0 --bootstrap 0 --quiet
done
report py "python: pandas.read_csv + mutual_info_regression(k=3)"
py=$(cat "$TMP/last.txt")
report defaults "surprisal mi --target y (defaults)"
sd=$(cat "$TMP/last.txt")
report lfl "surprisal mi --target y --permutations 0 --bootstrap 0"
s0=$(cat "$TMP/last.txt")
echo "speed-up, defaults: $(echo "scale=1; $py / $sd" | bc)x; like-for-like: $(echo "scale=1; $py / $s0" | bc)x"
echo "== 2. $ROWS rows x 20 mixed columns, target y (0/1)"
run "surprisal mi --target y (defaults)" ./surprisal mi --data "$TMP/mixed.csv" --target y --quiet
echo "load after: $(uptime)"
