#!/usr/bin/env python3
"""Golden values for dev.surprisal.estimators and dev.surprisal.inference.

Independent re-implementations, written from the papers with scipy / mpmath (run with Debian's
/usr/bin/python3):
  plug-in        scipy.stats.entropy(counts)
  miller-madow   plug-in + (K_observed - 1) / (2N)                         (Miller 1955)
  chao-shen      coverage-adjusted Horvitz-Thompson                         (Chao & Shen 2003)
  grassberger    ln N - (1/N) sum n G(n), G via scipy.special.digamma      (Grassberger 2003)
  james-stein    shrinkage to uniform over len(counts) categories          (Hausser & Strimmer 2009)
  nsb            posterior mean / sd, scipy.integrate.quad over ln(beta), every category summed
                 one by one, log-gammas and trigammas in mpmath (40 digits)  (Nemenman et al. 2002)
  G-test         scipy.stats.chi2_contingency(t, correction=False, lambda_="log-likelihood")
  Pearson        scipy.stats.chi2_contingency(t, correction=False)
Writes surprisal-core/src/test/resources/golden/estimators.json.
"""
import json
import math
import os

import mpmath as mp
import numpy as np
from scipy import integrate, optimize, special, stats

mp.mp.dps = 40


def plug_in(n):
    return float(stats.entropy(np.asarray(n, dtype=float)))


def miller_madow(n):
    n = np.asarray(n, dtype=float)
    return plug_in(n) + (np.count_nonzero(n) - 1) / (2.0 * n.sum())


def chao_shen(n):
    n = np.asarray(n, dtype=float)
    big_n = n.sum()
    f1 = float(np.sum(n == 1))
    if f1 == big_n:
        f1 = big_n - 1
    c = 1.0 - f1 / big_n
    pa = c * n[n > 0] / big_n
    la = 1.0 - (1.0 - pa) ** big_n
    return float(-np.sum(pa * np.log(pa) / la))


def grassberger(n):
    n = np.asarray(n, dtype=float)
    n = n[n > 0]
    big_n = n.sum()
    g = special.digamma(n) + 0.5 * (-1.0) ** n * (special.digamma((n + 1) / 2) - special.digamma(n / 2))
    return float(np.log(big_n) - np.sum(n * g) / big_n)


def james_stein(n):
    n = np.asarray(n, dtype=float)
    big_n = n.sum()
    u = n / big_n
    t = 1.0 / len(n)
    msp = np.sum((u - t) ** 2)
    if big_n <= 1 or msp == 0:
        lam = 1.0
    else:
        lam = min(1.0, max(0.0, (1 - np.sum(u ** 2)) / ((big_n - 1) * msp)))
    p = lam * t + (1 - lam) * u
    p = p[p > 0]
    return float(-np.sum(p * np.log(p)))


def nsb(n, k=None):
    """Posterior mean and sd of H under the NSB prior, brute force over all K categories."""
    n = [int(x) for x in n]
    k = len(n) if k is None else int(k)
    a_obs = n + [0] * (k - len(n))
    big_n = sum(a_obs)

    def log_weight(u):
        b = mp.exp(mp.mpf(u))
        ll = mp.loggamma(k * b) - mp.loggamma(big_n + k * b)
        for c in a_obs:
            if c > 0:
                ll += mp.loggamma(c + b) - mp.loggamma(b)
        dxi = k * mp.psi(1, k * b + 1) - mp.psi(1, b + 1)
        return mp.mpf(u) + mp.log(dxi) + ll

    def moments(u):
        b = math.exp(u)
        a = np.array(a_obs, dtype=float) + b
        big_a = a.sum()
        m1 = special.digamma(big_a + 1) - np.sum(a / big_a * special.digamma(a + 1))
        q = special.digamma(a + 1) - special.digamma(big_a + 2)
        r = special.digamma(a + 2) - special.digamma(big_a + 2)
        t1 = special.polygamma(1, big_a + 2)
        off = np.outer(a, a) * (np.outer(q, q) - t1)
        np.fill_diagonal(off, 0.0)
        diag = np.sum(a * (a + 1) * (r ** 2 + special.polygamma(1, a + 2) - t1))
        m2 = (off.sum() + diag) / (big_a * (big_a + 1))
        return m1, m2

    opt = optimize.minimize_scalar(lambda u: -float(log_weight(u)), bounds=(-40, 40), method="bounded",
                                   options={"xatol": 1e-10})
    mode = opt.x
    top = float(log_weight(mode))
    lo, hi = mode - 45.0, mode + 45.0

    def w(u):
        return math.exp(float(log_weight(u)) - top)

    kw = dict(points=[mode], limit=400, epsabs=0.0, epsrel=1e-11)
    z = integrate.quad(w, lo, hi, **kw)[0]
    e1 = integrate.quad(lambda u: w(u) * moments(u)[0], lo, hi, **kw)[0] / z
    e2 = integrate.quad(lambda u: w(u) * moments(u)[1], lo, hi, **kw)[0] / z
    return e1, math.sqrt(max(0.0, e2 - e1 * e1))


