#!/usr/bin/env python3
"""Golden values for surprisal-core's continuous estimators (spacing entropy, Gaussian entropy / MI)
and for Pearson / Spearman correlation.

Reference implementations: scipy.stats.differential_entropy, scipy.stats.multivariate_normal.entropy,
numpy.linalg.slogdet (Gaussian MI determinant formulas), scipy.stats.pearsonr / spearmanr.
Writes surprisal-core/src/test/resources/golden/continuous.json; every input sample is stored in the JSON.
Run with Debian's /usr/bin/python3 (scipy 1.10).
"""
import json
import math
import os

import numpy as np
import scipy
from scipy import stats

rng = np.random.default_rng(20240601)
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "surprisal-core", "src", "test", "resources",
                   "golden", "continuous.json")

# ---------- spacing entropy (scipy.stats.differential_entropy) ----------
samples = []
for dist, n in [("normal", 5), ("normal", 10), ("normal", 11), ("normal", 100), ("normal", 1000),
                ("uniform", 11), ("uniform", 100), ("exponential", 10), ("exponential", 100),
                ("exponential", 1000), ("normal", 1001)]:
    if dist == "normal":
        x = rng.standard_normal(n) * 2.0 + 1.0
    elif dist == "uniform":
        x = rng.uniform(-1.0, 3.0, n)
    else:
        x = rng.exponential(1.5, n)
    default_m = math.floor(math.sqrt(n) + 0.5)
    windows = sorted({m for m in (None, 1, 2, 3, default_m + 2) if m is None or 2 <= 2 * m < n},
                     key=lambda m: -1 if m is None else m)
    cases = []
    for m in windows:
        for method in ("vasicek", "van es", "ebrahimi", "correa", "auto"):
            h = float(stats.differential_entropy(x, window_length=m, method=method))
            cases.append({"method": method, "window": m, "entropy": h})
    # one case in bits
    cases.append({"method": "auto", "window": None, "base": 2.0,
                  "entropy": float(stats.differential_entropy(x, base=2.0))})
    samples.append({"name": f"{dist}-{n}", "data": x.tolist(), "cases": cases})


# ---------- Gaussian entropy and MI from covariance ----------
def random_spd(d):
    a = rng.standard_normal((d, d))
    return a @ a.T + 0.5 * np.eye(d)


def logdet(m):
    sign, ld = np.linalg.slogdet(m)
    assert sign > 0
    return ld


def sub(c, idx):
    return c[np.ix_(idx, idx)]


gaussian = []
for d in (1, 2, 3, 5):
    c = random_spd(d)
    entry = {"cov": c.tolist(),
             "entropy": float(stats.multivariate_normal(mean=np.zeros(d), cov=c).entropy())}
    if d >= 2:
        x, y = list(range(d // 2)), list(range(d // 2, d))
        entry["x"], entry["y"] = x, y
        entry["mi"] = 0.5 * (logdet(sub(c, x)) + logdet(sub(c, y)) - logdet(c))
    if d >= 3:
        x, y, z = [0], [1], list(range(2, d))
        entry["cx"], entry["cy"], entry["cz"] = x, y, z
        entry["cmi"] = 0.5 * (logdet(sub(c, x + z)) + logdet(sub(c, y + z)) - logdet(sub(c, z))
                              - logdet(sub(c, x + y + z)))
    gaussian.append(entry)

bivariate = [{"rho": r, "mi": float(-0.5 * np.log1p(-r * r))} for r in (0.0, 0.3, -0.6, 0.9, 0.999)]

# MI from samples: rows are observations; X = columns 0..1, Y = columns 2..3
mix = rng.standard_normal((4, 4))
data = rng.standard_normal((300, 4)) @ mix
cs = np.cov(data, rowvar=False)
from_samples = {"data": data.tolist(), "x": [0, 1], "y": [2, 3],
                "mi": 0.5 * (logdet(cs[:2, :2]) + logdet(cs[2:, 2:]) - logdet(cs)),
                "mi01": float(-0.5 * np.log1p(-np.corrcoef(data[:, 0], data[:, 1])[0, 1] ** 2)),
                "cmi_0_1_given_23": 0.5 * (logdet(sub(cs, [0, 2, 3])) + logdet(sub(cs, [1, 2, 3]))
                                           - logdet(sub(cs, [2, 3])) - logdet(cs))}

# ---------- correlation ----------
correlation = []
for name, n, ties in [("gauss-50", 50, False), ("gauss-7", 7, False), ("ties-40", 40, True)]:
    a = rng.standard_normal(n)
    b = 0.5 * a + rng.standard_normal(n)
    if ties:
        a, b = np.round(a * 2) / 2, np.round(b)
    correlation.append({"name": name, "x": a.tolist(), "y": b.tolist(),
                        "pearson": float(stats.pearsonr(a, b)[0]),
                        "spearman": float(stats.spearmanr(a, b)[0]),
                        "ranks_x": stats.rankdata(a).tolist()})

out = {"generator": "tools/reference/continuous.py", "scipy": scipy.__version__, "numpy": np.__version__,
       "unit": "nats", "spacing": samples, "gaussian": gaussian, "bivariate": bivariate,
       "from_samples": from_samples, "correlation": correlation}
with open(OUT, "w") as f:
    json.dump(out, f, indent=1)
print("wrote", os.path.normpath(OUT))
