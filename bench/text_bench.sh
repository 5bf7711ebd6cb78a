#!/usr/bin/env bash
# Benchmarks for surprisal-text (results go in docs/benchmarks.md):
#  1. `surprisal notes scan` on 10,000 generated notes (~50 MB);
#  2. `surprisal file --order0` vs Debian `ent` on the same 1 GB file, page cache warm;
#  3. `surprisal notes scan` on /usr/share/doc/*/copyright vs an independent md5sum count.
# Needs: the shaded jar (./surprisal builds it), python3, ent, md5sum. Scratch: $SCRATCH (default /tmp/surprisal-bench).
# SECTIONS=1 runs only the first (default: 123). Threads: surprisal uses one per core (nproc, printed).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/surprisal-cli/target/surprisal.jar"
[[ -f "$jar" ]] || (cd "$root" && mvn -B -q -DskipTests package -pl surprisal-cli -am)
S="${SCRATCH:-/tmp/surprisal-bench}"
mkdir -p "$S"
exec 3>&1  # timings go to the script's stdout even when a command's output is redirected
load() { cut -d' ' -f1 /proc/loadavg; }
# timed LABEL CMD...: runs CMD (stdout kept), prints wall and CPU (user+sys) seconds and the 1-min load
# average before the run; appends "wall cpu" to $S/times-LABEL for medians.
timed() {
  local label="$1"; shift
  local l; l=$(load)
  /usr/bin/time -f "%e %U %S" -o "$S/.t" "$@"
  read -r w u sy < "$S/.t"
  echo "$w $(echo "$u + $sy" | bc)" >> "$S/times-$label"
  echo "[$label] wall $w s, cpu $u user + $sy sys s, load $l" >&3
}
median() { sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
REPS="${REPS:-3}"
rm -f "$S"/times-*
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), java $(java -version 2>&1 | head -1)"

echo "threads: $(nproc) (surprisal's default, one per core); uptime: $(uptime)"
SECTIONS="${SECTIONS:-123}"
if [[ $SECTIONS == *1* ]]; then
echo "== 1. notes scan, 10,000 notes"
rm -rf "$S/kb"; python3 "$root/bench/gen_notes.py" "$S/kb" 10000
echo "size: $(du -sb "$S/kb" | cut -f1) bytes in $(find "$S/kb" -name '*.md' | wc -l) files"
for r in $(seq "$REPS"); do
  rm -rf "$S/kb/.surprisal-index"
  timed scan java -Xmx6g -jar "$jar" notes scan "$S/kb" > "$S/kb-scan.txt"
done
echo "scan median of $REPS: wall $(cut -d' ' -f1 "$S/times-scan" | median) s, cpu $(cut -d' ' -f2 "$S/times-scan" | median) s"
head -8 "$S/kb-scan.txt"
fi

if [[ $SECTIONS == *2* ]]; then
echo "== 2. order-0 entropy of a 1 GB file: surprisal vs ent"
f="$S/1g.bin"
[[ -f "$f" ]] || head -c 1073741824 /dev/urandom > "$f"
cat "$f" > /dev/null
for r in $(seq $((REPS + 2))); do timed order0 java -jar "$jar" file --order0 "$f"; done
timed ent ent "$f" | head -1
timed terse java -jar "$jar" file --terse "$f"
sw=$(cut -d' ' -f1 "$S/times-order0" | median); sc=$(cut -d' ' -f2 "$S/times-order0" | median)
read -r ew ec < "$S/times-ent"
echo "surprisal file --order0 (incl. JVM start), median of $((REPS + 2)): wall $sw s = $(echo "1.073741824 / $sw" | bc -l | cut -c1-5) GB/s, cpu $sc s"
echo "ent (one run): wall $ew s, cpu $ec s; ratio ent/surprisal: wall $(echo "$ew / $sw" | bc -l | cut -c1-5)x, cpu $(echo "$ec / $sc" | bc -l | cut -c1-5)x"

fi
if [[ $SECTIONS == *3* ]]; then
echo "== 3. Debian copyright files"
rm -rf "$S/copyright"; mkdir -p "$S/copyright"
n=0
for d in /usr/share/doc/*/; do
  p="$(basename "$d")"
  if [[ -f "$d/copyright" && ! -L "${d%/}" ]]; then cp "$d/copyright" "$S/copyright/$p.txt"; n=$((n+1)); fi
done
echo "files: $n (real package doc dirs, symlinked dirs excluded)"
md5groups=$(md5sum "$S"/copyright/*.txt | awk '{print $1}' | sort | uniq -c | awk '$1>1' | wc -l)
md5files=$(md5sum "$S"/copyright/*.txt | awk '{print $1}' | sort | uniq -c | awk '$1>1{s+=$1} END{print s+0}')
echo "md5sum: $md5groups exact-duplicate groups covering $md5files files"
timed copyright java -jar "$jar" notes scan "$S/copyright" --report "$S/copyright.html" > "$S/copyright-scan.txt" 2> "$S/copyright-skipped.txt"
cat "$S/copyright-scan.txt" | head -8
echo "skipped: $(wc -l < "$S/copyright-skipped.txt")"; head -3 "$S/copyright-skipped.txt"
fi
