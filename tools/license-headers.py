#!/usr/bin/env python3
"""Puts the licence header on every Java source file that lacks it (idempotent).

    /usr/bin/python3 tools/license-headers.py          # add where missing
    /usr/bin/python3 tools/license-headers.py --check  # exit 1 listing the files without it
"""
import pathlib
import sys

HEADER = ("// SPDX-License-Identifier: Apache-2.0\n"
          "// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.\n")
root = pathlib.Path(__file__).resolve().parent.parent
missing = []
for path in sorted(root.rglob("*.java")):
    if any(part in ("target", ".git") for part in path.parts):
        continue
    text = path.read_text(encoding="utf-8")
    if text.startswith("// SPDX-License-Identifier:"):
        continue
    missing.append(path.relative_to(root))
    if "--check" not in sys.argv:
        path.write_text(HEADER + text, encoding="utf-8")
if "--check" in sys.argv and missing:
    print("no licence header:", *missing, sep="\n  ")
    sys.exit(1)
print(f"{len(missing)} file(s) {'without a header' if '--check' in sys.argv else 'given the header'}")
