#!/usr/bin/python3
"""Golden values for dev.surprisal.variational, from numpy/scipy (independent implementations).

Writes surprisal-core/src/test/resources/golden/variational.json.
"""
import json, os
import numpy as np
from scipy.stats import multivariate_normal
from scipy.special import logsumexp

W = np.array([[1.0, 0.5], [-0.3, 2.0], [0.7, -1.1], [0.2, 0.4]])
b = np.array([0.5, -1, 0, 2])
s2 = 0.3
x = np.array([1.2, 0.4, -0.9, 2.5])

# evidence of the linear-Gaussian model: x ~ N(b, W W^T + s2 I)
log_evidence = multivariate_normal(mean=b, cov=W @ W.T + s2 * np.eye(4)).logpdf(x)
# posterior via Bayes' rule in joint-Gaussian form (Schur complement), not the precision form the Java uses
C = W @ W.T + s2 * np.eye(4)
post_mean = W.T @ np.linalg.solve(C, x - b)
post_cov = np.eye(2) - W.T @ np.linalg.solve(C, W)


def kl_full(m0, S0, m1, S1):
    k = len(m0)
    S1i = np.linalg.inv(S1)
    d = m1 - m0
    return 0.5 * (np.trace(S1i @ S0) + d @ S1i @ d - k + np.linalg.slogdet(S1)[1] - np.linalg.slogdet(S0)[1])


m0, S0 = np.array([0.5, -1, 2]), np.array([[2, 0.6, 0.2], [0.6, 1, -0.3], [0.2, -0.3, 0.5]])
m1, S1 = np.array([0, 0, 1]), np.array([[1, 0.2, 0], [0.2, 1.5, 0.1], [0, 0.1, 0.8]])
lw = [-1000.5, -1001.0, -999.25, -1003.0, -1000.0]
out = {
    "linearGaussian": {"logEvidence": log_evidence, "posteriorMean": post_mean.tolist(),
                        "posteriorCov": post_cov.tolist()},
    "klFull": {"mu0": m0.tolist(), "cov0": S0.tolist(), "mu1": m1.tolist(), "cov1": S1.tolist(),
               "kl": kl_full(m0, S0, m1, S1)},
    "logWeights": {"w": lw, "logSumExp": float(logsumexp(lw)), "logMeanExp": float(logsumexp(lw) - np.log(len(lw)))},
}
path = os.path.join(os.path.dirname(__file__), "../../surprisal-core/src/test/resources/golden/variational.json")
os.makedirs(os.path.dirname(path), exist_ok=True)
with open(path, "w") as f:
    json.dump(out, f, indent=2)
