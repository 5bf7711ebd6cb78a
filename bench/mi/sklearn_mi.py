#!/usr/bin/env python3
"""The Python side of bench/mi_bench.sh: pandas read_csv + sklearn mutual_info_regression(n_neighbors=3),
in one process, on the target column y against every other column. Prints the MI values (nats)."""
import sys

import pandas as pd
from sklearn.feature_selection import mutual_info_regression

df = pd.read_csv(sys.argv[1])
X = df.drop(columns=["y"])
mi = mutual_info_regression(X, df["y"], n_neighbors=3, random_state=42)
print(" ".join(f"{c}={v:.4f}" for c, v in zip(X.columns, mi)))
