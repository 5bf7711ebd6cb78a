#!/usr/bin/python3
"""The pandas side of bench/wide_bench.sh: read_csv, then describe() of the numeric columns and
value_counts() of every column (what a user would run to see each column's distribution).
Prints the seconds of each step. Usage: pandas_wide.py FILE.csv
"""
import sys
import time

import pandas as pd

t0 = time.perf_counter()
df = pd.read_csv(sys.argv[1], low_memory=False)
t1 = time.perf_counter()
desc = df.describe()
counts = [df[c].value_counts(dropna=False) for c in df.columns]
t2 = time.perf_counter()
print(f"pandas {pd.__version__}: {df.shape[1]} columns x {df.shape[0]} rows; read_csv {t1 - t0:.2f} s, "
      f"describe + value_counts {t2 - t1:.2f} s ({desc.shape[1]} numeric columns described, "
      f"{sum(len(v) for v in counts)} distinct values counted)")
