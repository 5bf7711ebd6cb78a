#!/usr/bin/env bash
# Side-by-side: Surprisal KSG1 (k=3, 1-D pair) vs sklearn mutual_info_regression on the same data,
# plus ranking 100 features against a target at n=1e5. Medians of REPS runs.
# Usage: bench/knn_bench.sh [sizes for both, default "1e4 1e5 1e6"] ; SURPRISAL_ONLY="1e7" extra sizes.
# Needs: mvn -B -q -pl surprisal-core,bench/jmh -am package -DskipTests ; Debian python3-sklearn.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${1:-"1e4 1e5 1e6"}
SURPRISAL_ONLY=${SURPRISAL_ONLY-"1e7"}
REPS=${REPS:-3}
JAR=bench/jmh/target/benchmarks.jar
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p')"
echo "threads: Surprisal's KSG on the JVM's common fork-join pool ($(nproc) cores); scikit-learn's mutual_info_regression on 1 (it has no n_jobs)"
echo "load before: $(uptime)"
gen() { /usr/bin/python3 - "$1" "$TMP" <<'PY'
import sys, numpy as np
n = int(float(sys.argv[1])); d = sys.argv[2]
r = np.random.default_rng(0)
x = r.normal(size=n); y = x + r.normal(size=n)
x.astype('<f8').tofile(f"{d}/x{n}.bin"); y.astype('<f8').tofile(f"{d}/y{n}.bin")
PY
}
sk() { /usr/bin/python3 - "$1" "$TMP" "$REPS" <<'PY'
import sys, time, numpy as np
from sklearn.feature_selection import mutual_info_regression
n = int(float(sys.argv[1])); d = sys.argv[2]; reps = int(sys.argv[3])
x = np.fromfile(f"{d}/x{n}.bin", '<f8'); y = np.fromfile(f"{d}/y{n}.bin", '<f8')
t = []
for _ in range(reps):
    t0 = time.perf_counter(); mi = mutual_info_regression(x.reshape(-1, 1), y, n_neighbors=3, random_state=0)[0]; t.append(time.perf_counter() - t0)
print(f"{n} {sorted(t)[len(t)//2]:.4f} {mi:.6f}")
PY
}
# like-for-like: Surprisal's SklearnMutualInfo (scale by std, 1e-10 noise, clip) vs mutual_info_regression;
# plain_s is KraskovMutualInformation.estimate on the raw data (no scaling or noise), for reference.
printf "%-10s %-10s %-12s %-12s %-8s %-10s %-10s %s\n" n plain_s surprisal_s sklearn_s ratio mi_surpr mi_sklearn load
for s in $SIZES; do
  gen "$s"; n=$(python3 -c "print(int(float('$s')))")
  read -r _ tp _ < <(java -Xmx4g -cp "$JAR" dev.surprisal.bench.KnnSideBySide pair "$TMP/x$n.bin" "$TMP/y$n.bin" "$REPS")
  read -r _ ts ms < <(java -Xmx4g -cp "$JAR" dev.surprisal.bench.KnnSideBySide sklearn "$TMP/x$n.bin" "$TMP/y$n.bin" "$REPS")
  read -r _ tk mk < <(sk "$s")
  printf "%-10s %-10s %-12s %-12s %-8s %-10s %-10s %s\n" "$n" "$tp" "$ts" "$tk" "$(python3 -c "print(f'{$tk/$ts:.1f}x')")" "$ms" "$mk" "$(cut -d' ' -f1 /proc/loadavg)"
done
for s in $SURPRISAL_ONLY; do
  gen "$s"; n=$(python3 -c "print(int(float('$s')))")
  read -r _ tp _ < <(java -Xmx4g -cp "$JAR" dev.surprisal.bench.KnnSideBySide pair "$TMP/x$n.bin" "$TMP/y$n.bin" "$REPS")
  read -r _ ts ms < <(java -Xmx4g -cp "$JAR" dev.surprisal.bench.KnnSideBySide sklearn "$TMP/x$n.bin" "$TMP/y$n.bin" "$REPS")
  printf "%-10s %-10s %-12s %-12s %-8s %-10s %-10s %s\n" "$n" "$tp" "$ts" "-" "-" "$ms" "-" "$(cut -d' ' -f1 /proc/loadavg)"
done
/usr/bin/python3 - "$TMP" <<'PY'
import sys, numpy as np
r = np.random.default_rng(1); n, p = 100000, 100
F = r.normal(size=(n, p)); t = F[:, 0] + np.sin(F[:, 1]) + r.normal(size=n)
F.astype('<f8').tofile(f"{sys.argv[1]}/F.bin"); t.astype('<f8').tofile(f"{sys.argv[1]}/t.bin")
PY
read -r _ tr mr < <(java -Xmx4g -cp "$JAR" dev.surprisal.bench.KnnSideBySide rank "$TMP/F.bin" "$TMP/t.bin" 100 1)
echo "rank 100 features vs target, n=1e5: ${tr} s (max MI ${mr} nats), load $(cut -d' ' -f1 /proc/loadavg)"
