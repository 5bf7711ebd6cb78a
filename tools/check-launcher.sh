#!/usr/bin/env bash
# Checks the ./surprisal launcher's start-up archives (surprisal-cli/target/surprisal-short.jsa for
# the short verbs, surprisal.jsa for the others) on a built jar: made on first use, used (picocli's
# classes come from them, not from the jar; a short verb does not open the jar at all), rebuilt when
# older than the jar or than the JDK, and never a broken start when damaged. Runs the launcher
# from another directory through a symbolic link, the way a user with it in PATH does. Exit 0 when
# all hold, 1 with the failed check named. Needs surprisal-cli/target/surprisal.jar (run after the build);
# it replaces the archive, which the launcher remakes anyway. Also checks that the VAE's MKL shim is preloaded for
# `vae` on AMD processors only (step 6), and that `file` uses the native kernel of ent's statistics (step 2c).
set -euo pipefail

root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/surprisal-cli/target/surprisal.jar"
jsa="$root/surprisal-cli/target/surprisal-short.jsa"
jsa_long="$root/surprisal-cli/target/surprisal.jsa"
[[ -f "$jar" ]] || { echo "check-launcher: no $jar; build first (mvn -B -pl surprisal-cli -am -DskipTests package)" >&2; exit 2; }

# 0. the jar holds the library modules' classes as built now: the shade replaces surprisal.jar in place,
#    and a build that reused the last shaded jar as its input kept old library classes (stale code)
for cls in dev/surprisal/data/DuckDbNatives dev/surprisal/core/Base; do
  for mod in "$root"/surprisal-*/target/classes; do
    [[ -f "$mod/$cls.class" ]] || continue
    cmp -s "$mod/$cls.class" <(unzip -p "$jar" "$cls.class") \
      || { echo "check-launcher: FAILED: $cls.class in surprisal.jar differs from $mod (a stale shade)" >&2; exit 1; }
  done
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
ln -s "$root/surprisal" "$work/surprisal"
cd "$work"

fail() { echo "check-launcher: FAILED: $*" >&2; exit 1; }
entropy() { "$work/surprisal" entropy 0.5 0.5; }

# 1. no archive: the first command still answers, and leaves both archives behind
rm -f "$jsa" "$jsa_long"
[[ "$(entropy)" == "1.0" ]] || fail "entropy 0.5 0.5 without an archive did not print 1.0"
[[ -s "$jsa" ]] || fail "no archive at $jsa after the first command"
[[ -s "$jsa_long" ]] || fail "no archive at $jsa_long after the first command"

# 2. the archive is used, for picocli's Java 5 classes too (the dynamic archive refused them)
loads="$(SURPRISAL_JAVA_OPTS=-Xlog:class+load "$work/surprisal" entropy 0.5 0.5)"
grep -q '^\[.*\] picocli\.CommandLine source: shared objects file' <<<"$loads" \
  || fail "picocli.CommandLine was not loaded from the archive: $(grep -m1 ' picocli\.CommandLine ' <<<"$loads")"
grep -q '^\[.*\] dev\.surprisal\.cli\.EntropyCommand source: shared objects file' <<<"$loads" \
  || fail "dev.surprisal.cli.EntropyCommand was not loaded from the archive"
# ... the short verbs' archive, picocli at class-file version 52 (verified when the archive was
# written, not on each start: no "old format" verification), and no jar opened: a miss on the class
# path (picocli's Groovy probe) or -jar read the 12,900-entry central directory on every start
for args in "entropy 0.5 0.5" "--version" "divergence --p 0.5,0.5 --q 0.9,0.1"; do
  # shellcheck disable=SC2086 # $args is a list of words
  trace="$(SURPRISAL_JAVA_OPTS="-Xlog:cds=info -Xlog:verification=info -Dsun.misc.URLClassPath.debug=1" \
           "$work/surprisal" $args 2>&1)"
  grep -q "Opened archive .*/surprisal-short\.jsa" <<<"$trace" || fail "$args did not use surprisal-short.jsa"
  ! grep -q "with old format" <<<"$trace" \
    || fail "$args verified old-format classes at start: $(grep -m1 'with old format' <<<"$trace")"
  ! grep -q "^Opening file:" <<<"$trace" || fail "$args opened a jar: $(grep -m1 '^Opening file:' <<<"$trace")"
done
# ... and the version, read from the archived manifest instead of a resource in the jar, is the build's
[[ "$("$work/surprisal" --version | head -n 1)" =~ ^surprisal\ [0-9]+\.[0-9]+ ]] \
  || fail "--version did not print the version: $("$work/surprisal" --version | head -n 1)"
