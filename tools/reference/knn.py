#!/usr/bin/env python3
"""Golden values for the kNN estimators (surprisal-core dev.surprisal.continuous).

Writes surprisal-core/src/test/resources/golden/knn.json with the data and:
  * mi_cc / mi_cd: scikit-learn 1.2's private _compute_mi_cc / _compute_mi_cd, without noise
    (these clip at 0, so the Java test compares max(0, estimate));
  * entropy_kl, divergence: Kozachenko-Leonenko (max norm) and Wang-Kulkarni-Verdu via scipy cKDTree(p=inf);
  * ksg2, cmi_fp, gao: independent brute-force numpy implementations of the published formulas;
  * regression / classif: sklearn mutual_info_regression / mutual_info_classif (with sklearn's noise).
Run with Debian's /usr/bin/python3.
"""
import json
import os

import numpy as np
from scipy.spatial import cKDTree
from scipy.special import digamma
from sklearn.feature_selection import mutual_info_classif, mutual_info_regression
from sklearn.feature_selection import _mutual_info
from sklearn.feature_selection._mutual_info import _compute_mi_cc, _compute_mi_cd


def unclipped(f, *args):
    """Calls sklearn's function with its final max(0, mi) disabled (a module-global max shadows the builtin)."""
    _mutual_info.max = lambda zero, mi: mi
    try:
        return float(f(*args))
    finally:
        del _mutual_info.max

rng = np.random.default_rng(20240611)
out = {"generator": "tools/reference/knn.py", "sklearn": __import__("sklearn").__version__}


def lst(a):
    return [float(v) for v in np.asarray(a).ravel()]


def cheb(a):
    a = a.reshape(len(a), -1)
    return np.max(np.abs(a[:, None, :] - a[None, :, :]), axis=2)


# ---- KSG1 (sklearn _compute_mi_cc) ----
cc = []
n = 400
x = rng.normal(size=n)
cc.append(("gaussian_rho_0.6", x, 0.6 * x + 0.8 * rng.normal(size=n), [1, 3, 5, 10]))
x = rng.uniform(-3, 3, size=n)
cc.append(("parabola", x, x ** 2 + 0.1 * rng.normal(size=n), [3]))
x = np.round(rng.normal(size=n), 1)
cc.append(("rounded_duplicates", x, np.round(x + 0.5 * rng.normal(size=n), 1), [1, 3, 5]))
x = rng.integers(0, 5, size=n).astype(float)
cc.append(("small_integers", x, (x + rng.integers(0, 3, size=n)).astype(float), [3, 10]))
out["mi_cc"] = [{"name": nm, "k": k, "x": lst(a), "y": lst(b), "mi": float(_compute_mi_cc(a, b, k)),
                 "mi_unclipped": unclipped(_compute_mi_cc, a, b, k)}
                for nm, a, b, ks in cc for k in ks]

# ---- Ross (sklearn _compute_mi_cd) ----
cd = []
n = 500
d = rng.integers(0, 4, size=n)
c = rng.normal(size=n) + 0.7 * d
d[:2] = [7, 8]                  # two labels that occur only once: sklearn drops them
cd.append(("shifted_normals_with_singletons", c, d, [1, 3, 5]))
d2 = rng.integers(0, 3, size=n)
c2 = np.round(rng.normal(size=n) + d2, 1)   # duplicates, also across labels
cd.append(("rounded_duplicates", c2, d2, [3, 10]))
d3 = np.concatenate([np.repeat([0, 1], 200), [2, 2, 2]])
c3 = np.concatenate([rng.normal(size=200), rng.normal(1.5, 1, size=200), [0.1, 0.7, 2.3]])
cd.append(("small_label", c3, d3, [3]))     # label 2 has 3 points: k = min(3, 2)
out["mi_cd"] = [{"name": nm, "k": k, "c": lst(a), "d": [int(v) for v in b], "mi": float(_compute_mi_cd(a, b, k)),
                 "mi_unclipped": unclipped(_compute_mi_cd, a, b, k)}
                for nm, a, b, ks in cd for k in ks]


# ---- Kozachenko-Leonenko, max norm ----
def kl_entropy(a, k):
    a = a.reshape(len(a), -1)
    nn, dim = a.shape
    eps = cKDTree(a).query(a, k + 1, p=np.inf)[0][:, k]
    return digamma(nn) - digamma(k) + dim * np.log(2) + dim * np.mean(np.log(eps))


ent = []
for dim in (1, 2, 3):
    a = rng.normal(size=(300, dim))
    for k in (1, 3, 7):
        ent.append({"k": k, "d": dim, "x": lst(a), "h": float(kl_entropy(a, k))})
out["entropy_kl"] = ent


