#!/usr/bin/env python3
"""A table of 12 few-valued columns for `mi --matrix` (bench/mi_matrix_cost.sh): flags with rare values, skewed
categories of 3 to 12 values, two dependent pairs, so that some pairs' tables have an expected count below 5 (random
tables decide their p) and others not (the G-test). Usage: gen_matrix_table.py ROWS OUT.csv [SEED]."""
import random
import sys

rows = int(float(sys.argv[1]))
out = sys.argv[2]
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)


def pick(values, weights):
    return rng.choices(values, weights)[0]


with open(out, "w") as f:
    f.write("refunded,churned,vip,plan,region,channel,status,weekday,tier,device,source,segment\n")
    for _ in range(rows):
        plan = pick(["free", "basic", "pro", "team"], [70, 20, 8, 2])
        churned = 1 if rng.random() < (0.25 if plan == "free" else 0.08) else 0  # depends on plan
        tier = plan if rng.random() < 0.7 else pick(["free", "basic", "pro", "team"], [1, 1, 1, 1])  # near-copy
        f.write(",".join(str(v) for v in [
            1 if rng.random() < 0.01 else 0,
            churned,
            1 if rng.random() < 0.03 else 0,
            plan,
            pick(["r%d" % i for i in range(8)], [40, 20, 12, 10, 8, 6, 3, 1]),
            pick(["web", "app", "phone", "store", "fax"], [50, 35, 10, 4, 1]),
            pick(["ok", "late", "void"], [90, 9, 1]),
            rng.randrange(7),
            tier,
            pick(["ios", "android", "desktop", "tv", "watch", "car"], [30, 30, 30, 6, 3, 1]),
            pick(["s%d" % i for i in range(12)], [30, 20, 10, 10, 8, 6, 5, 4, 3, 2, 1, 1]),
            pick("abc", [60, 30, 10]),
        ]) + "\n")