# ... and for a long verb's classes (the archive is trained on drift and mi too)
{ echo "x,y"; for ((i = 0; i < 100; i++)); do echo "$((i % 7)),$((i % 3))"; done; } >"$work/xy.csv"
loads="$(SURPRISAL_JAVA_OPTS=-Xlog:class+load "$work/surprisal" mi --data "$work/xy.csv" --x x --y y 2>/dev/null)"
grep -q '^\[.*\] dev\.surprisal\.cli\.MiCommand source: shared objects file' <<<"$loads" \
  || fail "dev.surprisal.cli.MiCommand was not loaded from the archive"

# 2b. file --terse (ent's five statistics, a one-shot pass) takes ent's classes from the long verbs'
#     archive, not from the jar (docs/benchmarks.md, terse18)
head -c 4096 /dev/urandom > "$work/r.bin"
loads="$(SURPRISAL_JAVA_OPTS=-Xlog:class+load "$work/surprisal" file --terse "$work/r.bin")"
for cls in dev.surprisal.text.file.EntAnalysis dev.surprisal.text.file.ByteStreamStats dev.surprisal.cli.FileCommand; do
  grep -q "^\[.*\] ${cls//./\\.} source: shared objects file" <<<"$loads" \
    || fail "file --terse loaded $cls from elsewhere than the archive: $(grep -m1 " ${cls//./\\.} " <<<"$loads")"
done

# 2c. file counts with the native kernel (libsurprisal-ent.so, built with the C compiler and the JDK's jni.h when both
#     are there: .ci/run installs gcc), with the same output as the Java loop; SURPRISAL_NATIVE_KERNEL=0 keeps it out
if hash cc 2>/dev/null || hash gcc 2>/dev/null; then
  head -c 300007 /dev/urandom > "$work/r3.bin"
  jni="$(SURPRISAL_JAVA_OPTS=-Xlog:jni+resolve=debug "$work/surprisal" file --terse "$work/r3.bin")"
  [[ -s "$root/surprisal-cli/target/libsurprisal-ent.so" ]] || fail "file did not build libsurprisal-ent.so"
  grep -q "native method dev\.surprisal\.text\.file\.NativeEntKernel\.steps" <<<"$jni" \
    || fail "file --terse did not call the native kernel"
  jni0="$(SURPRISAL_NATIVE_KERNEL=0 SURPRISAL_JAVA_OPTS=-Xlog:jni+resolve=debug "$work/surprisal" file --terse "$work/r3.bin")"
  ! grep -q "NativeEntKernel\.steps" <<<"$jni0" || fail "SURPRISAL_NATIVE_KERNEL=0 still loaded the native kernel"
  [[ "$(grep -v '^\[' <<<"$jni")" == "$(grep -v '^\[' <<<"$jni0")" ]] \
    || fail "the native kernel and the Java loop printed different lines: $(grep -v '^\[' <<<"$jni") / $(grep -v '^\[' <<<"$jni0")"
  [[ "$(SURPRISAL_JAVA_OPTS=-Dsurprisal.native.kernel=/nonexistent.so "$work/surprisal" file --terse "$work/r3.bin")" \
     == "$(grep -v '^\[' <<<"$jni0")" ]] || fail "a missing kernel library changed file --terse's output"
fi

# 3. an archive older than the jar is remade (the JVM would refuse it: it records the jar's time)
touch -d '-1 hour' "$jsa"
before="$(stat -c %Y "$jsa")"
[[ "$(entropy)" == "1.0" ]] || fail "entropy 0.5 0.5 with a stale archive did not print 1.0"
[[ "$(stat -c %Y "$jsa")" -gt "$before" ]] || fail "an archive older than the jar was not remade"

# 4. a damaged archive (newer than the jar, so not remade) is skipped silently, never a broken start
good="$work/good.jsa"
cp "$jsa" "$good"
chmod u+w "$jsa"
head -c 65536 "$good" >"$jsa"
out="$(entropy 2>"$work/err")" || fail "entropy 0.5 0.5 failed with a damaged archive: $(cat "$work/err")"
[[ "$out" == "1.0" && ! -s "$work/err" ]] || fail "a damaged archive changed the output: '$out' / '$(cat "$work/err")'"
cp "$good" "$jsa"

# 5. a JDK installed after the archive (here: a java on PATH made just now) gets a new archive
sleep 1
mkdir "$work/bin"
printf '#!/bin/sh\nexec %q "$@"\n' "$(command -v java)" >"$work/bin/java"
chmod +x "$work/bin/java"
before="$(stat -c %Y "$jsa")"
sleep 1
[[ "$(PATH="$work/bin:$PATH" entropy)" == "1.0" ]] || fail "entropy 0.5 0.5 after a JDK update did not print 1.0"
[[ "$(stat -c %Y "$jsa")" -gt "$before" ]] || fail "an archive older than the installed JDK was not remade"
# ... and only once: the next start keeps it
before="$(stat -c %Y "$jsa")"
sleep 1
[[ "$(PATH="$work/bin:$PATH" entropy)" == "1.0" ]] || fail "entropy 0.5 0.5 did not print 1.0"
[[ "$(stat -c %Y "$jsa")" -eq "$before" ]] || fail "the archive was remade on a start that needed none"

# 6. vae on an AMD processor preloads the MKL shim (libsurprisal-mkl-intel.so, built with the C compiler when there is
#    one); other verbs, other vendors and SURPRISAL_MKL_INTEL_PATH=0 do not. A java on PATH that only reports its
#    LD_PRELOAD stands in for the JVM; the vendor comes from a stand-in /proc/cpuinfo (SURPRISAL_CPUINFO).
shim="$root/surprisal-cli/target/libsurprisal-mkl-intel.so"
mkdir "$work/fake"
printf '#!/bin/sh\necho "LD_PRELOAD=[$LD_PRELOAD]"\n' >"$work/fake/java"
chmod +x "$work/fake/java"
touch "$jsa" "$jsa_long"   # newer than the stand-in java, so that it is not taken for a JDK update
printf 'processor\t: 0\nvendor_id\t: AuthenticAMD\ncpu family\t: 26\n' >"$work/amd"
printf 'processor\t: 0\nvendor_id\t: GenuineIntel\ncpu family\t: 6\n' >"$work/intel"
preload() { PATH="$work/fake:$PATH" SURPRISAL_CPUINFO="$work/$1" "$work/surprisal" "${@:2}"; }
rm -f "$shim"
if hash cc 2>/dev/null || hash gcc 2>/dev/null; then
  [[ "$(preload amd vae train --help)" == "LD_PRELOAD=[$shim]" ]] \
    || fail "vae on AMD did not preload $shim: $(preload amd vae train --help)"
  [[ -s "$shim" ]] || fail "no $shim after vae on AMD with a C compiler"
  [[ "$(LD_PRELOAD=libc.so.6 preload amd vae --help)" == "LD_PRELOAD=[$shim:libc.so.6]" ]] \
    || fail "vae on AMD dropped the user's LD_PRELOAD: $(LD_PRELOAD=libc.so.6 preload amd vae --help)"
else
  echo "check-launcher: no C compiler: only checking that nothing is preloaded" >&2
fi
[[ "$(preload amd entropy 0.5 0.5)" == "LD_PRELOAD=[]" ]] || fail "entropy on AMD preloaded: $(preload amd entropy 0.5 0.5)"
[[ "$(preload amd mi --help)" == "LD_PRELOAD=[]" ]] || fail "mi on AMD preloaded: $(preload amd mi --help)"
[[ "$(preload intel vae train --help)" == "LD_PRELOAD=[]" ]] || fail "vae on Intel preloaded: $(preload intel vae train --help)"
[[ "$(SURPRISAL_MKL_INTEL_PATH=0 preload amd vae train --help)" == "LD_PRELOAD=[]" ]] \
  || fail "SURPRISAL_MKL_INTEL_PATH=0 did not switch the shim off: $(SURPRISAL_MKL_INTEL_PATH=0 preload amd vae train --help)"

# 7. vae keeps freed tensor memory in the process (GLIBC_TUNABLES, unless the user set it); other verbs do not.
printf '#!/bin/sh\necho "GLIBC_TUNABLES=[$GLIBC_TUNABLES]"\n' >"$work/fake/java"
touch "$jsa" "$jsa_long"   # newer than the stand-in java again, so that it is not taken for a JDK update
want="GLIBC_TUNABLES=[glibc.malloc.mmap_threshold=268435456:glibc.malloc.trim_threshold=1073741824:glibc.malloc.top_pad=67108864]"
[[ "$(preload intel vae train --help)" == "$want" ]] || fail "vae did not set the malloc tunables: $(preload intel vae train --help)"
[[ "$(preload intel mi --help)" == "GLIBC_TUNABLES=[]" ]] || fail "mi set malloc tunables: $(preload intel mi --help)"
[[ "$(GLIBC_TUNABLES=glibc.malloc.arena_max=2 preload amd vae --help)" == "GLIBC_TUNABLES=[glibc.malloc.arena_max=2]" ]] \
  || fail "vae replaced the user's GLIBC_TUNABLES: $(GLIBC_TUNABLES=glibc.malloc.arena_max=2 preload amd vae --help)"

echo "check-launcher: all checks passed"
