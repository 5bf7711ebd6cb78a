// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
//
// libsurprisal-mkl-intel.so: lets the oneMKL inside DJL's libtorch use its fast matrix kernels on AMD processors.
//
// Why: DJL's PyTorch 2.7.1 (libtorch_cpu.so) statically links oneMKL 2024.0 and does the VAE's linear layers with
// its SGEMM. MKL picks its kernels by CPU type, and on a processor whose vendor is not Intel it takes its generic
// code path whatever the processor supports: on an AMD EPYC with AVX-512 the VAE's 128 x 784 x 400 products ran at
// 80-90 GFLOP/s instead of 160-190, and a training epoch took 1.6-1.7x PyTorch's (docs/benchmarks.md, vae19).
// MKL_CBWR and MKL_ENABLE_INSTRUCTIONS do not change this.
//
// How: libtorch_cpu.so exports MKL's two vendor checks and calls them through its procedure linkage table, so a
// library preloaded before it (LD_PRELOAD) supplies these definitions instead. MKL then detects the processor's
// instruction sets itself (CPUID feature bits, as on an Intel processor) and picks the matching kernels: AVX-512 on
// Zen 4 and later, AVX2 on Zen 2 and 3, so no instruction the processor lacks is ever chosen here. Overriding only
// mkl_serv_intel_cpu (without the _true one) gave SSE2 kernels; forcing mkl_serv_cpu_detect to a fixed type would
// pick AVX-512 on a processor without it (a crash), so this file does neither.
//
// Risk: it relies on two internal, unversioned MKL symbols. If a later libtorch no longer exports or calls them, the
// preload does nothing (MKL keeps its generic path); the results are the same float32 products either way (the
// VAE's losses agree to float32 rounding: 1e-5 relative in VaeMklIntelPathTest, 5e-5 on a full epoch's test
// loss). ./surprisal builds it with the C compiler when one is present, preloads it for `vae` on AuthenticAMD
// processors only, and SURPRISAL_MKL_INTEL_PATH=0 switches it off.
// A Java program using surprisal-vae gets the same with:
//   cc -O2 -shared -fPIC -o libsurprisal-mkl-intel.so mkl_intel_path.c
//   LD_PRELOAD=$PWD/libsurprisal-mkl-intel.so java ...

/** MKL asks whether this is an Intel processor: yes, so that it chooses kernels by instruction set. */
int mkl_serv_intel_cpu(void) { return 1; }

/** The same question, asked where MKL detects the CPU type (cpu_detect): yes. */
int mkl_serv_intel_cpu_true(void) { return 1; }
