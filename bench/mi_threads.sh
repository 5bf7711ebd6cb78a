#!/usr/bin/env bash
# Where the CPU of one `mi --data FILE --target y` run goes, by thread (issue 9, the one-shot cost), run as
# `java FLAGS -jar` so that flag sets can be compared (not through ./surprisal, whose own flags would clash):
# CPU seconds of the main thread, the fork-join worker(s), the C1 and C2 compiler threads, the collector
# (with the VM thread) and the rest, read from /proc/PID/task/*/stat every 20 ms. On 2 idle cores the wall
# time is about the main thread's CPU plus the collector's pauses, so on a loaded machine the main thread's
# CPU is the proxy for a wall-time change (a change that overlaps phases moves CPU from main to the worker).
# Usage: bench/mi_threads.sh FILE.csv [ROUNDS, default 3] [JVM flags, default: the launcher's for mi]
#   (the jar: mvn -B -q -pl surprisal-cli -am package -DskipTests; Linux only)
set -euo pipefail
cd "$(dirname "$0")/.."
FILE=${1:?usage: bench/mi_threads.sh FILE.csv [ROUNDS] [JVM flags]}
ROUNDS=${2:-3}
FLAGS=${3:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}
JAR=surprisal-cli/target/surprisal.jar
[[ -f $JAR ]] || { echo "build the jar first: mvn -B -q -pl surprisal-cli -am package -DskipTests" >&2; exit 2; }
target=$(head -n 1 "$FILE" | tr ',' '\n' | tail -n 1)
hz=$(getconf CLK_TCK)
echo "file: $FILE, target $target (the last column); flags: $FLAGS; $(nproc) cores"
for round in $(seq 1 "$ROUNDS"); do
  # shellcheck disable=SC2086 # a list of flags, split on purpose
  java $FLAGS -jar "$JAR" mi --data "$FILE" --target "$target" --quiet > /dev/null &
  pid=$!
  declare -A ticks=() names=()
  while kill -0 "$pid" 2>/dev/null; do
    for t in /proc/"$pid"/task/*; do
      stat=$(cat "$t/stat" 2>/dev/null) || continue
      # fields after the command name: utime and stime are the 12th and 13th
      read -r -a f <<< "${stat##*) }"
      tid=${t##*/}
      ticks[$tid]=$(( f[11] + f[12] ))
      names[$tid]=$(cat "$t/comm" 2>/dev/null || echo '?')
    done
    sleep 0.02
  done
  wait "$pid"
  for tid in "${!ticks[@]}"; do echo "${names[$tid]}|${ticks[$tid]}"; done | awk -F'|' -v hz="$hz" -v r="$round" '
    { n = $1
      if (n ~ /^C2 /) n = "C2"; else if (n ~ /^C1 /) n = "C1"; else if (n ~ /GC|VM Thread/) n = "collector+VM"
      else if (n ~ /ForkJoin/) n = "worker"; else if (n == "java") n = "main"; else n = "other"
      s[n] += $2 / hz; total += $2 / hz }
    END { printf "round %d: main %.2f  worker %.2f  C1 %.2f  C2 %.2f  collector+VM %.2f  other %.2f  total %.2f s CPU (load %s)\n",
          r, s["main"], s["worker"], s["C1"], s["C2"], s["collector+VM"], s["other"], total, "'"$(cut -d' ' -f1 /proc/loadavg)"'" }'
  unset ticks names
done
