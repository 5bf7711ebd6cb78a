#!/usr/bin/python3
"""Writes a wide CSV for bench/wide_bench.sh: COLS columns x ROWS rows, seeded.

Column c<i> is, by i % 7, an id (row number), a 0/1 flag with 5% "NA", a count 0-5 with 2% invalid
"x?" cells, a continuous measure, a city with 10% empty cells, a constant, or a timestamp: the same
kinds as the Java test's Wide table (surprisal-data/src/test/.../profile/Wide.java).
Usage: gen_wide.py COLS ROWS OUT.csv
"""
import random
import sys

cols, rows, out = int(sys.argv[1]), int(float(sys.argv[2])), sys.argv[3]
rng = random.Random(20261130)
cities = ["Oslo", "Lima", "Pune", "Kyiv", "Nice"]
with open(out, "w", newline="") as f:
    f.write(",".join(f"c{c}" for c in range(cols)) + "\n")
    for i in range(rows):
        cells = []
        ts = f"2024-05-01T{i // 3600 % 24:02d}:{i // 60 % 60:02d}:{i % 60:02d}"
        for c in range(cols):
            k = c % 7
            u = rng.random()
            if k == 0:
                cells.append(str(1000 * c + i))
            elif k == 1:
                cells.append("NA" if u < 0.05 else str(rng.getrandbits(1)))
            elif k == 2:
                cells.append("x?" if u < 0.02 else str(rng.randrange(6)))
            elif k == 3:
                cells.append(f"{rng.gauss(0, 10):.3f}")
            elif k == 4:
                cells.append("" if u < 0.10 else cities[rng.randrange(5)])
            elif k == 5:
                cells.append("same")
            else:
                cells.append(ts)
        f.write(",".join(cells) + "\n")
