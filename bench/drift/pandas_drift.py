"""The pandas side of `FORMAT=csv bench/drift_bench.sh`: baseline + check on the same CSV files.

The same work as numpy_drift.py, but from the CSV text: pandas.read_csv of ref.csv (C engine,
float64, one thread), then per column 20 equal-frequency edges (np.quantile, inverted_cdf) plus
+-inf, np.histogram of the reference; pandas.read_csv of cur.csv, np.histogram on the frozen
edges, Jeffreys +1/2, scipy.stats.entropy (KL(P||Q), nats) and PSI. Prints the KL per column and
the wall time. Threads: pandas' CSV reader and numpy's histogram run on one thread.
"""
import sys, time
import numpy as np
import pandas as pd
from scipy.stats import entropy

d = sys.argv[1]
t0 = time.perf_counter()
ref = pd.read_csv(f"{d}/ref.csv", dtype=np.float64)
edges, ps = {}, {}
for c in ref.columns:
    x = ref[c].to_numpy()
    x = x[np.isfinite(x)]
    e = np.unique(np.quantile(x, np.linspace(0, 1, 21), method="inverted_cdf"))
    edges[c] = np.concatenate(([-np.inf], e, [np.inf]))
    ps[c], _ = np.histogram(x, bins=edges[c])
del ref
cur = pd.read_csv(f"{d}/cur.csv", dtype=np.float64)
out = []
for c in cur.columns:
    x = cur[c].to_numpy()
    q, _ = np.histogram(x[np.isfinite(x)], bins=edges[c])
    p = ps[c] + 0.5
    q = q + 0.5
    p, q = p / p.sum(), q / q.sum()
    out.append((c, entropy(p, q), float(np.sum((q - p) * np.log(q / p)))))
t = time.perf_counter() - t0
for c, kl, psi in out:
    print(f"{c} KL(P||Q) {kl / np.log(2):.6f} bits  PSI {psi:.6f}")
print(f"pandas_seconds {t:.3f}")
