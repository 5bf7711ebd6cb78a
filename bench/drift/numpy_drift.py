"""The numpy/scipy side of bench/drift_bench.sh: baseline + check on the same data.

Baseline: load the reference columns, freeze 20 equal-frequency edges per column (np.quantile),
add under/overflow bins, np.histogram the reference. Check: load today's columns, np.histogram on
the frozen edges, scipy.stats.entropy(p, q) per column after Jeffreys +1/2 smoothing (KL(P||Q),
nats), and PSI. Reads .npy files written alongside the Parquet (pyarrow is not installed here).
Prints the KL per column and the wall time.
"""
import sys, time
import numpy as np
from scipy.stats import entropy

d = sys.argv[1]
t0 = time.perf_counter()
kls = []
for k in range(10):
    ref = np.load(f"{d}/ref_c{k}.npy")
    edges = np.unique(np.quantile(ref, np.linspace(0, 1, 21), method="inverted_cdf"))
    edges = np.concatenate(([-np.inf], edges, [np.inf]))
    p, _ = np.histogram(ref, bins=edges)
    del ref
    cur = np.load(f"{d}/cur_c{k}.npy")
    q, _ = np.histogram(cur, bins=edges)
    del cur
    ps, qs = p + 0.5, q + 0.5
    ps, qs = ps / ps.sum(), qs / qs.sum()
    kl = entropy(ps, qs)
    psi = float(np.sum((qs - ps) * np.log(qs / ps)))
    kls.append((kl, psi))
t = time.perf_counter() - t0
for k, (kl, psi) in enumerate(kls):
    print(f"c{k} KL(P||Q) {kl / np.log(2):.6f} bits  PSI {psi:.6f}")
print(f"numpy_seconds {t:.3f}")
