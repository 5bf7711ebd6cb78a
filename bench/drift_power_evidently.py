#!/usr/bin/python3
"""Evidently's documented default drift rules, re-implemented on the data-generating process of
dev.surprisal.drift.power.PowerTable, for docs/drift.md (section 6). Evidently itself cannot be installed
here; its rules are summarised with their sources in ../shared/research/drift-anchors.md (section 1):

- test by column type and reference size (registry.py::_get_default_stattest), n_unique over ref and cur:
  reference <= 1000 rows: numeric n_unique <= 2 -> two-proportion z-test, 3-5 -> chi-square, > 5 -> KS
  (drift when p <= 0.05 for KS, p < 0.05 otherwise); categorical n_unique <= 2 -> z, else chi-square.
  reference > 1000 rows: numeric n_unique <= 5 -> Jensen-Shannon distance (natural log) on value
  shares, > 5 -> Wasserstein / max(std(ref), 0.001); categorical -> Jensen-Shannon; drift when >= 0.1.
- missing values are dropped before every test (so a missing-value surge is invisible).
- dataset drift when at least 50% of the columns drift.

Usage: /usr/bin/python3 bench/drift_power_evidently.py [seeds] [sizes], e.g. 200 500,10000. Each size's table
is printed when its seeds are done; every 25 seeds the table so far goes to stderr.
"""
import sys

import numpy as np
from scipy import stats
from scipy.spatial import distance

DISC = np.array([0.35, 0.25, 0.15, 0.12, 0.08, 0.05])
CAT = np.array([0.30, 0.15, 0.12, 0.12, 0.08, 0.08, 0.08, 0.07])

CHANGES = [("-", "no change", {})]
CHANGES += [("cont", f"mean +{s} sd", {"shift": s}) for s in (0.1, 0.25, 0.5)]
CHANGES += [("cont", f"sd x {k}", {"scale": k}) for k in (1.25, 1.5)]
CHANGES += [("cont", "missing +5 points", {"missing": 0.05})]
CHANGES += [("bin", f"rate +{round(100 * d)} points", {"rate": 0.2 + d}) for d in (0.05, 0.15)]
CHANGES += [("bin", "missing +5 points", {"missing": 0.05})]
CHANGES += [("disc", f"value 1 +{round(100 * d)} points", {"move": d}) for d in (0.05, 0.15)]
CHANGES += [("disc", "missing +5 points", {"missing": 0.05})]
CHANGES += [("cat", f"new category {round(100 * d)}%", {"new": d}) for d in (0.01, 0.05)]
CHANGES += [("cat", "missing +5 points", {"missing": 0.05})]
CHANGES += [("cat", f"c0 +{round(100 * d)} points", {"catmove": d}) for d in (0.05, 0.15)]


# The categorical column is held as codes (0..7 for c0..c7, 8 for "new", -1 for missing), whose order is the
# labels' string order that Evidently sorts values by; the draws are the same as with labels, so every
# statistic is the same, without a million Python strings a day (what made n = 1e6 take hours).
LABELS = ["c%d" % k for k in range(8)] + ["new"]
NEW = 8


def day(rng, n, column="-", shift=0.0, scale=1.0, rate=0.2, move=0.0, new=0.0, missing=0.0, catmove=0.0):
    cont = shift * (column == "cont") + (scale if column == "cont" else 1.0) * rng.standard_normal(n)
    binr = rate if column == "bin" else 0.2
    b = (rng.random(n) < binr).astype(float)
    p = DISC.copy()
    if column == "disc" and move > 0:
        p[0] += move
        p[1:] *= (1 - DISC[0] - move) / (1 - DISC[0])
    d = 1.0 + rng.choice(6, n, p=p / p.sum())
    pc = CAT.copy()
    if column == "cat" and catmove > 0:
        pc[0] += catmove
        pc[1:] *= (1 - CAT[0] - catmove) / (1 - CAT[0])
    c = rng.choice(8, n, p=pc / pc.sum()).astype(np.int64)
    if column == "cat" and new > 0:
        c[rng.random(n) < new] = NEW
    cols = {"cont": cont, "bin": b, "disc": d, "cat": c}
    if missing > 0:
        m = rng.random(n) < missing
        if column == "cat":
            c[m] = -1
        else:
            cols[column] = cols[column].copy()
            cols[column][m] = np.nan
    return cols


def drop(v, numeric):
    return v[~np.isnan(v)] if numeric else v[v >= 0]


def shares(ref, cur, numeric):
    """The values of either side in Evidently's order (by their text) and each side's counts of them."""
    keys = np.union1d(ref, cur)
    r = np.zeros(len(keys))
    c = np.zeros(len(keys))
    for side, out in ((ref, r), (cur, c)):
        values, counts = np.unique(side, return_counts=True)
        out[np.searchsorted(keys, values)] = counts
    order = sorted(range(len(keys)), key=lambda i: str(keys[i]) if numeric else LABELS[keys[i]])
    return keys[order], r[order], c[order]


