#!/usr/bin/env bash
# Wide tables side by side, in one run: `surprisal drift baseline` (roles, bins and counts of every
# column, stored) against pandas `read_csv` + `describe()` + `value_counts()` per column, on the same
# seeded CSV of ROWS rows and 200, 2,000 and 20,000 columns (bench/wide/gen_wide.py).
# Usage: bench/wide_bench.sh [COLS...]   (default 200 2000 20000; ROWS=1e4; LIMIT=900 s per command)
# Needs the shaded jar (mvn -B -q -pl surprisal-cli -am package -DskipTests), /usr/bin/time and
# Debian's python3-pandas. Prints wall and CPU seconds and peak RSS of each process.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-1e4}
LIMIT=${LIMIT:-900}
COLS=("$@"); [[ ${#COLS[@]} -gt 0 ]] || COLS=(200 2000 20000)
JAR=surprisal-cli/target/surprisal.jar
[[ -f $JAR ]] || { echo "build the jar first: mvn -B -q -pl surprisal-cli -am package -DskipTests" >&2; exit 2; }
TMP=$(mktemp -d "${TMPDIR:-/tmp}/wide_bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/{print $2}') GiB;" \
  "java $(java -version 2>&1 | head -1 | cut -d'"' -f2), threads: the JVM's common pool and DuckDB use all $(nproc) cores," \
  "pandas one"
echo "load before: $(uptime)"

# wall s, user+sys s, peak RSS MiB and exit code of a command, from /usr/bin/time -v
timed() {
  local rc=0
  timeout "$LIMIT" /usr/bin/time -v "$@" > "$TMP/out.txt" 2> "$TMP/time.txt" || rc=$?
  local wall cpu rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$TMP/time.txt" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$TMP/time.txt")
  rss=$(( $(sed -n 's/.*Maximum resident set size (kbytes): //p' "$TMP/time.txt" | tail -1) / 1024 ))
  echo "${wall:-$LIMIT} ${cpu:-?} ${rss:-?} $rc"
}

printf "%-8s %-6s %-34s %9s %9s %9s %4s\n" cols rows command "wall s" "cpu s" "RSS MiB" rc
for c in "${COLS[@]}"; do
  f="$TMP/wide_$c.csv"
  /usr/bin/python3 bench/wide/gen_wide.py "$c" "$ROWS" "$f"
  echo "# $c columns: $(du -h "$f" | cut -f1)" >&2
  rm -f "$TMP"/s.duckdb*
  read -r w u r rc < <(timed java -jar "$JAR" drift baseline --quiet --monitor wide --data "$f" --store "$TMP/s.duckdb")
  printf "%-8s %-6s %-34s %9s %9s %9s %4s\n" "$c" "$ROWS" "surprisal drift baseline" "$w" "$u" "$r" "$rc"
  [[ $rc == 0 ]] || tail -3 "$TMP/time.txt" >&2
  head -1 "$TMP/out.txt" >&2
  read -r w u r rc < <(timed /usr/bin/python3 bench/wide/pandas_wide.py "$f")
  printf "%-8s %-6s %-34s %9s %9s %9s %4s\n" "$c" "$ROWS" "pandas read_csv+describe+counts" "$w" "$u" "$r" "$rc"
  cat "$TMP/out.txt" >&2
  rm -f "$f"
done
echo "load after: $(uptime)"
