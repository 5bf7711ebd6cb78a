#!/usr/bin/env python3
"""Writes the two CSVs of bench/mi_bench.sh (seeded, numpy only).

two.csv:   ROWS x 2 continuous columns, y = x^2 + 0.5 N(0,1), x ~ N(0,1) (a U-shape: r ~ 0).
mixed.csv: ROWS x 20 columns: 8 continuous (c0..c7), 4 binary 0/1 (b0..b3), 4 discrete counts 0..9
           (d0..d3), 3 text categories (t0..t2, 5 values each) and the target y (0/1), which depends on
           c0 (U-shape), c1 (monotone), b0 and t0; the other columns are independent of it.
Usage: gen_mi_tables.py ROWS DIR
"""
import sys

import numpy as np

rows = int(float(sys.argv[1]))
out = sys.argv[2]
rng = np.random.default_rng(20261130)

x = rng.normal(size=rows)
y = x ** 2 + 0.5 * rng.normal(size=rows)
with open(f"{out}/two.csv", "w") as f:
    f.write("x,y\n")
    np.savetxt(f, np.c_[x, y], delimiter=",", fmt="%.9g")

c = rng.normal(size=(rows, 8))
b = (rng.uniform(size=(rows, 4)) < 0.3).astype(int)
d = rng.poisson(3, size=(rows, 4)).clip(0, 9)
t = rng.integers(0, 5, size=(rows, 3))
logit = -1.5 + 0.8 * c[:, 0] ** 2 + 0.6 * c[:, 1] + 0.5 * b[:, 0] + 0.3 * (t[:, 0] == 2)
target = (rng.uniform(size=rows) < 1 / (1 + np.exp(-logit))).astype(int)
names = ["c%d" % i for i in range(8)] + ["b%d" % i for i in range(4)] + ["d%d" % i for i in range(4)] \
    + ["t%d" % i for i in range(3)] + ["y"]
letters = np.array(list("abcde"))
with open(f"{out}/mixed.csv", "w") as f:
    f.write(",".join(names) + "\n")
    chunk = 100_000
    for s in range(0, rows, chunk):
        e = min(rows, s + chunk)
        cols = [np.char.mod("%.6g", c[s:e, i]) for i in range(8)] + [b[s:e, i].astype(str) for i in range(4)] \
            + [d[s:e, i].astype(str) for i in range(4)] + [letters[t[s:e, i]] for i in range(3)] \
            + [target[s:e].astype(str)]
        f.write("\n".join(",".join(r) for r in zip(*cols)) + "\n")