# ---- Wang-Kulkarni-Verdu divergence ----
def wkv(a, b, k):
    a = a.reshape(len(a), -1)
    b = b.reshape(len(b), -1)
    nn, dim = a.shape
    m = len(b)
    rho = cKDTree(a).query(a, k + 1, p=np.inf)[0][:, k]
    nu = cKDTree(b).query(a, k, p=np.inf)[0]
    nu = nu if k == 1 else nu[:, k - 1]
    return dim * np.mean(np.log(nu / rho)) + np.log(m / (nn - 1))


div = []
for dim in (1, 2):
    a = rng.normal(size=(250, dim))
    b = rng.normal(0.5, 1.3, size=(320, dim))
    for k in (1, 3, 5):
        div.append({"k": k, "d": dim, "x": lst(a), "y": lst(b), "kl": float(wkv(a, b, k))})
out["divergence"] = div


# ---- KSG2 brute force ----
def ksg2(a, b, k):
    dx, dy = cheb(a), cheb(b)
    dz = np.maximum(dx, dy)
    nn = len(dx)
    np.fill_diagonal(dz, np.inf)
    tot = 0.0
    for i in range(nn):
        idx = np.argsort(dz[i], kind="stable")[:k]
        ex, ey = dx[i, idx].max(), dy[i, idx].max()
        nx = np.sum(dx[i] <= ex) - 1
        ny = np.sum(dy[i] <= ey) - 1
        tot += digamma(nx) + digamma(ny)
    return digamma(k) - 1.0 / k + digamma(nn) - tot / nn


a = rng.normal(size=(300, 2))
b = np.column_stack([a[:, 0] + 0.5 * rng.normal(size=300)])
out["ksg2"] = [{"k": k, "dx": 2, "dy": 1, "x": lst(a), "y": lst(b), "mi": float(ksg2(a, b, k))} for k in (2, 3, 6)]


# ---- Frenzel-Pompe CMI brute force ----
def fp(a, b, cz, k):
    dx, dy, dzz = cheb(a), cheb(b), cheb(cz)
    dj = np.maximum(np.maximum(dx, dy), dzz)
    np.fill_diagonal(dj, np.inf)
    eps = np.sort(dj, axis=1)[:, k - 1]
    def cnt(dm):
        r = []
        for i in range(len(dm)):
            e = eps[i]
            r.append(np.sum(dm[i] < e) - 1 if e > 0 else np.sum(dm[i] <= 0) - 1)
        return np.array(r)
    nxz, nyz, nz = cnt(np.maximum(dx, dzz)), cnt(np.maximum(dy, dzz)), cnt(dzz)
    return digamma(k) - np.mean(digamma(nxz + 1) + digamma(nyz + 1) - digamma(nz + 1))


z = rng.normal(size=300)
xa = z + 0.5 * rng.normal(size=300)
ya = z + 0.5 * rng.normal(size=300) + 0.3 * xa
out["cmi_fp"] = [{"k": k, "x": lst(xa), "y": lst(ya), "z": lst(z), "cmi": float(fp(xa, ya, z, k))} for k in (3, 5)]


# ---- Gao et al. 2017, Algorithm 1, brute force ----
def gao(a, b, k):
    dx, dy = cheb(a), cheb(b)
    dj = np.maximum(dx, dy)
    nn = len(dj)
    tot = 0.0
    for i in range(nn):
        row = np.delete(dj[i], i)
        rho = np.sort(row)[k - 1]
        kt = k if rho > 0 else np.sum(row == 0)
        nx = np.sum(np.delete(dx[i], i) <= rho)
        ny = np.sum(np.delete(dy[i], i) <= rho)
        tot += digamma(kt) + np.log(nn) - np.log(nx + 1) - np.log(ny + 1)
    return tot / nn


xg = rng.integers(0, 4, size=300).astype(float)
xg[:100] = rng.normal(size=100)             # part continuous, part point masses
yg = np.where(rng.uniform(size=300) < 0.5, xg, rng.integers(0, 4, size=300)).astype(float)
out["gao"] = [{"k": k, "x": lst(xg), "y": lst(yg), "mi": float(gao(xg, yg, k))} for k in (1, 3, 5)]

# ---- public sklearn functions, with their noise (Java matches within a tolerance) ----
nr = 800
F = rng.normal(size=(nr, 3))
t = np.sin(F[:, 0]) + 0.3 * F[:, 1] + 0.2 * rng.normal(size=nr)
out["regression"] = {"features": [lst(r) for r in F], "target": lst(t), "k": 3,
                     "mi": lst(mutual_info_regression(F, t, n_neighbors=3, random_state=0))}
lab = (F[:, 0] + 0.5 * rng.normal(size=nr) > 0).astype(int) + (F[:, 2] > 1).astype(int)
out["classif"] = {"features": [lst(r) for r in F], "target": [int(v) for v in lab], "k": 3,
                  "mi": lst(mutual_info_classif(F, lab, n_neighbors=3, random_state=0))}

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                    "surprisal-core", "src", "test", "resources", "golden", "knn.json")
with open(path, "w") as f:
    json.dump(out, f)
print("wrote", os.path.normpath(path))
