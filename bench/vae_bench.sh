#!/usr/bin/env bash
# Side-by-side benchmark: surprisal-vae (DJL 0.36 + PyTorch 2.7.1 CPU, from Java) against a faithful
# PyTorch copy (bench/vae_bench.py, Debian's python3-torch), same data, threads, epochs and batch size.
#
#   bench/vae_bench.sh [EPOCHS=2] [SEEDS="1 2 3"] [THREADS=1]
#
# Needs: apt-get install dataset-fashion-mnist python3-torch. The Java side runs with no network
# (unshare -n when available) and an empty DJL engine cache, to show the native library comes from
# the jar on the classpath. Results: bench/out/vae-e<EPOCHS>/summary.json and a table on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
EPOCHS=${1:-2}
SEEDS=${2:-"1 2 3"}
THREADS=${3:-1}
OUT=${VAE_BENCH_OUT:-bench/out/vae-e$EPOCHS}
mkdir -p "$OUT"
export OMP_WAIT_POLICY=PASSIVE

mvn -B -q -o -pl surprisal-cli -am compile dependency:build-classpath \
    -Dmdep.outputFile="$PWD/$OUT/cp.txt" -Dmdep.includeScope=runtime >/dev/null
CP="surprisal-cli/target/classes:surprisal-vae/target/classes:surprisal-core/target/classes:surprisal-data/target/classes:$(cat "$OUT/cp.txt")"
NONET=""
if unshare -n true 2>/dev/null; then NONET="unshare -n"; fi
CACHE=$(mktemp -d)

for s in $SEEDS; do
  echo "== seed $s: surprisal (Java, DJL) ==" >&2
  rm -rf "$OUT/java-s$s"
  ENGINE_CACHE_DIR="$CACHE" $NONET java -Xmx4g -Dai.djl.offline=true -cp "$CP" dev.surprisal.cli.SurprisalCommand \
      vae train --epochs "$EPOCHS" --seed "$s" --threads "$THREADS" --quiet --out "$OUT/java-s$s" >&2
  echo "== seed $s: PyTorch (python3-torch) ==" >&2
  /usr/bin/python3 bench/vae_bench.py --epochs "$EPOCHS" --seed "$s" --threads "$THREADS" > "$OUT/pytorch-s$s.jsonl"
done
rm -rf "$CACHE"

/usr/bin/python3 - "$OUT" "$EPOCHS" "$THREADS" $SEEDS <<'PY'
import json, sys, statistics as st
out, epochs, threads, seeds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
java = {s: json.load(open(f"{out}/java-s{s}/metrics.json")) for s in seeds}
py = {s: [json.loads(l) for l in open(f"{out}/pytorch-s{s}.jsonl")] for s in seeds}
rows = []
for e in range(1, epochs + 1):
    j_test = st.mean(m[e-1]["testReconstruction"] + m[e-1]["testKl"] for m in java.values())
    p_test = st.mean(m[e-1]["test"] for m in py.values())
    j_sec = st.mean(m[e-1]["seconds"] for m in java.values())
    p_sec = st.mean(m[e-1]["seconds"] for m in py.values())
    rows.append(dict(epoch=e, surprisal_test=j_test, pytorch_test=p_test, rel_diff=(j_test - p_test) / p_test,
                     surprisal_seconds=j_sec, pytorch_seconds=p_sec, time_ratio=j_sec / p_sec))
summary = dict(unit="nats per image", epochs=epochs, threads=threads, seeds=seeds, rows=rows,
               mean_time_ratio=st.mean(r["time_ratio"] for r in rows))
json.dump(summary, open(f"{out}/summary.json", "w"), indent=2)
print(f"threads {threads}, seeds {' '.join(seeds)} (means over seeds)")
print("epoch  surprisal -ELBO  pytorch -ELBO   diff    surprisal s/epoch  pytorch s/epoch  ratio")
for r in rows:
    print(f"{r['epoch']:5d}  {r['surprisal_test']:15.3f}  {r['pytorch_test']:13.3f}  {100*r['rel_diff']:+5.2f}%  "
          f"{r['surprisal_seconds']:17.1f}  {r['pytorch_seconds']:15.1f}  {r['time_ratio']:5.2f}")
print(f"mean time ratio surprisal/pytorch: {summary['mean_time_ratio']:.2f}")
PY
