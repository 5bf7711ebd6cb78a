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
from scipy.stats import entropy, wasserstein_distance
from sklearn.metrics.cluster import contingency_matrix
from sklearn.metrics.cluster._expected_mutual_info_fast import expected_mutual_information
from sklearn.metrics import (adjusted_mutual_info_score, completeness_score,
                             homogeneity_completeness_v_measure, homogeneity_score, mutual_info_score,
                             normalized_mutual_info_score, v_measure_score)

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

# AMI where one labelling is all singletons: every permutation gives the same table up to relabelling,
# so E[I] = I exactly and the ratio is 0/0 for average_method="min"; scikit-learn's answer is rounding
ami_degenerate = []
for name, a, b in [("true_singletons_20", np.arange(20), labels(20, 3)),
                   ("pred_singletons_50", labels(50, 5), rng.permutation(50)),
                   ("true_singletons_7", np.arange(7), labels(7, 2)),
                   ("pred_singletons_200", labels(200, 10), rng.permutation(200) + 5)]:
    case = {"name": name, "x": [int(v) for v in a], "y": [int(v) for v in b],
            "mi": float(mutual_info_score(a, b)), "emi_exact": exact_emi(a, b), "ami_sklearn": {}}
    for m in ("min", "geometric", "arithmetic", "max"):
        case["ami_sklearn"][m] = float(adjusted_mutual_info_score(a, b, average_method=m))
    ami_degenerate.append(case)

# homogeneity, completeness and V-measure (Rosenberg & Hirschberg 2007) on the clustering pairs above
v_measure_cases = []
for name, a, b in label_pairs:
    for beta in (0.5, 1.0, 2.0):
        h, c, v = homogeneity_completeness_v_measure(a, b, beta=beta)
        v_measure_cases.append({"name": name, "x": [int(t) for t in a], "y": [int(t) for t in b], "beta": beta,
                                "homogeneity": float(h), "completeness": float(c), "v_measure": float(v)})
for name, a, b in [("pred_one_cluster", labels(30, 4), np.zeros(30, dtype=int)),
                   ("disjoint_refinement", np.arange(40) // 10, np.arange(40) // 5)]:
    h, c, v = homogeneity_completeness_v_measure(a, b)
    assert h == homogeneity_score(a, b) and c == completeness_score(a, b) and v == v_measure_score(a, b)
    v_measure_cases.append({"name": name, "x": [int(t) for t in a], "y": [int(t) for t in b], "beta": 1.0,
                            "homogeneity": float(h), "completeness": float(c), "v_measure": float(v)})

# weighted 1-D Wasserstein distance: scipy.stats.wasserstein_distance(u, v, u_weights, v_weights)
wasserstein_cases = []
for nu, nv, weighted, ties in [(5, 7, False, False), (50, 40, True, False), (200, 300, True, True),
                               (1, 1, False, False), (30, 30, True, True), (1000, 10, True, False)]:
    u = rng.normal(0.0, 1.0, nu)
    v = rng.normal(0.5, 2.0, nv)
    if ties:
        u, v = np.round(u, 1), np.round(v, 1)
    uw = rng.random(nu) * 3 if weighted else None
    vw = rng.random(nv) if weighted else None
    if weighted and nu > 2:
        uw[0] = 0.0  # a zero weight: the value takes no mass
    case = {"u": floats(u), "v": floats(v), "value": float(wasserstein_distance(u, v, uw, vw))}
    if weighted:
        case["u_weights"], case["v_weights"] = floats(uw), floats(vw)
    wasserstein_cases.append(case)
wasserstein_cases.append({"u": [3.0, 1.0], "v": [1.0, 3.0], "u_weights": [1.0, 3.0], "v_weights": [3.0, 1.0],
                          "value": float(wasserstein_distance([3.0, 1.0], [1.0, 3.0], [1.0, 3.0], [3.0, 1.0]))})

doc = {
    "generator": "tools/reference/measures.py",
    "versions": {"mpmath": mp.__version__, "numpy": np.__version__, "scipy": scipy.__version__, "sklearn": sklearn.__version__},
    "entropy": entropy_cases,
    "kl": kl_cases,
    "rel_entr": rel_entr_cases,
    "jensenshannon": js_cases,
    "clustering": cluster_cases,
    "ami_degenerate": ami_degenerate,
    "v_measure": v_measure_cases,
    "wasserstein": wasserstein_cases,
}
os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w") as f:
    json.dump(doc, f, indent=1)
print("wrote", os.path.normpath(OUT))
