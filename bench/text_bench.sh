#!/usr/bin/env bash
# Benchmarks for surprisal-text (results go in docs/benchmarks.md):
#  1. `surprisal notes scan` on 10,000 generated notes (~50 MB);
#  2. `surprisal file --order0` vs Debian `ent` on the same 1 GB file, page cache warm;
#  3. `surprisal notes scan` on /usr/share/doc/*/copyright vs an independent md5sum count.
# Needs: the shaded jar (./surprisal builds it), python3, ent, md5sum. Scratch: $SCRATCH (default /tmp/surprisal-bench).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/surprisal-cli/target/surprisal.jar"
[[ -f "$jar" ]] || (cd "$root" && mvn -B -q -DskipTests package -pl surprisal-cli -am)
S="${SCRATCH:-/tmp/surprisal-bench}"
mkdir -p "$S"
now() { date +%s.%N; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), java $(java -version 2>&1 | head -1)"

echo "== 1. notes scan, 10,000 notes"
rm -rf "$S/kb"; python3 "$root/bench/gen_notes.py" "$S/kb" 10000
echo "size: $(du -sb "$S/kb" | cut -f1) bytes in $(find "$S/kb" -name '*.md' | wc -l) files"
t0=$(now); java -Xmx6g -jar "$jar" notes scan "$S/kb" > "$S/kb-scan.txt"; t1=$(now)
echo "scan wall time: $(echo "$t1 - $t0" | bc) s"; head -8 "$S/kb-scan.txt"

echo "== 2. order-0 entropy of a 1 GB file: surprisal vs ent"
f="$S/1g.bin"
[[ -f "$f" ]] || head -c 1073741824 /dev/urandom > "$f"
cat "$f" > /dev/null
t0=$(now); java -jar "$jar" file --order0 "$f"; t1=$(now)
t2=$(now); ent "$f" | head -1; t3=$(now)
s=$(echo "$t1 - $t0" | bc); e=$(echo "$t3 - $t2" | bc)
echo "surprisal file --order0 (incl. JVM start): $s s = $(echo "1.073741824 / $s" | bc -l | cut -c1-5) GB/s"
echo "ent: $e s; ratio ent/surprisal = $(echo "$e / $s" | bc -l | cut -c1-5)"
t0=$(now); java -jar "$jar" file --terse "$f" > /dev/null; t1=$(now)
echo "surprisal file --terse (all five ent statistics): $(echo "$t1 - $t0" | bc) s"

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
t0=$(now); java -jar "$jar" notes scan "$S/copyright" --report "$S/copyright.html" > "$S/copyright-scan.txt" 2> "$S/copyright-skipped.txt"; t1=$(now)
cat "$S/copyright-scan.txt" | head -8
echo "skipped: $(wc -l < "$S/copyright-skipped.txt")"; head -3 "$S/copyright-skipped.txt"
echo "scan wall time: $(echo "$t1 - $t0" | bc) s"
