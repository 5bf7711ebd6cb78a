#!/usr/bin/env bash
# Per-label precision and recall of `surprisal notes scan` on a labelled real-text set
# (EvaluationSet: held-back Debian READMEs, copyright files and licences, with planted copies,
# near-copies, excerpts, templates, short and repetitive notes), and duplicate/excerpt recall of
# MinHash LSH at datasketch's defaults on the same notes (bench/notes_eval.py). Results: docs/benchmarks.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="${JAR:-$root/surprisal-cli/target/surprisal.jar}"
[[ -f "$jar" ]] || (cd "$root" && mvn -B -q -DskipTests package -pl surprisal-cli -am)
S="${SCRATCH:-/tmp/surprisal-notes-eval}"
rm -rf "$S"; mkdir -p "$S"
{ cat "$root/bench/notes-heldback-readmes.txt"; ls /usr/share/common-licenses/*; ls /usr/share/doc/*/copyright; } > "$S/sources.txt"
java -cp "$jar" dev.surprisal.text.notes.EvaluationSet "$S/kb" "${SEED:-1}" "${BASE:-300}" "$S/sources.txt"
/usr/bin/time -f "scan: %e s wall" java -jar "$jar" notes scan "$S/kb" --json > "$S/scan.json"
python3 "$root/bench/notes_eval.py" "$S/kb" "$S/truth.tsv" "$S/scan.json"
