#!/usr/bin/env bash
# Detection power of the default drift rule (docs/drift.md, section 6), through the library in memory:
# dev.surprisal.drift.power.PowerTable (test scope). Arguments: seeds (default 200) and sample sizes
# (default 500,10000); a size m/N scores days of m rows against a reference of N rows (small days).
# Prints a Markdown table.
#   bench/drift_power.sh 200 500,10000
#   bench/drift_power.sh 200 50/35000,100/35000,200/35000,50,100   # small days (docs/drift.md section 6)
#   bench/drift_power.sh 200 1000000 log=power-1e6.log  # 1e6 rows: about a minute of CPU per seed; each seed
#       is appended to the log as it ends, and a second run with the same log runs only the seeds missing
#   bench/drift_power.sh 100 1000000 targets  # no change and the targeted changes only
#   bench/drift_power.sh 200 500,5000,10000 text  # one high-cardinality text column (docs/drift.md section 6)
# Evidently's documented default rules on the same data-generating process: bench/drift_power_evidently.py.
set -euo pipefail
cd "$(dirname "$0")/.."
SEEDS=${1:-200}
SIZES=${2:-500,10000}
CP_FILE=$(mktemp)
trap 'rm -f "$CP_FILE"' EXIT
# one reactor build: the sibling modules resolve to their target/classes; the last module (drift) writes the file
mvn -B -q -o -pl surprisal-drift -am test-compile dependency:build-classpath -Dmdep.outputFile="$CP_FILE" \
  -Dmdep.includeScope=test >/dev/null
CP="surprisal-drift/target/test-classes:surprisal-drift/target/classes:$(cat "$CP_FILE")"
if [[ "${3:-}" == text ]]; then
  # one high-cardinality text column (free-text comments): dev.surprisal.drift.power.TextPowerTable
  exec java -Xmx6g -cp "$CP" dev.surprisal.drift.power.TextPowerTable "$SEEDS" "$SIZES"
fi
if [[ "${3:-}" == zinf ]]; then
  # one zero-inflated amount (80% zeros, lognormal rest): dev.surprisal.drift.power.ZeroInflatedPowerTable
  exec java -Xmx6g -cp "$CP" dev.surprisal.drift.power.ZeroInflatedPowerTable "$SEEDS" "$SIZES"
fi
exec java -Xmx6g -cp "$CP" dev.surprisal.drift.power.PowerTable "$SEEDS" "$SIZES" "${@:3}"
