#!/usr/bin/env bash
# Side-by-side benchmark of Surprisal's discrete measures against numpy / scikit-learn, same data, in one run:
#  (a) plug-in entropy of ENT_N int labels in [0,256): Surprisal vs np.bincount + formula
#  (b) MI of two int label arrays, MI_N each, 100 categories: Surprisal vs sklearn.metrics.mutual_info_score
# Python writes the data (seeded) as little-endian int32 files; both sides read the same files. Each side is
# one long-lived worker (bench/jmh SideBySide, bench/measures/side_by_side.py) holding the data, warmed up,
# that runs one task per line it reads: the runs alternate, one Surprisal run then one numpy run, pair after
# pair, with the load average printed per pair, so that the other processes of a shared machine weigh on
# both sides alike. Medians over REPS pairs, of wall time and of CPU time (whole process, all threads: on a
# shared machine CPU seconds compare better than wall seconds).
# Usage: bench/measures_bench.sh [REPS]   (default 5; ENT_N=1e8 MI_N=1e7 by default, e.g. ENT_N=1e6 MI_N=1e5
#        for a quick check)
set -euo pipefail
cd "$(dirname "$0")/.."
REPS=${1:-5}
ENT_N=${ENT_N:-1e8}
MI_N=${MI_N:-1e7}
PY=/usr/bin/python3
DATA=$(mktemp -d "${TMPDIR:-/tmp}/surprisal-measures-bench.XXXXXX")
JPID= PPID_=
cleanup() {
  exec 3>&- 5>&- # end of input: both workers exit
  [[ -n $JPID ]] && wait "$JPID" 2>/dev/null || true
  [[ -n $PPID_ ]] && wait "$PPID_" 2>/dev/null || true
  rm -rf "$DATA"
}
trap cleanup EXIT
mvn -B -q -o -pl bench/jmh -am package -DskipTests >/dev/null
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p')"
$PY bench/measures/side_by_side.py gen "$DATA" "$ENT_N" "$MI_N"
echo "data: $ENT_N labels in [0,256); two arrays of $MI_N labels over 100 categories"
mkfifo "$DATA/j.in" "$DATA/j.out" "$DATA/p.in" "$DATA/p.out"
java -Xmx3g -cp bench/jmh/target/benchmarks.jar dev.surprisal.bench.SideBySide "$DATA" <"$DATA/j.in" >"$DATA/j.out" &
JPID=$!
$PY -u bench/measures/side_by_side.py serve "$DATA" <"$DATA/p.in" >"$DATA/p.out" &
PPID_=$!
exec 3>"$DATA/j.in" 4<"$DATA/j.out" 5>"$DATA/p.in" 6<"$DATA/p.out"
read -r line <&4; echo "surprisal worker $line (its counting kernels split large arrays over the common pool)"
read -r line <&6; echo "python worker $line"
echo "load before: $(uptime)"
: >"$DATA/results.txt"
for r in $(seq "$REPS"); do
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  for task in entropy mi; do
    echo "$task" >&3; read -r js jc jv <&4
    echo "$task" >&5; read -r ps pc pv <&6
    echo "$r $task $js $ps $jv $pv $jc $pc" >>"$DATA/results.txt"
    printf 'pair %d  %-7s surprisal %9.4f s (CPU %9.4f s)  python %9.4f s (CPU %9.4f s)  load %s\n' "$r" "$task" \
      "$js" "$jc" "$ps" "$pc" "$load"
  done
done
$PY - "$DATA/results.txt" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
names = {"entropy": "(a) entropy, labels in [0,256) vs bincount", "mi": "(b) MI, 100 cats vs sklearn"}
print(f"{'task (medians: wall s / CPU s)':44s} {'surprisal':>17s} {'python':>17s} {'wall ratio':>10s} {'CPU ratio':>9s}"
      "  values (nats)")
for task in ("entropy", "mi"):
    r = [x for x in rows if x[1] == task]
    j, p, jc, pc = (statistics.median(float(x[i]) for x in r) for i in (2, 3, 6, 7))
    jv, pv = float(r[-1][4]), float(r[-1][5])
    print(f"{names[task]:44s} {j:8.4f} / {jc:6.4f} {p:8.4f} / {pc:6.4f} {p / j:9.1f}x {pc / max(jc, 1e-9):8.1f}x"
          f"  {jv:.12f} / {pv:.12f}")
    assert abs(jv - pv) < 1e-9, task + ": values differ"
print(f"medians over {len(rows) // 2} alternating pairs")
PY
echo "load after: $(uptime)"
