#!/usr/bin/env bash
# Side-by-side benchmark of Surprisal's discrete measures against numpy / scikit-learn, same data:
#  (a) plug-in entropy of 1e8 int labels in [0,256): Surprisal vs np.bincount + formula
#  (b) MI of two int label arrays, n = 1e7, 100 categories: Surprisal vs sklearn.metrics.mutual_info_score
# Python writes the data (seeded) as little-endian int32 files; both sides read the same files.
# Usage: bench/measures_bench.sh [REPS]   (default 5; reports medians)
set -euo pipefail
cd "$(dirname "$0")/.."
REPS=${1:-5}
DATA=${TMPDIR:-/tmp}/surprisal-measures-bench
mkdir -p "$DATA"
mvn -B -q -o -pl bench/jmh -am package -DskipTests >/dev/null
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'); threads: Surprisal up to $(nproc) (its counting kernels split large arrays over the common pool), numpy and scikit-learn 1"
echo "load before: $(uptime)"
/usr/bin/python3 - "$DATA" "$REPS" >"$DATA/python.json" <<'PY'
import json, math, os, statistics, sys, time
import numpy as np
from sklearn.metrics import mutual_info_score
d, reps = sys.argv[1], int(sys.argv[2])
rng = np.random.default_rng(12345)
ent = rng.integers(0, 256, 100_000_000, dtype=np.int32)
x = rng.integers(0, 100, 10_000_000, dtype=np.int32)
y = ((x + rng.integers(0, 30, x.size, dtype=np.int32)) % 100).astype(np.int32)
for name, a in (("entropy", ent), ("x", x), ("y", y)):
    a.astype("<i4").tofile(os.path.join(d, name + ".i32"))
ent64 = ent.astype(np.int64)  # numpy's best case: bincount wants intp, so convert outside the timing
def np_entropy(a):
    c = np.bincount(a)
    c = c[c > 0]
    p = c / a.size
    return float(-(p * np.log(p)).sum())
te, tm = [], []
for _ in range(reps):
    t0 = time.perf_counter(); h = np_entropy(ent64); te.append(time.perf_counter() - t0)
for _ in range(reps):
    t0 = time.perf_counter(); mi = float(mutual_info_score(x, y)); tm.append(time.perf_counter() - t0)
print(json.dumps({"entropy": h, "entropy_s": statistics.median(te), "mi": mi, "mi_s": statistics.median(tm)}))
PY
java -Xmx3g -cp bench/jmh/target/benchmarks.jar dev.surprisal.bench.SideBySide "$DATA" "$REPS" >"$DATA/java.json"
/usr/bin/python3 - "$DATA" <<'PY'
import json, sys
d = sys.argv[1]
p = json.load(open(d + "/python.json")); j = json.load(open(d + "/java.json"))
print(f"machine threads seen by the JVM: {j['threads']}")
print(f"{'task':44s} {'surprisal s':>12s} {'python s':>10s} {'ratio':>7s}  values (nats)")
print(f"{'(a) entropy, 1e8 ints in [0,256) vs bincount':44s} {j['entropy_s']:12.4f} {p['entropy_s']:10.4f} {p['entropy_s']/j['entropy_s']:6.1f}x  {j['entropy']:.12f} / {p['entropy']:.12f}")
print(f"{'(b) MI, 1e7 x 100 cats vs sklearn':44s} {j['mi_s']:12.4f} {p['mi_s']:10.4f} {p['mi_s']/j['mi_s']:6.1f}x  {j['mi']:.12f} / {p['mi']:.12f}")
assert abs(j["entropy"] - p["entropy"]) < 1e-9 and abs(j["mi"] - p["mi"]) < 1e-9, "values differ"
PY
echo "load after: $(uptime)"
