"""Golden values for the tour's y = x^2 stop (surprisal-cli QuadraticSection).

Regenerates the tour's 2000 points exactly: x = -3 + 6 u, y = x^2 + 0.1 z with z by Box-Muller from two
more uniforms, every uniform from Java's SplittableRandom(2024).nextDouble() (SplitMix64, re-implemented
below). Then computes, independently of Surprisal: scipy's Pearson r, scikit-learn's
mutual_info_regression (k = 3) for several random_state values, and the true MI by numerical integration.
Writes surprisal-cli/src/test/resources/golden/tour_quadratic.json.
"""
import json
import os

import numpy as np
import sklearn
from scipy import stats
from sklearn.feature_selection import mutual_info_regression

M = (1 << 64) - 1
GOLDEN_GAMMA = 0x9E3779B97F4A7C15


class SplittableRandom:
    def __init__(self, seed):
        self.seed = seed & M

    @staticmethod
    def _mix64(z):
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
        return z ^ (z >> 31)

    def next_double(self):
        self.seed = (self.seed + GOLDEN_GAMMA) & M
        return (self._mix64(self.seed) >> 11) * 2.0 ** -53


N, SEED, NOISE = 2000, 2024, 0.1
r = SplittableRandom(SEED)
x = np.empty(N)
y = np.empty(N)
for i in range(N):
    x[i] = -3 + 6 * r.next_double()
    u1, u2 = r.next_double(), r.next_double()
    z = np.sqrt(-2 * np.log1p(-u1)) * np.cos(2 * np.pi * u2)
    y[i] = x[i] * x[i] + NOISE * z

sk = {str(s): float(mutual_info_regression(x.reshape(-1, 1), y, n_neighbors=3, random_state=s)[0])
      for s in (0, 1, 2, 42)}

# true MI = h(Y) - h(Y|X); h(Y|X) = 0.5 ln(2 pi e s^2); h(Y) from the density of Y by quadrature
xs = np.linspace(-3, 3, 20001)
ys = np.linspace(-1, 10, 22001)
f = np.array([np.trapz(stats.norm.pdf(v - xs ** 2, scale=NOISE), xs) / 6 for v in ys])
hy = -np.trapz(np.where(f > 0, f * np.log(np.where(f > 0, f, 1)), 0), ys)
true_mi = float(hy - 0.5 * np.log(2 * np.pi * np.e * NOISE * NOISE))

out = {
    "generator": "tools/reference/tour_quadratic.py",
    "sklearn": sklearn.__version__,
    "n": N, "seed": SEED,
    "first_points": [[float(x[i]), float(y[i])] for i in range(3)],
    "pearson_r": float(stats.pearsonr(x, y)[0]),
    "sklearn_mutual_info_regression_nats": sk,
    "true_mi_nats": true_mi,
}
path = os.path.join(os.path.dirname(__file__), "..", "..", "surprisal-cli", "src", "test", "resources",
                    "golden", "tour_quadratic.json")
os.makedirs(os.path.dirname(path), exist_ok=True)
with open(path, "w") as fh:
    json.dump(out, fh, indent=2)
    fh.write("\n")
print(json.dumps(out, indent=2))
