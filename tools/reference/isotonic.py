#!/usr/bin/env python3
"""Golden values for dev.surprisal.dependence.IsotonicRegression (surprisal-core).

Writes surprisal-core/src/test/resources/golden/isotonic.json: inputs and scikit-learn's
IsotonicRegression(increasing=True/False).fit_transform(x, y) on them, for
  * noisy monotone, U-shaped and binary (0/1) responses;
  * x with many ties (rounded), which sklearn pools before PAVA;
  * random data (many violators).
Run with Debian's /usr/bin/python3.
"""
import json
import os

import numpy as np
from sklearn.isotonic import IsotonicRegression

rng = np.random.default_rng(20261130)
cases = []


def add(name, x, y):
    for inc in (True, False):
        fit = IsotonicRegression(increasing=inc).fit_transform(x, y)
        cases.append({"name": name, "increasing": inc, "x": [float(v) for v in x], "y": [float(v) for v in y],
                      "fitted": [float(v) for v in fit]})


x = rng.uniform(0, 10, 60)
add("monotone", x, np.log1p(x) + rng.normal(0, 0.3, 60))
x = rng.uniform(-3, 3, 80)
add("u-shape", x, x ** 2 + rng.normal(0, 1, 80))
x = rng.uniform(0, 60, 200)
u = (x - 30) / 30
add("binary-u", x, (rng.uniform(size=200) < 0.03 + 0.44 * u * u).astype(float))
x = np.round(rng.uniform(0, 5, 100))
add("ties", x, x + rng.normal(0, 2, 100))
add("random", rng.normal(size=50), rng.normal(size=50))
add("single", np.array([1.0]), np.array([2.0]))

out = os.path.join(os.path.dirname(__file__), "..", "..", "surprisal-core", "src", "test", "resources", "golden",
                   "isotonic.json")
with open(out, "w") as f:
    json.dump({"generator": "tools/reference/isotonic.py", "sklearn": __import__("sklearn").__version__,
               "cases": cases}, f)
print("wrote", os.path.normpath(out), len(cases), "cases")
