#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
# Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
"""German Excel price exports and pandas' reading of them (cells13, GermanPricesScenarioTest).

Writes to surprisal-cli/src/test/resources/golden/german_prices/:
  ref.csv, day.csv  two days of 3,000 orders (UTF-8 BOM, CRLF, ';'), prices lognormal(6, 1) euros, a third
                    written as whole euros with '.' thousands groups (1.299), the others with two decimals
                    (1.299,00, 19,99, 569,97); a few missing prices; an order id, an ISO time and a 0/1 flag
  x3.csv            a day whose prices tripled
  whole.csv         a day of whole euros only (1.299, 569): no decimal comma at all, so only the
                    baseline's frozen convention says that 1.299 is 1299
  pandas.json       per file, pandas.read_csv(sep=';', decimal=',', thousands='.', encoding='utf-8-sig')'s
                    reading of Preis: count, sum, min, max, and the first 20 values
Run: /usr/bin/python3 tools/reference/german_prices.py (numpy and pandas 1.5).
"""
import json
import os

import numpy as np
import pandas as pd

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "surprisal-cli", "src", "test", "resources", "golden",
                   "german_prices")


def german(x, decimals):
    """x as German Excel writes it: '.' thousands groups, a decimal comma."""
    s = f"{x:,.{decimals}f}"
    return s.replace(",", "_").replace(".", ",").replace("_", ".")


def write(name, seed, factor, whole_only=False):
    rng = np.random.default_rng(seed)
    rows = ["\ufeffBestellnummer;Zeit;Preis;Storniert"]
    for i in range(3000):
        price = round(float(np.exp(6 + rng.standard_normal())) * factor, 2)
        if i % 97 == 5:
            cell = ""
        elif 10 <= i < 14 and not whole_only:
            # the cells the review names: 1.299,00, 1.299, 19,99, 569,97 (times the day's factor)
            value, decimals = [(1299.0, 2), (1299, 0), (19.99, 2), (569.97, 2)][i - 10]
            cell = german(value * factor, decimals)
        elif whole_only or i % 3 == 0:
            cell = german(round(price), 0)
        else:
            cell = german(price, 2)
        minute = int(rng.integers(0, 24 * 60))
        rows.append(f"{100000 + i};2024-05-{1 + seed % 28:02d} {minute // 60:02d}:{minute % 60:02d}:00;{cell};"
                    f"{int(rng.random() < 0.08)}")
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\r\n".join(rows) + "\r\n")
    return path


def main():
    os.makedirs(OUT, exist_ok=True)
    files = {"ref.csv": write("ref.csv", 1, 1), "day.csv": write("day.csv", 2, 1), "x3.csv": write("x3.csv", 3, 3),
             "whole.csv": write("whole.csv", 4, 1, whole_only=True)}
    golden = {}
    for name, path in files.items():
        df = pd.read_csv(path, sep=";", decimal=",", thousands=".", encoding="utf-8-sig")
        p = df["Preis"]
        assert p.dtype == np.float64, (name, p.dtype)
        golden[name] = {"count": int(p.count()), "sum": float(p.sum()), "min": float(p.min()), "max": float(p.max()),
                        "first": [None if np.isnan(v) else float(v) for v in p.iloc[:20]]}
    with open(os.path.join(OUT, "pandas.json"), "w") as f:
        json.dump({"generator": "tools/reference/german_prices.py", "pandas": pd.__version__, "files": golden}, f,
                  indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
