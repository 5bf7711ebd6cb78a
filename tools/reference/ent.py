#!/usr/bin/env python3
"""Golden values for surprisal-text's EntAnalysis: runs Debian's `ent` (plain and -t) on
deterministically generated files and writes surprisal-text/src/test/resources/golden/ent.json.
The input files are written under golden/ent/ and committed (total well under 2 MB)."""
import json, os, random, subprocess

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "surprisal-text", "src", "test", "resources", "golden")
DIR = os.path.join(ROOT, "ent")
os.makedirs(DIR, exist_ok=True)

rng = random.Random(20240605)
words = "the of and entropy information surprisal bound code length compress note file byte text".split()
text = " ".join(rng.choice(words) for _ in range(4000)).encode()
licence = "/usr/share/common-licenses/GPL-3"
files = {
    "random-64k.bin": bytes(rng.getrandbits(8) for _ in range(65536)),
    "random-1m.bin": rng.randbytes(1 << 20),
    "text.txt": text,
    "zeros-100.bin": bytes(100),
    "small-7.bin": b"abcdefg",
    "one-byte.bin": b"a",
    "two-values.bin": bytes([0, 255] * 500),
    "ramp-1000.bin": bytes(i % 256 for i in range(1000)),
    "biased-5000.bin": bytes(min(255, int(rng.expovariate(1 / 40))) for _ in range(5000)),
}
if os.path.exists(licence):
    files["gpl3.txt"] = open(licence, "rb").read()

out = {"generator": "tools/reference/ent.py", "program": "Debian ent 1.2debian (ent -t and plain ent)", "cases": []}
for name, data in sorted(files.items()):
    path = os.path.join(DIR, name)
    with open(path, "wb") as f:
        f.write(data)
    terse = subprocess.run(["ent", "-t", path], capture_output=True, text=True, check=True).stdout
    plain = subprocess.run(["ent", path], capture_output=True, text=True, check=True).stdout
    out["cases"].append({"file": "ent/" + name, "terse": terse, "plain": plain})

with open(os.path.join(ROOT, "ent.json"), "w") as f:
    json.dump(out, f, indent=1)
print("wrote", len(out["cases"]), "cases")
