#!/usr/bin/env python3
"""Golden values for surprisal-drift, from scipy.

Writes surprisal-drift/src/test/resources/golden/drift.json:
  binned:     Jeffreys-smoothed (+1/2 per bin, both sides) KL(P||Q), KL(Q||P), PSI, JS (bits),
              Hellinger, TV on count vectors, and G-test / Pearson homogeneity p-values on raw counts;
  samples:    scipy.stats.wasserstein_distance, scipy.stats.ks_2samp statistic and its
              method="asymp" p-value, and np.std of the reference;
  exceedance: exact P(K >= k) of current values outside the reference range (integer arithmetic);
  critical:   PSI critical value chi2.isf(alpha, df) / (n m / (n + m)).
Run: /usr/bin/python3 tools/reference/drift.py
"""
import json
import os
from fractions import Fraction
from math import comb

import numpy as np
from scipy import stats
from scipy.spatial import distance

rng = np.random.default_rng(20240611)
out = {"binned": [], "samples": [], "exceedance": [], "critical": []}


def smooth(c):
    c = np.asarray(c, dtype=float)
    return (c + 0.5) / (c.sum() + 0.5 * len(c))


for case in range(12):
    b = int(rng.integers(2, 25))
    ref = rng.multinomial(int(rng.integers(50, 5000)), rng.dirichlet(np.ones(b)))
    cur = rng.multinomial(int(rng.integers(50, 5000)), rng.dirichlet(np.ones(b) * (1 + case)))
    if case % 3 == 0:
        ref[-1] = 0  # a bin the reference never saw
    if case % 4 == 1:
        cur[0] = 0  # a bin today's data left empty
    p, q = smooth(ref), smooth(cur)
    kl = float(stats.entropy(p, q))
    rkl = float(stats.entropy(q, p))
    table = np.array([ref, cur])
    table = table[:, table.sum(axis=0) > 0]
    g = stats.chi2_contingency(table, correction=False, lambda_="log-likelihood")
    x2 = stats.chi2_contingency(table, correction=False)
    out["binned"].append({
        "reference": ref.tolist(), "current": cur.tolist(),
        "klNats": kl, "reverseKlNats": rkl, "psi": float(np.sum((p - q) * np.log(p / q))),
        "jsBits": float(distance.jensenshannon(p, q, base=2) ** 2),
        "hellinger": float(np.sqrt(0.5 * np.sum((np.sqrt(p) - np.sqrt(q)) ** 2))),
        "tv": float(0.5 * np.sum(np.abs(p - q))),
        "gPValue": float(g.pvalue), "chi2PValue": float(x2.pvalue),
    })

for case in range(8):
    n = int(rng.integers(30, 800))
    m = int(rng.integers(30, 800))
    a = rng.normal(0, 1, n)
    b = rng.normal(0.3 * (case % 4), 1 + 0.5 * (case % 2), m)
    if case == 5:
        a = np.round(a, 1)  # ties
        b = np.round(b, 1)
    d = stats.ks_2samp(a, b).statistic
    en = n * m / (n + m)
    out["samples"].append({
        "reference": a.tolist(), "current": b.tolist(),
        "wasserstein": float(stats.wasserstein_distance(a, b)),
        "ks": float(d), "ksPValueAsymptotic": float(stats.ks_2samp(a, b, method="asymp").pvalue),
        "referenceStd": float(np.std(a)),
    })

for (k, n, m) in [(1, 10, 10), (5, 500, 500), (11, 500, 500), (3, 1000, 200), (40, 200, 5000), (2, 2, 5)]:
    total = comb(n + m, n)
    s = sum(Fraction((j + 1) * comb(n + m - j - 2, n - 2), total) for j in range(k, m + 1))
    out["exceedance"].append({"k": k, "n": n, "m": m, "survival": float(s)})

for (alpha, df, n, m) in [(0.01, 19, 500, 500), (0.001, 5, 10000, 2000), (0.05 / 6, 21, 1000000, 1000000)]:
    out["critical"].append({"alpha": alpha, "df": df, "n": n, "m": m,
                            "psi": float(stats.chi2.isf(alpha, df) / (n * m / (n + m)))})

path = os.path.join(os.path.dirname(__file__), "..", "..", "surprisal-drift", "src", "test", "resources", "golden",
                    "drift.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
print("wrote", os.path.normpath(path))
