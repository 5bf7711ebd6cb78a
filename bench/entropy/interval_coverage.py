# SPDX-License-Identifier: Apache-2.0
# Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
"""Coverage of bootstrap intervals of entropy estimates (ent15; docs/mi-estimators.md "Entropy intervals").

For each law (a 5-value categorical, a 50-value Zipf law, a normal, an exponential) and n in 50, 200, 1,000:
R samples, each with B = 1,000 resamples, and how often the percentile, basic, normal and BCa 95% intervals of the
plug-in, Miller-Madow and Vasicek estimates hold the true entropy. Writes sim.json (the table) and rows.json (per
sample: the share of values seen once, to set EntropyInterval.MAX_SINGLETON_SHARE).

    python3 bench/entropy/interval_coverage.py 400     # about 15 CPU minutes
"""
import numpy as np, sys, json
from scipy.stats import norm
rng = np.random.default_rng(2026)
R = int(sys.argv[1]) if len(sys.argv) > 1 else 300
B = 1000
def plugin(c, n):
    p = c / n
    with np.errstate(divide='ignore', invalid='ignore'):
        return -np.nansum(np.where(p > 0, p * np.log(p), 0.0), axis=-1)
def mm(c, n):
    return plugin(c, n) + ((c > 0).sum(axis=-1) - 1) / (2 * n)
def vasicek(xs):  # xs sorted along last axis
    n = xs.shape[-1]; m = int(np.floor(np.sqrt(n) + 0.5))
    X = np.concatenate([np.repeat(xs[..., :1], m, -1), xs, np.repeat(xs[..., -1:], m, -1)], -1)
    d = X[..., 2*m:] - X[..., :-2*m]
    with np.errstate(divide='ignore'):
        return np.mean(np.log(n / (2 * m) * d), axis=-1)
def intervals(est, th, jack=None):
    th = np.sort(th); lo, hi = np.quantile(th, [0.025, 0.975])
    out = {'percentile': (lo, hi), 'basic': (2*est-hi, 2*est-lo)}
    sd = th.std(ddof=1); out['normal'] = (est - 1.96*sd, est + 1.96*sd)
    if jack is not None:
        below = np.mean(th < est) + 0.5*np.mean(th == est)
        if 0 < below < 1:
            z0 = norm.ppf(below); d = jack.mean() - jack
            a = (d**3).sum() / (6 * ((d**2).sum())**1.5) if (d**2).sum() > 0 else 0
            zs = norm.ppf([0.025, 0.975]); p = norm.cdf(z0 + (z0+zs)/(1 - a*(z0+zs)))
            out['bca'] = tuple(np.quantile(th, p))
        else:
            out['bca'] = (np.nan, np.nan)
    return out
res = {}
rows = []
laws = {'cat5': np.array([0.4, 0.25, 0.15, 0.12, 0.08])}
z = 1.0 / np.arange(1, 51); laws['zipf50'] = z / z.sum()
for name, p in laws.items():
    for stat_name, stat in [('plug-in', plugin), ('miller-madow', mm)]:
        truth = plugin(p, 1.0)
        for n in (50, 200, 1000):
            hits = {}; widths = {}
            for r in range(R):
                c = rng.multinomial(n, p).astype(float)
                est = stat(c, n)
                th = stat(rng.multinomial(n, c / n, size=B).astype(float), n)
                # jackknife: leaving out one row of category k
                ks = np.nonzero(c)[0]
                jv = np.array([stat(c - (np.arange(len(c)) == k), n - 1) for k in ks])
                jack = np.repeat(jv, c[ks].astype(int))
                f1 = float((c == 1).sum()) / n
                for meth, (lo, hi) in intervals(est, th, jack).items():
                    hits[meth] = hits.get(meth, 0) + (lo <= truth <= hi)
                    rows.append((name, stat_name, n, meth, f1, bool(lo <= truth <= hi)))
                    widths[meth] = widths.get(meth, 0) + (hi - lo) / R
            res[f'{name} {stat_name} n={n}'] = {m: (int(hits[m]), R, round(widths[m], 4)) for m in hits}
            print(f'{name:7s} {stat_name:12s} n={n:5d} truth={truth:.4f} ' + ' '.join(f'{m}={hits[m]/R:.3f}' for m in hits), flush=True)
cont = {'normal': (lambda k: rng.standard_normal(k), 0.5*np.log(2*np.pi*np.e)),
        'exponential': (lambda k: rng.exponential(1.0, k), 1.0)}
for name, (draw, truth) in cont.items():
    for n in (50, 200, 1000):
        hits = {}; widths = {}; dhits = {}
        for r in range(R):
            x = np.sort(draw(n)); est = vasicek(x)
            idx = rng.integers(0, n, size=(B, n))
            th = vasicek(np.sort(x[idx], axis=1))
            # distinct-rows variant: estimate on the resample's distinct values only (like the kNN advice)
            thd = np.array([vasicek(np.unique(x[i])) for i in idx[:300]]) if n <= 200 else None
            iv = intervals(est, th)
            for meth, (lo, hi) in iv.items():
                hits[meth] = hits.get(meth, 0) + (lo <= truth <= hi)
                widths[meth] = widths.get(meth, 0) + (hi - lo) / R
            if thd is not None:
                lo, hi = np.quantile(thd, [0.025, 0.975]); dhits['distinct-pct'] = dhits.get('distinct-pct', 0) + (lo <= truth <= hi)
                sd = thd.std(ddof=1); dhits['distinct-normal'] = dhits.get('distinct-normal', 0) + (est-1.96*sd <= truth <= est+1.96*sd)
        hits.update(dhits)
        res[f'{name} vasicek n={n}'] = {m: (int(hits[m]), R, round(widths.get(m, float('nan')), 4)) for m in hits}
        print(f'{name:11s} vasicek n={n:5d} truth={truth:.4f} ' + ' '.join(f'{m}={hits[m]/R:.3f}' for m in hits), flush=True)
json.dump(rows, open('rows.json', 'w'))
json.dump(res, open('sim.json', 'w'), indent=1)