def zipf_counts(seed, n, k):
    rng = np.random.default_rng(seed)
    p = 1.0 / np.arange(1, k + 1)
    p /= p.sum()
    return np.bincount(rng.choice(k, size=n, p=p), minlength=k).tolist()


ENTROPY_CASES = [
    [5, 3, 2, 1, 1, 0, 0, 1],
    [10, 10, 10, 10],
    [1, 1, 1, 1, 1, 1],
    [7],
    [1],
    [2],
    [100, 1, 0, 0, 3, 250, 17],
    [2, 2, 1, 1, 1, 4, 0, 0, 0, 0, 0, 0],
    [40, 25, 10, 8, 5, 3, 2, 2, 1, 1, 1, 1, 0, 0, 0, 0],
    [123456, 654321, 1, 99999],
    zipf_counts(7, 50, 30),
]

NSB_EXPLICIT_K = [
    ([5, 3, 2, 1, 1, 1], 20),
    ([1, 1, 1, 1, 1, 1, 1, 1, 2], 100),
    ([30, 12, 7, 3, 1, 1], 6),
]

TABLES = [
    [[10, 20, 30], [6, 9, 17]],
    [[12, 5], [7, 9]],
    [[50, 1, 3], [2, 40, 5], [3, 4, 60]],
    [[100, 100], [100, 100]],
    [[3, 0, 2], [1, 4, 1], [0, 2, 5], [2, 2, 2]],
    [[1000, 1200, 900, 1100], [1010, 1190, 880, 1130]],
]


def main():
    entropy = []
    for n in ENTROPY_CASES:
        mean, sd = nsb(n)
        entropy.append({
            "counts": n,
            "plug-in": plug_in(n),
            "miller-madow": miller_madow(n),
            "chao-shen": chao_shen(n),
            "grassberger": grassberger(n),
            "james-stein": james_stein(n),
            "nsb": mean if len(n) > 1 else 0.0,
            "nsb_sd": sd if len(n) > 1 else 0.0,
        })
    nsb_k = []
    for n, k in NSB_EXPLICIT_K:
        mean, sd = nsb(n, k)
        nsb_k.append({"counts": n, "k": k, "nsb": mean, "nsb_sd": sd})
    tests = []
    for t in TABLES:
        arr = np.asarray(t, dtype=float)
        g, gp, dof, _ = stats.chi2_contingency(arr, correction=False, lambda_="log-likelihood")
        x2, xp, _, _ = stats.chi2_contingency(arr, correction=False)
        mi = {}
        for name, f in [("plug-in", plug_in), ("miller-madow", miller_madow), ("chao-shen", chao_shen),
                        ("grassberger", grassberger), ("james-stein", james_stein)]:
            mi[name] = f(arr.sum(axis=1)) + f(arr.sum(axis=0)) - f(arr.ravel())
        tests.append({"table": t, "g": float(g), "g_p": float(gp), "dof": int(dof),
                      "chi2": float(x2), "chi2_p": float(xp), "mi": mi})
    out = {"source": "tools/reference/estimators.py (scipy " + __import__("scipy").__version__
                     + ", mpmath " + mp.__version__ + ")",
           "unit": "nats", "entropy": entropy, "nsb_explicit_k": nsb_k, "independence": tests}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "surprisal-core", "src",
                        "test", "resources", "golden", "estimators.json")
    with open(path, "w") as fh:
        json.dump(out, fh, indent=1)
        fh.write("\n")
    print("wrote", os.path.normpath(path))


if __name__ == "__main__":
    main()
