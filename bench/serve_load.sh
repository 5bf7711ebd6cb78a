#!/usr/bin/env bash
# surprisal serve under load: runs the LoadTest (tag slow) of surprisal-server — 20 concurrent API
# clients for 60 s on 4 monitors over a DuckDB store, a check in ten requests — and prints its
# read-latency percentiles with the machine's load average, as quoted in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
echo "before: $(uptime)"
mvn -B -q -o verify -Pslow -pl surprisal-server -am -Dtest=LoadTest -Dsurefire.failIfNoSpecifiedTests=false \
  -DfailIfNoTests=false
cat surprisal-server/target/load-test.txt
echo "after: $(uptime)"
