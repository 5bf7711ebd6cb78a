#!/usr/bin/env bash
# Calibrates the absolute low-information thresholds of `surprisal notes` on real Debian text, and
# checks them on held-back READMEs (docs/notes-labels.md states the result).
#  - bench/notes-calibration-files.txt: READMEs (half of them, by a hash of the path), every 4th
#    Debian changelog, the licences in /usr/share/common-licenses, every 4th man page in man1/5/8
#    (gcloud's excluded: not from Debian's archive);
#  - bench/notes-heldback-readmes.txt: the other half of the READMEs, never used to calibrate.
# The lists are committed; `--relist` regenerates them from this machine's /usr/share.
# NoteCalibration decompresses .gz itself.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="${JAR:-$root/surprisal-cli/target/surprisal.jar}"
[[ -f "$jar" ]] || (cd "$root" && mvn -B -q -DskipTests package -pl surprisal-cli -am)
cal="$root/bench/notes-calibration-files.txt"
held="$root/bench/notes-heldback-readmes.txt"
if [[ "${1:-}" == "--relist" || ! -f "$cal" ]]; then
  readmes=$(find /usr/share/doc -maxdepth 2 -type f -iname 'README*' | LC_ALL=C sort)
  : > "$cal"; : > "$held"
  while IFS= read -r f; do
    if (( 0x$(printf '%s' "$f" | md5sum | cut -c1-2) % 2 == 0 )); then echo "$f" >> "$cal"; else echo "$f" >> "$held"; fi
  done <<< "$readmes"
  find /usr/share/doc -maxdepth 2 -type f -name 'changelog.Debian.gz' | LC_ALL=C sort | awk 'NR % 4 == 1' >> "$cal"
  find /usr/share/common-licenses -type f | LC_ALL=C sort >> "$cal"
  find /usr/share/man/man1 /usr/share/man/man5 /usr/share/man/man8 -maxdepth 1 -type f -name '*.gz' ! -name 'gcloud*' \
    | LC_ALL=C sort | awk 'NR % 4 == 1' >> "$cal"
fi
echo "calibration files: $(wc -l < "$cal"); held-back READMEs: $(wc -l < "$held")"
echo "== calibration (low-information rules off)"
java -cp "$jar" dev.surprisal.text.notes.NoteCalibration "$cal" "${SCRATCH:-/tmp}/notes-calibration.tsv"
echo "== held-back READMEs, default thresholds"
java -cp "$jar" dev.surprisal.text.notes.NoteCalibration --check "$held" "${SCRATCH:-/tmp}/notes-heldback.tsv"
