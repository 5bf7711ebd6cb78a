#!/usr/bin/env bash
# `surprisal file` against Fourmilab ent (Debian's ent 1.2) on the same random file, side by side in one
# run, alternating, page cache warm before every timed run (issue 12). Three comparisons, each the whole command with JVM start:
#   1. ent's five statistics:  `ent -t FILE`        vs `surprisal file --terse FILE`
#                              and `./surprisal file --terse FILE` (the launcher: its start-up archive, its flags,
#                              the native kernel libsurprisal-ent.so), and the launcher with SURPRISAL_NATIVE_KERNEL=0
#                              (the Java loop; `java -jar` runs the Java loop too)
#   2. the default report:     `ent FILE`           vs `surprisal file FILE` (models and codecs sampled)
#   3. real codec sizes:       `xz -6 -T1 -c | wc`  vs `surprisal file --exact-codecs FILE` (one run each)
# Threads: ent and xz -T1 are single-threaded; surprisal uses one thread per core (printed below).
# Prints the load average before each run and CPU seconds beside wall (the machine is shared: CPU seconds
# compare better under load); medians over REPS runs. With OLD_JAR=path/to/an/older/surprisal.jar, comparison 1
# alternates ent -t, the old jar and this one. Then the in-process pass alone (bench/file/EntPass.java: wall
# and CPU of EntAnalysis.of per call in one JVM, first call = one-shot with JIT warm-up). Results: docs/benchmarks.md.
# Usage: bench/file_bench.sh [SIZE_MIB=1024]   (env: REPS=3, SCRATCH=/tmp/surprisal-file-bench, EXACT=1,
#        DEFAULT=1 (0: stop after the in-process pass), OLD_JAR=)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="${JAR:-$root/surprisal-cli/target/surprisal.jar}"
[[ -f "$jar" ]] || (cd "$root" && mvn -B -q -DskipTests package -pl surprisal-cli -am)
command -v ent > /dev/null || { echo "needs Debian's ent (apt-get install ent)"; exit 2; }
mib="${1:-1024}"
S="${SCRATCH:-/tmp/surprisal-file-bench}"
REPS="${REPS:-3}"
mkdir -p "$S"
rm -f "$S"/times-*
exec 3>&1
timed() {
  local label="$1"; shift
  local l; l=$(cut -d' ' -f1 /proc/loadavg)
  # this VM's page reclaim (kdamond) evicts an idle 1 GiB file between runs; each side reads it warm
  cat "$f" > /dev/null
  l=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f "%e %U %S %M" -o "$S/.t" "$@" > "$S/out-$label.txt"
  read -r w u sy rss < "$S/.t"
  echo "$w $(echo "$u + $sy" | bc)" >> "$S/times-$label"
  echo "[$label] wall $w s, cpu $(echo "$u + $sy" | bc) s ($u user + $sy sys), max RSS $((rss / 1024)) MB, load before $l" >&3
}
median() { sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
med() { cut -d' ' -f"$2" "$S/times-$1" | median; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
echo "surprisal threads: $(nproc) (default: one per core); ent, xz -T1: 1 thread"
echo "uptime: $(uptime)"
f="$S/random-${mib}m.bin"
[[ -f "$f" && $(stat -c %s "$f") -eq $((mib << 20)) ]] || head -c $((mib << 20)) /dev/urandom > "$f"
cat "$f" > /dev/null
echo "file: $f, $((mib << 20)) bytes of /dev/urandom"

echo "== 1. ent's five statistics"
for r in $(seq "$REPS"); do
  timed ent-t ent -t "$f"
  if [[ -n "${OLD_JAR:-}" ]]; then timed terse-old java -jar "$OLD_JAR" file --terse "$f"; fi
  timed terse java -jar "$jar" file --terse "$f"
  # the command README gives a user: the launcher (its class-data sharing archive, its flags for the verb)
  timed terse-launcher "$root/surprisal" file --terse "$f"
  timed terse-launcher-java env SURPRISAL_NATIVE_KERNEL=0 "$root/surprisal" file --terse "$f"
done
diff "$S/out-terse-launcher.txt" "$S/out-terse-launcher-java.txt" > /dev/null \
  && echo "native kernel and Java loop: same CSV" || echo "native kernel and Java loop: DIFFERENT CSV"
echo "launcher, Java loop (SURPRISAL_NATIVE_KERNEL=0): wall $(med terse-launcher-java 1) s (cpu $(med terse-launcher-java 2) s);" \
  "ratio $(echo "$(med ent-t 1) / $(med terse-launcher-java 1)" | bc -l | cut -c1-5)x"
if [[ -n "${OLD_JAR:-}" ]]; then
  diff "$S/out-terse-old.txt" "$S/out-terse.txt" > /dev/null && echo "old and new jar: same CSV" || echo "old and new jar: DIFFERENT CSV"
  echo "old jar: wall $(med terse-old 1) s (cpu $(med terse-old 2) s)"
fi
diff <(tail -1 "$S/out-ent-t.txt") <(tail -1 "$S/out-terse.txt") > /dev/null && echo "same CSV line: yes" || echo "same CSV line: NO"
echo "launcher (./surprisal file --terse): wall $(med terse-launcher 1) s (cpu $(med terse-launcher 2) s);" \
  "ratio $(echo "$(med ent-t 1) / $(med terse-launcher 1)" | bc -l | cut -c1-5)x"
echo "ent -t: wall $(med ent-t 1) s; surprisal --terse: wall $(med terse 1) s (cpu $(med terse 2) s);" \
  "ratio $(echo "$(med ent-t 1) / $(med terse 1)" | bc -l | cut -c1-5)x;" \
  "surprisal $(echo "$((mib << 20)) / $(med terse 1) / 1000000000" | bc -l | cut -c1-5) GB/s including JVM start"

echo "== 1b. the in-process pass alone (EntAnalysis.of, $(nproc) threads, one JVM, 3 calls): Java loop, then native kernel"
java -cp "$jar" "$root/bench/file/EntPass.java" "$f" "$(nproc)" 3
kernel="$root/surprisal-cli/target/libsurprisal-ent.so"
if [[ -s "$kernel" ]]; then
  java -Dsurprisal.native.kernel="$kernel" -cp "$jar" "$root/bench/file/EntPass.java" "$f" "$(nproc)" 3
else
  echo "(no $kernel: run ./surprisal file once with a C compiler on PATH)"
fi

[[ "${DEFAULT:-1}" == 1 ]] || { echo "uptime after: $(uptime)"; exit 0; }
echo "== 2. default report"
for r in $(seq "$REPS"); do
  timed ent ent "$f"
  timed default java -jar "$jar" file "$f"
done
cat "$S/out-default.txt"
echo "ent: wall $(med ent 1) s; surprisal file: wall $(med default 1) s (cpu $(med default 2) s);" \
  "surprisal / ent = $(echo "$(med default 1) / $(med ent 1)" | bc -l | cut -c1-5)"

if [[ "${EXACT:-1}" == 1 ]]; then
  echo "== 3. real codec sizes of the whole file (one run each)"
  timed xz bash -c "xz -6 -T1 -c '$f' | wc -c"
  echo "xz -6 -T1: $(cat "$S/out-xz.txt") bytes"
  timed exact java -jar "$jar" file --exact-codecs "$f"
  grep -E 'xz|zstd|bzip2|deflate' "$S/out-exact.txt"
fi
echo "uptime after: $(uptime)"
