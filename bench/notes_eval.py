#!/usr/bin/env python3
"""Scores `surprisal notes scan --json` against an EvaluationSet's truth.tsv, per label, and compares
duplicate and excerpt recall with MinHash LSH at datasketch's defaults, re-implemented here because
the datasketch package cannot be installed on this machine:
  MinHash(num_perm=128, seed=1, hashfunc=sha1_hash32): permutations (a, b) drawn by
  numpy.random.RandomState(1).randint as datasketch draws them, h -> ((a*h + b) mod (2^61 - 1)) & (2^32 - 1)
  with numpy's uint64 wrap-around, as datasketch computes it;
  MinHashLSH(threshold=0.5, weights=(0.5, 0.5)): bands and rows from datasketch's _optimal_param
  (integrals by scipy.integrate.quad), candidates = notes sharing any band.
Shingles: 5-word shingles of NFKC-lowercased letter/digit runs with digits mapped to 0 (the analyser's
words). A planted copy counts as found by LSH when its source is among its candidates; that is an
upper bound on what LSH-based labelling can reach (no verification step can find a pair LSH misses).
Usage: notes_eval.py KB_DIR TRUTH_TSV SCAN_JSON"""
import csv, collections, hashlib, json, re, struct, sys, unicodedata
import numpy as np
from scipy.integrate import quad

kb, truth_file, scan_file = sys.argv[1:4]
truth = list(csv.DictReader(open(truth_file), delimiter='\t'))
got = {n['path']: n for n in json.load(open(scan_file))['notes']}
labels = ['duplicate', 'too-short', 'template', 'near-duplicate', 'excerpt', 'low-information', 'genuine']
conf = collections.Counter((t['truth'], got[t['path']]['label']) for t in truth)
print('label            n   precision  recall')
for l in labels:
    tp = conf[(l, l)]
    pred = sum(v for (a, b), v in conf.items() if b == l)
    act = sum(v for (a, b), v in conf.items() if a == l)
    print(f"{l:16s} {act:3d}   {tp / pred if pred else float('nan'):.3f}      {tp / act if act else float('nan'):.3f}")
wrong = [t for t in truth if got[t['path']]['label'] != t['truth']]
for t in wrong[:15]:
    print('  miss:', t['path'], t['kind'], t['amount'], '->', got[t['path']]['label'], '|', got[t['path']]['reason'][:110])
named = [t for t in truth if t['source'] != '-']
print(f"copies naming their planted original: {sum(got[t['path']].get('copyOf') == t['source'] for t in named)} of {len(named)}")

# ---- MinHash LSH at datasketch's defaults
MP, MAXH, NUM_PERM = np.uint64((1 << 61) - 1), np.uint64((1 << 32) - 1), 128
gen = np.random.RandomState(seed=1)
perms = np.array([(gen.randint(1, MP, dtype=np.uint64), gen.randint(0, MP, dtype=np.uint64))
                  for _ in range(NUM_PERM)], dtype=np.uint64).T

def optimal_param(threshold, num_perm, fpw=0.5, fnw=0.5):
    best, opt = float('inf'), (0, 0)
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            fp = quad(lambda s: 1 - (1 - s ** r) ** b, 0.0, threshold)[0]
            fn = quad(lambda s: 1 - (1 - (1 - s ** r) ** b), threshold, 1.0)[0]
            if fp * fpw + fn * fnw < best:
                best, opt = fp * fpw + fn * fnw, (b, r)
    return opt

def words(text):
    text = re.sub(r'https?://\S+', ' ', unicodedata.normalize('NFKC', text).lower())
    return [re.sub(r'\d', '0', w) for w in re.findall(r'[^\W_]+', text)]

def signature(text):
    w = words(text)
    sh = {' '.join(w[i:i + 5]) for i in range(max(1, len(w) - 4))} if w else set()
    hv = np.array([struct.unpack('<I', hashlib.sha1(s.encode('utf8')).digest()[:4])[0] for s in sh], dtype=np.uint64)
    if len(hv) == 0:
        return np.full(NUM_PERM, MAXH, dtype=np.uint64)
    a, b = perms
    with np.errstate(over='ignore'):
        phv = np.bitwise_and((hv[:, None] * a + b) % MP, MAXH)
    return phv.min(axis=0)

B, R = optimal_param(0.5, NUM_PERM)
sigs = {t['path']: signature(open(f"{kb}/{t['path']}", encoding='utf8', errors='replace').read()) for t in truth}
buckets = collections.defaultdict(set)
for p, s in sigs.items():
    for band in range(B):
        buckets[(band, s[band * R:(band + 1) * R].tobytes())].add(p)
cand = collections.defaultdict(set)
for members in buckets.values():
    for p in members:
        cand[p] |= members - {p}

def recall(rows, ours):
    if not rows:
        return 'n/a'
    return f"{sum(ours(t) for t in rows) / len(rows):.3f}"

print(f"\nMinHash LSH, datasketch defaults: num_perm=128, threshold=0.5 -> {B} bands x {R} rows")
print('kind                      n   surprisal (label and original right)   LSH (original among candidates)')
groups = [('exact copies', lambda t: t['truth'] == 'duplicate'),
          ('near-copies 1-10%', lambda t: t['truth'] == 'near-duplicate'),
          ('excerpts 30-49%', lambda t: t['truth'] == 'excerpt' and float(t['amount']) < 0.5),
          ('excerpts 50-70%', lambda t: t['truth'] == 'excerpt' and float(t['amount']) >= 0.5)]
for name, sel in groups:
    rows = [t for t in truth if sel(t)]
    ours = recall(rows, lambda t: got[t['path']]['label'] == t['truth'] and got[t['path']].get('copyOf') == t['source'])
    lsh = recall(rows, lambda t: t['source'] in cand[t['path']])
    print(f"{name:22s} {len(rows):4d}   {ours:>10s}                              {lsh:>6s}")
