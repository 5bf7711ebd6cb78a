# SPDX-License-Identifier: Apache-2.0
# Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
"""The Python half of bench/measures_bench.sh.

  side_by_side.py gen DIR ENT_N MI_N   writes the seeded data as little-endian int32 files: ENT_N labels in
                                       [0,256) (entropy.i32), and two MI_N label arrays over 100 categories
                                       (x.i32, y.i32), y depending on x
  side_by_side.py serve DIR            reads those files, then answers each command on standard input
                                       ("entropy": np.bincount + formula; "mi": sklearn's mutual_info_score)
                                       with one line, WALL_SECONDS CPU_SECONDS VALUE (nats), as the Java worker
                                       (SideBySide) does,
                                       so that the script can alternate the two sides run by run
"""
import os
import sys
import time

import numpy as np


def gen(d, ent_n, mi_n):
    rng = np.random.default_rng(12345)
    ent = rng.integers(0, 256, ent_n, dtype=np.int32)
    x = rng.integers(0, 100, mi_n, dtype=np.int32)
    y = ((x + rng.integers(0, 30, x.size, dtype=np.int32)) % 100).astype(np.int32)
    for name, a in (("entropy", ent), ("x", x), ("y", y)):
        a.astype("<i4").tofile(os.path.join(d, name + ".i32"))


def np_entropy(a):
    c = np.bincount(a)
    c = c[c > 0]
    p = c / a.size
    return float(-(p * np.log(p)).sum())


def serve(d):
    from sklearn.metrics import mutual_info_score
    read = lambda name: np.fromfile(os.path.join(d, name + ".i32"), dtype="<i4")
    ent64 = read("entropy").astype(np.int64)  # numpy's best case: bincount wants intp, converted outside the timing
    x, y = read("x"), read("y")
    np_entropy(ent64)  # one untimed call each, as the Java worker warms up
    mutual_info_score(x, y)
    print("ready: numpy bincount and sklearn mutual_info_score run on 1 thread (no BLAS in these calls)", flush=True)
    for line in sys.stdin:
        cmd = line.strip()
        c0, t0 = time.process_time(), time.perf_counter()
        if cmd == "entropy":
            v = np_entropy(ent64)
        elif cmd == "mi":
            v = float(mutual_info_score(x, y))
        else:
            raise SystemExit(f"command: expected entropy or mi, got {cmd!r}")
        t1 = time.perf_counter()
        print(f"{t1 - t0:.6f} {time.process_time() - c0:.6f} {v:.17g}", flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "gen":
        gen(sys.argv[2], int(float(sys.argv[3])), int(float(sys.argv[4])))
    else:
        serve(sys.argv[2])
