#!/usr/bin/env bash
# Side-by-side benchmark: surprisal-vae (DJL 0.36 + PyTorch 2.7.1 CPU, from Java) against a faithful
# PyTorch copy (bench/vae_bench.py, Debian's python3-torch), same data, threads, epochs and batch size,
# alternating in one run so both sides see the same machine load.
#
#   bench/vae_bench.sh [EPOCHS=2] [SEEDS="1 2 3"] [THREADS="1"]
#
# THREADS may list several counts ("1 2"); each is given to both sides (--threads / set_num_threads).
# Env: VAE_BENCH_OUT (output dir), VAE_BENCH_CP (a class path to run instead of compiling this
# checkout), VAE_BENCH_BEFORE_JAR (an older surprisal.jar timed in the same run, e.g. main's),
# VAE_BENCH_GENERIC=1 (a diagnostic: also time the Java side without the MKL shim, i.e. with oneMKL's generic code
# path on AMD). The Java side runs as ./surprisal runs `vae`: on an AuthenticAMD processor, unless
# SURPRISAL_MKL_INTEL_PATH=0, with surprisal-vae/src/main/c/mkl_intel_path.c built here (cc) and preloaded, so that
# the oneMKL inside DJL's libtorch picks its kernels by instruction set (docs/benchmarks.md, vae19).
# Needs: apt-get install dataset-fashion-mnist python3-torch (and gcc for the shim). The Java side runs with no network
# (unshare -n when available) and an empty DJL engine cache, to show the native library comes from
# the jar on the classpath. Results: $OUT/summary.json, $OUT/load.txt (uptime before and after) and
# a table on stdout. Times are wall-clock seconds of the training epochs only (evaluation excluded).
set -euo pipefail
cd "$(dirname "$0")/.."
EPOCHS=${1:-2}
SEEDS=${2:-"1 2 3"}
THREADS=${3:-1}
OUT=${VAE_BENCH_OUT:-bench/out/vae-e$EPOCHS}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)   # absolute, so that a relative or absolute VAE_BENCH_OUT both work
export OMP_WAIT_POLICY=PASSIVE

if [[ -n "${VAE_BENCH_CP:-}" ]]; then
  CP="$VAE_BENCH_CP"
else
  mvn -B -q -o -pl surprisal-cli -am compile dependency:build-classpath \
      -Dmdep.outputFile="$OUT/cp.txt" -Dmdep.includeScope=runtime >/dev/null
  CP="surprisal-cli/target/classes:surprisal-vae/target/classes:surprisal-core/target/classes:surprisal-data/target/classes:$(cat "$OUT/cp.txt")"
fi
NONET=""
if unshare -n true 2>/dev/null; then NONET="unshare -n"; fi
CACHE=$(mktemp -d)
SHIM=""
if [[ "${SURPRISAL_MKL_INTEL_PATH:-1}" != 0 ]] && grep -q -m1 '^vendor_id.*AuthenticAMD' /proc/cpuinfo 2>/dev/null; then
  # the launcher's rule (./surprisal, "vae on AMD processors"): the shim is what a user of the command gets
  if cc -O2 -shared -fPIC -o "$OUT/libsurprisal-mkl-intel.so" surprisal-vae/src/main/c/mkl_intel_path.c; then
    SHIM="$OUT/libsurprisal-mkl-intel.so"
  fi
fi
# the launcher's malloc rule for vae (./surprisal: freed tensor memory stays in the process); VAE_BENCH_MALLOC=0 leaves
# glibc's defaults, to measure the rule
TUNABLES=""
if [[ "${VAE_BENCH_MALLOC:-1}" != 0 ]]; then
  TUNABLES=glibc.malloc.mmap_threshold=268435456:glibc.malloc.trim_threshold=1073741824:glibc.malloc.top_pad=67108864
fi
echo "Java side: ${SHIM:+MKL shim preloaded ($SHIM)}${SHIM:-no MKL shim}; GLIBC_TUNABLES=${TUNABLES:-(glibc defaults)}" \
    | tee "$OUT/shim.txt" >&2
echo "start $(nproc) cores: $(uptime)" | tee "$OUT/load.txt" >&2

