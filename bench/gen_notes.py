#!/usr/bin/env python3
"""Generates a synthetic knowledge base for bench/text_bench.sh: N notes (default 10,000) of
Zipf-distributed words, about 5 KB each (~50 MB), with 3% exact copies, 3% near copies and a
template family of 2%. Deterministic (seed 1)."""
import os, random, sys

out, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10000
rng = random.Random(1)
vocab = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9))) for _ in range(20000)]
weights = [1.0 / (i + 1) for i in range(len(vocab))]
cum = []
acc = 0.0
for w in weights:
    acc += w
    cum.append(acc)

def prose(words):
    ws = rng.choices(vocab, cum_weights=cum, k=words)
    lines, i = [], 0
    while i < len(ws):
        k = rng.randint(8, 20)
        lines.append(" ".join(ws[i:i + k]) + ".")
        i += k
    paras = ["\n".join(lines[j:j + 5]) for j in range(0, len(lines), 5)]
    return "# " + " ".join(ws[:3]) + "\n\n" + "\n\n".join(paras) + "\n"

os.makedirs(out, exist_ok=True)
texts = []
for i in range(n):
    d = os.path.join(out, "d%02d" % (i % 50))
    os.makedirs(d, exist_ok=True)
    r = rng.random()
    if r < 0.03 and texts:
        t = rng.choice(texts)
    elif r < 0.06 and texts:
        t = rng.choice(texts).replace(" the", " a", 3) + "\nAn extra closing remark.\n"
    elif r < 0.08:
        t = ("weekly status report for the platform team\nno blockers were raised during this review period\n"
             "please update the tracker before the end of the day\n" + prose(20))
    else:
        t = prose(max(120, int(rng.lognormvariate(6.6, 0.5))))
        texts.append(t)
    with open(os.path.join(d, "note-%05d.md" % i), "w") as f:
        f.write(t)
