"""The tour's y = x^2 example checked against scikit-learn and numerical integration.

Input: the 2000 points of QuadraticSection (x ~ U(-3,3), y = x^2 + N(0, 0.1^2), Java SplittableRandom
seed 2024), written as CSV by `surprisal mi`-independent code; usage:
    /usr/bin/python3 tools/reference/tour_quadratic.py quad.csv
Prints Pearson r, sklearn's mutual_info_regression (k=3, several random_state values) and the true MI.
"""
import sys

import numpy as np
import sklearn
from scipy import stats
from sklearn.feature_selection import mutual_info_regression

data = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1)
x, y = data[:, 0], data[:, 1]
print("sklearn", sklearn.__version__)
print("pearson r", stats.pearsonr(x, y)[0])
for seed in (0, 1, 2, 42):
    print("mutual_info_regression random_state=%d" % seed,
          mutual_info_regression(x.reshape(-1, 1), y, n_neighbors=3, random_state=seed)[0])

# true MI = h(Y) - h(Y|X), h(Y|X) = 0.5 ln(2 pi e s^2); h(Y) from the density of Y by quadrature
s = 0.1
xs = np.linspace(-3, 3, 20001)
ys = np.linspace(-1, 10, 22001)
f = np.array([np.trapz(stats.norm.pdf(v - xs ** 2, scale=s), xs) / 6 for v in ys])
hy = -np.trapz(np.where(f > 0, f * np.log(np.where(f > 0, f, 1)), 0), ys)
print("true MI (nats)", hy - 0.5 * np.log(2 * np.pi * np.e * s * s))