for t in $THREADS; do
  for s in $SEEDS; do
    echo "== threads $t seed $s: surprisal (Java, DJL) ==" >&2
    rm -rf "$OUT/java-t$t-s$s"
    ENGINE_CACHE_DIR="$CACHE" LD_PRELOAD="$SHIM" GLIBC_TUNABLES="$TUNABLES" $NONET java -Xmx4g -Dai.djl.offline=true -cp "$CP" dev.surprisal.cli.SurprisalCommand \
        vae train --epochs "$EPOCHS" --seed "$s" --threads "$t" --quiet --out "$OUT/java-t$t-s$s" >&2
    if [[ "${VAE_BENCH_GENERIC:-0}" == 1 ]]; then
      echo "== threads $t seed $s: surprisal without the MKL shim (MKL's generic path on AMD, diagnostic) ==" >&2
      rm -rf "$OUT/generic-t$t-s$s"
      ENGINE_CACHE_DIR="$CACHE" GLIBC_TUNABLES="$TUNABLES" $NONET java -Xmx4g -Dai.djl.offline=true -cp "$CP" \
          dev.surprisal.cli.SurprisalCommand vae train --epochs "$EPOCHS" --seed "$s" --threads "$t" --quiet \
          --out "$OUT/generic-t$t-s$s" >&2
    fi
    echo "== threads $t seed $s: PyTorch (python3-torch) ==" >&2
    /usr/bin/python3 bench/vae_bench.py --epochs "$EPOCHS" --seed "$s" --threads "$t" > "$OUT/pytorch-t$t-s$s.jsonl"
    if [[ -n "${VAE_BENCH_BEFORE_JAR:-}" ]]; then
      echo "== threads $t seed $s: surprisal before ($VAE_BENCH_BEFORE_JAR) ==" >&2
      rm -rf "$OUT/before-t$t-s$s"
      ENGINE_CACHE_DIR="$CACHE" $NONET java -Xmx4g -Dai.djl.offline=true -jar "$VAE_BENCH_BEFORE_JAR" \
          vae train --epochs "$EPOCHS" --seed "$s" --threads "$t" --quiet --out "$OUT/before-t$t-s$s" >&2
    fi
    echo "after threads $t seed $s: $(uptime)" | tee -a "$OUT/load.txt" >&2
  done
done
rm -rf "$CACHE"

/usr/bin/python3 - "$OUT" "$EPOCHS" "$THREADS" "$SEEDS" <<'PY'
import json, os, sys, statistics as st
out, epochs, threads, seeds = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(), sys.argv[4].split()
summary = dict(unit="nats per image; seconds per training epoch (wall)", epochs=epochs, seeds=seeds,
               java_side=open(f"{out}/shim.txt").read().strip(),
               load=open(f"{out}/load.txt").read().splitlines(), by_threads={})
for t in threads:
    java = {s: json.load(open(f"{out}/java-t{t}-s{s}/metrics.json")) for s in seeds}
    py = {s: [json.loads(l) for l in open(f"{out}/pytorch-t{t}-s{s}.jsonl")] for s in seeds}
    before = {s: json.load(open(f"{out}/before-t{t}-s{s}/metrics.json")) for s in seeds
              if os.path.exists(f"{out}/before-t{t}-s{s}/metrics.json")}
    generic = {s: json.load(open(f"{out}/generic-t{t}-s{s}/metrics.json")) for s in seeds
               if os.path.exists(f"{out}/generic-t{t}-s{s}/metrics.json")}
    rows = []
    for e in range(1, epochs + 1):
        r = dict(epoch=e,
                 surprisal_test=st.mean(m[e-1]["testReconstruction"] + m[e-1]["testKl"] for m in java.values()),
                 pytorch_test=st.mean(m[e-1]["test"] for m in py.values()),
                 surprisal_seconds=st.mean(m[e-1]["seconds"] for m in java.values()),
                 pytorch_seconds=st.mean(m[e-1]["seconds"] for m in py.values()))
        r["rel_diff"] = (r["surprisal_test"] - r["pytorch_test"]) / r["pytorch_test"]
        r["time_ratio"] = r["surprisal_seconds"] / r["pytorch_seconds"]
        if before:
            r["before_seconds"] = st.mean(m[e-1]["seconds"] for m in before.values())
            r["before_test"] = st.mean(m[e-1]["testReconstruction"] + m[e-1]["testKl"] for m in before.values())
        if generic:
            r["generic_path_seconds"] = st.mean(m[e-1]["seconds"] for m in generic.values())
            r["generic_path_ratio"] = r["generic_path_seconds"] / r["pytorch_seconds"]
        rows.append(r)
    summary["by_threads"][t] = dict(rows=rows, mean_time_ratio=st.mean(r["time_ratio"] for r in rows))
    print(f"threads {t} on both sides, seeds {' '.join(seeds)} (means over seeds)")
    print("epoch  surprisal -ELBO  pytorch -ELBO   diff    surprisal s/epoch  pytorch s/epoch  ratio"
          + ("  before s/epoch  before -ELBO" if before else "")
          + ("  no-shim s/epoch  ratio" if generic else ""))
    for r in rows:
        print(f"{r['epoch']:5d}  {r['surprisal_test']:15.3f}  {r['pytorch_test']:13.3f}  {100*r['rel_diff']:+5.2f}%  "
              f"{r['surprisal_seconds']:17.2f}  {r['pytorch_seconds']:15.2f}  {r['time_ratio']:5.2f}"
              + (f"  {r['before_seconds']:14.2f}  {r['before_test']:12.3f}" if before else "")
              + (f"  {r['generic_path_seconds']:15.2f}  {r['generic_path_ratio']:5.2f}" if generic else ""))
    print(f"mean time ratio surprisal/pytorch at {t} thread(s): {summary['by_threads'][t]['mean_time_ratio']:.2f}")
print("load (uptime):")
print("\n".join(summary["load"]))
json.dump(summary, open(f"{out}/summary.json", "w"), indent=2)
PY
