#!/usr/bin/env python3
"""Golden values for dev.surprisal.selection.TargetShare: the "determines the target" share at any n.

Run with Debian's /usr/bin/python3 (scikit-learn 1.2.1). Writes
surprisal-core/src/test/resources/golden/target_share.json. Each case stores a feature and a target
(integer labels, 3,000 rows), the plug-in MI (sklearn mutual_info_score), the exact expected MI under
the permutation model (sklearn's expected_mutual_information, the term of adjusted_mutual_info_score),
H(target), the share (MI - EMI) / (H - EMI), the evidence n * (H - EMI) and the flag the rule gives.

The cases are those where the former chance part, Miller-Madow (K - 1)(L - 1) / 2n, fails because n is
not much larger than K * L: a zip code of 1,000 levels on 3,000 rows that maps onto 300 cities.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.metrics import adjusted_mutual_info_score, mutual_info_score
from sklearn.metrics.cluster import contingency_matrix
from sklearn.metrics.cluster._expected_mutual_info_fast import expected_mutual_information

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "surprisal-core", "src", "test",
                   "resources", "golden", "target_share.json")
DETERMINES, NEARLY, VERY_STRONG, MIN_EVIDENCE = 0.98, 0.90, 0.70, 20.0
N = 3000
rng = np.random.default_rng(20261201)


def entropy(labels):
    _, c = np.unique(labels, return_counts=True)
    p = c / c.sum()
    return float(-(p * np.log(p)).sum())


def case(name, feature, target, expected):
    n = len(target)
    mi = float(mutual_info_score(feature, target))
    emi = float(expected_mutual_information(contingency_matrix(feature, target, sparse=True), n))
    h = entropy(target)
    evidence = n * (h - emi)
    share = (mi - emi) / (h - emi) if h > 0 and evidence >= MIN_EVIDENCE else float("nan")
    flag = ("determines" if share >= DETERMINES else "nearly-determines" if share >= NEARLY
            else "very-strong" if share >= VERY_STRONG else "no")
    assert flag == expected, (name, share, evidence)
    k, l = len(set(feature.tolist())), len(set(target.tolist()))
    return {"name": name, "feature": feature.tolist(), "target": target.tolist(), "mi": mi, "emi": emi,
            "ami_max": float(adjusted_mutual_info_score(feature, target, average_method="max")),
            "entropy": h, "share": None if share != share else share, "evidence": evidence,
            "miller_madow": (k - 1) * (l - 1) / (2 * n), "flag": flag}


zips = rng.integers(0, 1000, N)
city_of_zip = rng.integers(0, 300, 1000)
city = city_of_zip[zips]


def reassigned(share):
    c = city.copy()
    moved = rng.random(N) < share
    c[moved] = rng.integers(0, 300, int(moved.sum()))
    return c


near_id = rng.permutation(N)
near_id[:10] = near_id[10:20]  # 10 pairs of rows share a value, every other value is seen once
cases = [
    case("zip determines city", zips, city, "determines"),
    case("zip with 3% of rows moved to a random city", zips, reassigned(0.03), "nearly-determines"),
    case("zip with 30% of rows moved to a random city", zips, reassigned(0.30), "no"),
    case("two independent 1,000-level columns", rng.integers(0, 1000, N), rng.integers(0, 1000, N), "no"),
    case("a near-ID column against a 0/1 target", near_id, rng.integers(0, 2, N), "no"),
]
os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w") as f:
    json.dump({"sklearn": sklearn.__version__, "cases": cases}, f, separators=(",", ":"))
    f.write("\n")
for c in cases:
    print(f'{c["name"]}: MI {c["mi"]:.4f} EMI {c["emi"]:.4f} H {c["entropy"]:.4f} share {c["share"]} '
          f'evidence {c["evidence"]:.1f} nats, Miller-Madow {c["miller_madow"]:.2f} -> {c["flag"]}')
