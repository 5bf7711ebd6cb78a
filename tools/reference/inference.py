#!/usr/bin/env python3
"""Golden values for the tests in dev.surprisal.inference that scipy defines.

Run with Debian's /usr/bin/python3 (scipy 1.10). Writes
surprisal-core/src/test/resources/golden/inference.json. Every case stores its inputs.

  correlation    scipy.stats.pearsonr(x, y, alternative=...), scipy.stats.spearmanr(x, y, alternative=...)
  contingency    scipy.stats.chi2_contingency(t, correction=True|False, lambda_=None|"log-likelihood"),
                 scipy.stats.contingency.expected_freq(t)
  ks_2samp       scipy.stats.ks_2samp(x, y, alternative=..., method=...)
  kstwo          scipy.stats.kstwo.sf(d, n), the one-sample two-sided distribution behind method="asymp"
"""
import json
import os
import warnings

import numpy as np
import scipy
from scipy import stats
from scipy.stats.contingency import expected_freq

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "surprisal-core", "src", "test",
                   "resources", "golden", "inference.json")
rng = np.random.default_rng(20261130)
ALTERNATIVES = ("two-sided", "less", "greater")


def floats(a):
    return [float(v) for v in a]


def num(v):
    """A float, or None (JSON null) where scipy answers NaN."""
    return None if np.isnan(v) else float(v)


# --- correlation p-values -------------------------------------------------------------------
correlation = []
samples = []
for n, rho in [(3, 0.5), (5, 0.9), (10, 0.0), (30, -0.4), (100, 0.2), (1000, 0.05), (500, 0.8)]:
    x = rng.normal(size=n)
    y = rho * x + np.sqrt(1 - rho * rho) * rng.normal(size=n)
    samples.append((f"normal_n{n}_rho{rho}", x, y))
samples.append(("ties", np.round(rng.normal(size=60), 0), np.round(rng.normal(size=60), 0)))
samples.append(("perfect", np.arange(8.0), 2 * np.arange(8.0) + 1))
samples.append(("perfect_negative_n2", np.array([1.0, 2.0]), np.array([5.0, 3.0])))
samples.append(("monotone_nonlinear", np.arange(1.0, 21.0), np.exp(np.arange(1.0, 21.0) / 3)))
for name, x, y in samples:
    case = {"name": name, "x": floats(x), "y": floats(y), "pearson": {}, "spearman": {}}
    for alt in ALTERNATIVES:
        r = stats.pearsonr(x, y, alternative=alt)
        case["pearson"][alt] = {"statistic": float(r.statistic), "pvalue": float(r.pvalue)}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # rho = +-1 divides by zero inside spearmanr
            s = stats.spearmanr(x, y, alternative=alt)
        case["spearman"][alt] = {"statistic": num(s.statistic), "pvalue": num(s.pvalue)}
    correlation.append(case)

# --- chi-squared and G tests with Yates' correction --------------------------------------------
contingency = []
tables = [[[12, 5], [7, 9]], [[3, 0], [1, 4]], [[10, 10], [10, 10]], [[100, 3], [2, 90]],
          [[5, 6], [5, 5]], [[1, 2], [3, 4]], [[40, 25, 10], [30, 35, 20]], [[8, 2, 0], [1, 6, 3], [4, 4, 4]],
          rng.integers(0, 50, (2, 2)).tolist(), rng.integers(0, 8, (2, 2)).tolist()]
for t in tables:
    arr = np.array(t)
    case = {"table": [[int(v) for v in row] for row in t], "expected": [floats(r) for r in expected_freq(arr)]}
    for correction in (False, True):
        for lam, key in ((None, "pearson"), ("log-likelihood", "g")):
            stat, p, dof, _ = stats.chi2_contingency(arr, correction=correction, lambda_=lam)
            case[f"{key}_{'yates' if correction else 'plain'}"] = {"statistic": float(stat), "pvalue": float(p),
                                                                    "dof": int(dof)}
    contingency.append(case)

# --- two-sample Kolmogorov-Smirnov --------------------------------------------------------------
ks = []
ks_samples = {}


def ks_case(name, x, y, methods=("exact", "asymp", "auto")):
    ks_samples[name] = {"x": floats(x), "y": floats(y)}
    for alt in ALTERNATIVES:
        for method in methods:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                r = stats.ks_2samp(x, y, alternative=alt, method=method)
            ks.append({"name": name, "alternative": alt, "method": method,
                       "statistic": float(r.statistic), "pvalue": num(r.pvalue),
                       "statistic_location": float(r.statistic_location), "statistic_sign": int(r.statistic_sign)})


for n1, n2, shift in [(1, 1, 0.0), (3, 5, 0.0), (8, 8, 1.0), (20, 20, 0.3), (25, 40, 0.5), (60, 45, -0.4),
                      (100, 100, 0.0), (150, 7, 0.8), (300, 200, 0.15), (1000, 999, 0.05)]:
    ks_case(f"normal_{n1}_{n2}_shift{shift}", rng.normal(size=n1), rng.normal(shift, 1.0, size=n2))
ks_case("ties_discrete", rng.integers(0, 5, 40).astype(float), rng.integers(1, 6, 35).astype(float))
ks_case("identical", np.arange(10.0), np.arange(10.0))
ks_case("disjoint", np.arange(10.0), np.arange(10.0) + 100)
# above 10000 observations, "auto" switches to the asymptotic distribution
# (rounded to 6 decimals to keep the file small; ties are then possible, as in real data)
ks_case("large_auto_asymp", np.round(rng.normal(size=10500), 6), np.round(rng.normal(0.08, 1.0, size=400), 6),
        methods=("auto", "asymp"))

# the Kolmogorov distribution of D_n (scipy.stats.kstwo), over the regions of Simard & L'Ecuyer's choice
kstwo = []
for n in (1, 2, 5, 10, 50, 140, 141, 500, 1000, 5000, 20000, 100001, 250000):
    for d in (0.4 / n, 0.7 / n, 1.0 / n, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1 - 1.0 / n, 0.999):
        if 0 < d < 1:
            kstwo.append({"n": n, "d": float(d), "sf": float(stats.kstwo.sf(d, n))})
    for z in (0.3, 0.6, 0.87, 1.0, 1.2, 1.5, 2.0, 3.0, 5.0):
        d = z / np.sqrt(n)
        if 0 < d < 1:
            kstwo.append({"n": n, "d": float(d), "sf": float(stats.kstwo.sf(d, n))})
smirnov = []
for n in (1, 3, 10, 100, 1012, 1013, 5000, 100000):
    for d in (0.001, 0.01, 0.05, 0.1, 0.3, 0.5, 0.9):
        smirnov.append({"n": n, "d": d, "sf": float(scipy.special.smirnov(n, d))})

doc = {
    "generator": "tools/reference/inference.py",
    "versions": {"numpy": np.__version__, "scipy": scipy.__version__},
    "correlation": correlation,
    "contingency": contingency,
    "ks_samples": ks_samples,
    "ks_2samp": ks,
    "kstwo": kstwo,
    "smirnov": smirnov,
}
os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w") as f:
    json.dump(doc, f, indent=1)
print("wrote", os.path.normpath(OUT))