def z_test(ref, cur, numeric):
    keys, r, c = shares(ref, cur, numeric)
    p1, p2 = r[0] / len(ref), c[0] / len(cur)
    pool = (r[0] + c[0]) / (len(ref) + len(cur))
    se = np.sqrt(pool * (1 - pool) * (1 / len(ref) + 1 / len(cur)))
    if se == 0:
        return 1.0
    return 2 * stats.norm.sf(abs(p1 - p2) / se)


def chisquare(ref, cur, numeric):
    keys, r, c = shares(ref, cur, numeric)
    exp = r * len(cur) / len(ref)
    if np.any(exp == 0):
        return 0.0  # a value the reference never had: infinite statistic
    return stats.chisquare(c, exp).pvalue


def drifted(column, ref, cur, numeric):
    ref, cur = drop(ref, numeric), drop(cur, numeric)
    n_unique = len(np.union1d(ref, cur))
    if len(ref) <= 1000:
        if n_unique <= 2:
            return z_test(ref, cur, numeric) < 0.05
        if not numeric or n_unique <= 5:
            return chisquare(ref, cur, numeric) < 0.05
        return stats.ks_2samp(ref, cur).pvalue <= 0.05
    if numeric and n_unique > 5:
        return stats.wasserstein_distance(ref, cur) / max(np.std(ref), 0.001) >= 0.1
    if numeric and n_unique > 20:
        edges = np.histogram_bin_edges(np.concatenate([ref, cur]), bins="sturges")
        r = np.histogram(ref, edges)[0] / len(ref)
        c = np.histogram(cur, edges)[0] / len(cur)
    else:
        keys, r, c = shares(ref, cur, numeric)
        r, c = r / len(ref), c / len(cur)
    return distance.jensenshannon(r, c) >= 0.1


def clopper_pearson(x, n):
    lo = 0.0 if x == 0 else stats.beta.ppf(0.025, x, n - x + 1)
    hi = 1.0 if x == n else stats.beta.ppf(0.975, x + 1, n - x)
    return lo, hi


def row(n, column, change, x, seeds, out=sys.stdout):
    lo, hi = clopper_pearson(x, seeds)
    print(f"| {n:,} | {column} | {change} | {100 * x / seeds:.1f}% | {100 * lo:.1f}–{100 * hi:.1f}% |", file=out,
          flush=True)


def rows(n, hits, dataset, anyone, seeds, out=sys.stdout):
    for ci, (column, label, kw) in enumerate(CHANGES):
        if column == "-":
            for c in hits[ci]:
                row(n, c, "no change (false alarms)", hits[ci][c], seeds, out)
            row(n, "dataset", "no change (dataset drift: >= 50% of columns)", dataset[ci], seeds, out)
            row(n, "dataset", "no change (any column drifts)", anyone[ci], seeds, out)
        else:
            row(n, column, label, hits[ci][column], seeds, out)


def main():
    seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    sizes = [int(s) for s in (sys.argv[2] if len(sys.argv) > 2 else "500,10000").split(",")]
    numeric = {"cont": True, "bin": True, "disc": True, "cat": False}
    print("| n | column | change | Evidently drift | 95% CI |")
    print("|---|---|---|---|---|")
    for n in sizes:
        hits = [{c: 0 for c in numeric} for _ in CHANGES]
        dataset = [0] * len(CHANGES)
        anyone = [0] * len(CHANGES)
        for s in range(seeds):
            # the reference is the seed's first day, the same for every change: drawn once, then the
            # generator is put back where drawing it left it, so each change's day is as if drawn after it
            rng = np.random.default_rng(1_000_003 * s + n)
            ref = day(rng, n)
            state = rng.bit_generator.state
            for ci, (column, label, kw) in enumerate(CHANGES):
                rng.bit_generator.state = state
                cur = day(rng, n, column, **kw)
                flags = {c: drifted(c, ref[c], cur[c], numeric[c]) for c in numeric}
                for c in numeric:
                    hits[ci][c] += flags[c]
                dataset[ci] += sum(flags.values()) >= 2
                anyone[ci] += any(flags.values())
            if (s + 1) % 25 == 0 and s + 1 < seeds:
                # a long run (n = 1e6) that is stopped keeps its first seeds' table, on stderr
                print(f"after seeds 0-{s} of n = {n}:", file=sys.stderr)
                rows(n, hits, dataset, anyone, s + 1, sys.stderr)
        rows(n, hits, dataset, anyone, seeds)


if __name__ == "__main__":
    main()
