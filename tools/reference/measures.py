#!/usr/bin/env python3
"""Golden values for dev.surprisal.measures and dev.surprisal.dependence.

Run with Debian's /usr/bin/python3 (scipy 1.10, scikit-learn 1.2.1). Writes
surprisal-core/src/test/resources/golden/measures.json. Every case stores its inputs, so the
Java tests recompute from exactly the same numbers.
"""
import json
import math
import os

from collections import Counter

import mpmath as mp
import numpy as np
import scipy
import sklearn
from scipy.spatial.distance import jensenshannon
from scipy.special import rel_entr
from scipy.stats import entropy
from sklearn.metrics.cluster import contingency_matrix
from sklearn.metrics.cluster._expected_mutual_info_fast import expected_mutual_information
from sklearn.metrics import (adjusted_mutual_info_score, mutual_info_score,
                             normalized_mutual_info_score)

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "surprisal-core", "src", "test",
                   "resources", "golden", "measures.json")
rng = np.random.default_rng(20240611)
BASES = {"2": 2.0, "e": math.e, "10": 10.0}


def vec(k, zeros=0, scale=1.0):
    v = rng.random(k) * scale
    if zeros:
        v[rng.choice(k, zeros, replace=False)] = 0.0
    return v


def floats(a):
    return [float(x) for x in a]


def jsonable(x):
    x = float(x)
    return "inf" if math.isinf(x) else x


vectors = [vec(3), vec(10, zeros=3), vec(50, scale=7.0), vec(200, zeros=40, scale=1e-3),
           np.array([1.0, 0.0, 0.0]), np.array([5.0, 5.0])]

entropy_cases = []
for w in vectors:
    for name, b in BASES.items():
        entropy_cases.append({"weights": floats(w), "base": name, "value": float(entropy(w, base=b))})

kl_cases = []
for k in (3, 10, 50):
    p, q = vec(k, zeros=k // 4), vec(k)
    for name, b in BASES.items():
        kl_cases.append({"p": floats(p), "q": floats(q), "base": name, "value": jsonable(entropy(p, q, base=b))})
# infinite: q has a zero where p does not
p, q = np.array([0.2, 0.3, 0.5]), np.array([0.5, 0.5, 0.0])
kl_cases.append({"p": floats(p), "q": floats(q), "base": "e", "value": jsonable(entropy(p, q))})

rel_entr_cases = []
for k in (5, 20):
    p, q = vec(k, zeros=2), vec(k, zeros=1)
    rel_entr_cases.append({"p": floats(p), "q": floats(q), "value": [jsonable(v) for v in rel_entr(p, q)]})

js_cases = []
for k in (2, 7, 40):
    p, q = vec(k, zeros=k // 3), vec(k)
    for name, b in (("2", 2.0), ("e", None)):
        d = jensenshannon(p, q, base=b) if b else jensenshannon(p, q)
        js_cases.append({"p": floats(p), "q": floats(q), "base": name, "value": float(d)})
js_cases.append({"p": [1.0, 0.0], "q": [0.0, 1.0], "base": "2", "value": float(jensenshannon([1.0, 0.0], [0.0, 1.0], base=2))})


def labels(n, k):
    return rng.integers(0, k, n)


label_pairs = [
    ("small", labels(20, 3), labels(20, 4)),
    ("correlated", None, None),
    ("singletons", rng.permutation(np.r_[np.arange(150), rng.integers(0, 150, 50)]) * 1000 - 7,
     rng.integers(0, 20, 200)),
    ("many_singletons_both", rng.permutation(np.r_[np.arange(150), rng.integers(0, 150, 50)]),
     rng.permutation(np.r_[np.arange(150), rng.integers(0, 150, 50)])),
    ("large", labels(2000, 30), labels(2000, 40)),
    ("one_cluster_true", np.zeros(30, dtype=int), labels(30, 4)),
    ("both_single", np.zeros(10, dtype=int), np.full(10, 7)),
    ("identical", np.arange(60) % 7, (np.arange(60) % 7) * 3 + 1),
    ("all_singletons", np.arange(25), rng.permutation(25)),
]
x = labels(500, 8)
y = (x + rng.integers(0, 3, 500)) % 8
label_pairs[1] = ("correlated", x, y)

def exact_emi(a, b):
    """E[I] under the hypergeometric model with 60-digit arithmetic (mpmath), for judging rounding."""
    mp.mp.dps = 60
    _, ca = np.unique(a, return_counts=True)
    _, cb = np.unique(b, return_counts=True)
    n = len(a)
    if len(ca) == 1 or len(cb) == 1:
        return 0.0
    lf = [mp.loggamma(k + 1) for k in range(n + 1)]
    total = mp.mpf(0)
    for ai, ma in Counter(ca.tolist()).items():
        for bj, mb in Counter(cb.tolist()).items():
            s = mp.mpf(0)
            for k in range(max(1, ai + bj - n), min(ai, bj) + 1):
                g = lf[ai] + lf[bj] + lf[n - ai] + lf[n - bj] - lf[n] - lf[k] - lf[ai - k] - lf[bj - k] - lf[n - ai - bj + k]
                s += mp.mpf(k) / n * mp.log(mp.mpf(n) * k / (ai * bj)) * mp.exp(g)
            total += ma * mb * s
    return float(total)


cluster_cases = []
for name, a, b in label_pairs:
    contingency = contingency_matrix(a, b, sparse=True).astype(np.float64)
    case = {"name": name, "x": [int(v) for v in a], "y": [int(v) for v in b],
            "mi": float(mutual_info_score(a, b)), "nmi": {}, "ami": {},
            "emi_sklearn": float(expected_mutual_information(contingency, len(a))),
            "emi_exact": exact_emi(a, b)}
    for m in ("min", "geometric", "arithmetic", "max"):
        case["nmi"][m] = float(normalized_mutual_info_score(a, b, average_method=m))
        case["ami"][m] = float(adjusted_mutual_info_score(a, b, average_method=m))
    cluster_cases.append(case)

doc = {
    "generator": "tools/reference/measures.py",
    "versions": {"mpmath": mp.__version__, "numpy": np.__version__, "scipy": scipy.__version__, "sklearn": sklearn.__version__},
    "entropy": entropy_cases,
    "kl": kl_cases,
    "rel_entr": rel_entr_cases,
    "jensenshannon": js_cases,
    "clustering": cluster_cases,
}
os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w") as f:
    json.dump(doc, f, indent=1)
print("wrote", os.path.normpath(OUT))
