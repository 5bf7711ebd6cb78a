#!/usr/bin/env bash
# Regenerates every golden-value JSON file used by the Java tests.
# Each tools/reference/*.py script computes reference values with Debian's scipy / scikit-learn
# (or runs a reference program such as `ent`) and writes JSON into a module's src/test/resources/golden/.
# Needs: apt-get install python3-scipy python3-sklearn python3-mpmath ent ; run with Debian's /usr/bin/python3.
set -euo pipefail
cd "$(dirname "$0")"
for script in *.py; do
  echo "== $script"
  /usr/bin/python3 "$script"
done
