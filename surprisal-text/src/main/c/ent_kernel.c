// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
//
// libsurprisal-ent.so: the optional native kernel of ByteStreamStats (`surprisal file --terse`, `--ent`), the
// same sums as its Java loop, which stays the reference and the path whenever this library is not loaded.
//
// Why: the Java loop spends 0.66-0.70 ns per byte on this VM (AMD EPYC, AVX-512), and OpenJDK 17's C2 vectorises
// none of it: the lag-1 products and the Monte Carlo test are scalar there (docs/benchmarks.md, terse18), the
// incubating Vector API wins warm but loses on a one-shot 1 GiB run (terse19). Here the lag products are vectorised
// (0.03 ns/byte with AVX-512), the Monte Carlo points go eight per step with AVX-512 and four with AVX2 (0.013 and
// 0.05 ns/byte against 0.19 scalar), and only the byte-pair counters stay scalar (0.19 ns/byte), with no JIT warm-up:
// 0.20 ns/byte in all with AVX-512, 0.22 with AVX2, 0.39 with SSE2 alone (docs/benchmarks.md, native20).
//
// What: every sum is an exact integer, so the results are identical to the Java loop's bit for bit
// (NativeEntKernelTest compares them on random, constant and odd-length inputs, at every vector level the processor
// has). The state is a direct buffer
// owned by one ByteStreamStats: 65,536 uint32 counters of aligned byte pairs (index: the first byte in the low 8
// bits), 256 uint64 byte counts, the Monte Carlo hits and the pairs counted since the last fold.
//
// Build (./surprisal does this after a build, and whenever this file is newer; optional: without a C compiler or
// the JDK's jni.h everything runs in Java):
//   cc -O3 -shared -fPIC -I"$JAVA_HOME/include" -I"$JAVA_HOME/include/linux" -o libsurprisal-ent.so ent_kernel.c
// and load it with -Dsurprisal.native.kernel=/path/to/libsurprisal-ent.so. Plain -O3: the vector code is chosen at
// run time from the processor's features (target attributes, __builtin_cpu_supports), so the library is safe to copy to
// another x86-64 machine.
#include <jni.h>
#include <stdint.h>
#include <string.h>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

/** The ABI this file implements; NativeEntKernel refuses a library that answers another number. */
#define ENT_KERNEL_ABI 1
/** Pairs a uint32 counter may take before the counters are folded; tests build with a small value. */
#ifndef FOLD_AFTER
#define FOLD_AFTER 0x7fffffffULL
#endif
/** ent's in-circle radius squared, (256^3 - 1)^2. */
#define RADIUS_SQ ((uint64_t) 0xffffff * (uint64_t) 0xffffff)
/** Bytes per sub-block: a multiple of 24 that keeps each part's loads in L1 and its products under 2^32. */
#define SUB 16368

typedef struct {
    uint32_t pairs[1 << 16];
    uint64_t counts[256];
    uint64_t hits;
    uint64_t unfolded;
} ent_state;

static void fold(ent_state *s) {
    for (int i = 0; i < (1 << 16); i++) {
        uint32_t c = s->pairs[i];
        if (c != 0) {
            s->counts[i & 0xff] += c;
            s->counts[i >> 8] += c;
            s->pairs[i] = 0;
        }
    }
    s->unfolded = 0;
}

/** Sum of q[i] * q[i + 1] for i < n - 1; n <= SUB, so 255 * 255 * SUB < 2^32. gcc vectorises the loop. */
#define LAG_PRODUCTS_BODY                              \
    uint32_t l = 0;                                    \
    for (int64_t i = 0; i < n - 1; i++) {              \
        l += (uint32_t) q[i] * q[i + 1];               \
    }                                                  \
    return l;

static uint32_t lag_products_plain(const uint8_t *q, int64_t n) {
    LAG_PRODUCTS_BODY
}

#if defined(__x86_64__) && defined(__GNUC__)
/**
 * SSE2 (every x86-64): 16 products per step, the bytes widened to 16 bits and multiplied and summed in pairs
 * (pmaddwd); gcc's own SSE2 code for the loop took 0.36 ns/byte here, this 0.24 (AVX2 0.06, AVX-512 0.03). The loads reach
 * q[i + 16], so the loop stops one byte short and the plain loop does the rest.
 */
static uint32_t lag_products_sse2(const uint8_t *q, int64_t n) {
    const __m128i zero = _mm_setzero_si128();
    __m128i acc = zero;
    int64_t i = 0;
    for (; i + 17 <= n; i += 16) {
        __m128i a = _mm_loadu_si128((const __m128i *) (q + i));
        __m128i b = _mm_loadu_si128((const __m128i *) (q + i + 1));
        acc = _mm_add_epi32(acc, _mm_madd_epi16(_mm_unpacklo_epi8(a, zero), _mm_unpacklo_epi8(b, zero)));
        acc = _mm_add_epi32(acc, _mm_madd_epi16(_mm_unpackhi_epi8(a, zero), _mm_unpackhi_epi8(b, zero)));
    }
    uint32_t lanes[4];
    _mm_storeu_si128((__m128i *) lanes, acc);
    uint32_t l = lanes[0] + lanes[1] + lanes[2] + lanes[3];
    // the products from q[i] on, q[i] * q[i + 1] included, as the plain loop would give them
    return l + lag_products_plain(q + i, n - i);
}

__attribute__((target("avx2")))
static uint32_t lag_products_avx2(const uint8_t *q, int64_t n) {
    LAG_PRODUCTS_BODY
}

__attribute__((target("avx512f,avx512bw")))
static uint32_t lag_products_avx512(const uint8_t *q, int64_t n) {
    LAG_PRODUCTS_BODY
}
#endif

/** Monte Carlo hits of the n / 6 groups at q: x the first three bytes, y the next three, big-endian. */
static uint64_t monte_scalar(const uint8_t *q, int64_t n) {
    uint64_t h = 0;
    for (int64_t g = 0; g + 6 <= n; g += 6) {
        uint64_t x = ((uint64_t) q[g] << 16) | ((uint64_t) q[g + 1] << 8) | q[g + 2];
        uint64_t y = ((uint64_t) q[g + 3] << 16) | ((uint64_t) q[g + 4] << 8) | q[g + 5];
        h += x * x + y * y <= RADIUS_SQ;
    }
    return h;
}

#if defined(__x86_64__) && defined(__GNUC__)
/**
 * Eight groups (48 bytes) per step: a masked load (no read past the 48 bytes), two byte permutations into eight
 * 64-bit lanes of x and of y, two 64-bit multiplications, one unsigned compare; exact, since x^2 + y^2 < 2^49.
 */
__attribute__((target("avx512f,avx512bw,avx512dq,avx512vbmi")))
static uint64_t monte_avx512(const uint8_t *q, int64_t n) {
    uint8_t ix[64], iy[64];
    for (int j = 0; j < 8; j++) {
        for (int b = 0; b < 8; b++) {
            ix[8 * j + b] = b < 3 ? (uint8_t) (6 * j + 2 - b) : 0;
            iy[8 * j + b] = b < 3 ? (uint8_t) (6 * j + 5 - b) : 0;
        }
    }
    const __m512i vx = _mm512_loadu_si512(ix);
    const __m512i vy = _mm512_loadu_si512(iy);
    const __m512i r2 = _mm512_set1_epi64((long long) RADIUS_SQ);
    const __mmask64 low3 = 0x0707070707070707ULL;
    uint64_t h = 0;
    int64_t g = 0;
    for (; g + 48 <= n; g += 48) {
        __m512i d = _mm512_maskz_loadu_epi8(0x0000ffffffffffffULL, q + g);
        __m512i x = _mm512_maskz_permutexvar_epi8(low3, vx, d);
        __m512i y = _mm512_maskz_permutexvar_epi8(low3, vy, d);
        __m512i s = _mm512_add_epi64(_mm512_mullo_epi64(x, x), _mm512_mullo_epi64(y, y));
        h += (uint64_t) __builtin_popcount(_mm512_cmple_epu64_mask(s, r2));
    }
    return h + monte_scalar(q + g, n - g);
}
#endif

#if defined(__x86_64__) && defined(__GNUC__)
/**
 * Four groups (24 bytes) per step on AVX2: two 16-byte loads (bytes 0-15 and 12-27, so each 128-bit lane holds two
 * whole groups), a byte shuffle within each lane into four 64-bit lanes of x and of y, 32 x 32 -> 64-bit products
 * (x, y < 2^24), a signed compare (x^2 + y^2 < 2^49). The loads reach 4 bytes past the 24, so the loop stops 4 bytes
 * short of the end and the scalar loop does the rest.
 */
__attribute__((target("avx2")))
static uint64_t monte_avx2(const uint8_t *q, int64_t n) {
    const __m256i ix = _mm256_setr_epi8(2, 1, 0, -1, -1, -1, -1, -1, 8, 7, 6, -1, -1, -1, -1, -1,
                                        2, 1, 0, -1, -1, -1, -1, -1, 8, 7, 6, -1, -1, -1, -1, -1);
    const __m256i iy = _mm256_setr_epi8(5, 4, 3, -1, -1, -1, -1, -1, 11, 10, 9, -1, -1, -1, -1, -1,
                                        5, 4, 3, -1, -1, -1, -1, -1, 11, 10, 9, -1, -1, -1, -1, -1);
    const __m256i r2 = _mm256_set1_epi64x((long long) RADIUS_SQ);
    uint64_t outside = 0;
    int64_t g = 0;
    for (; g + 28 <= n; g += 24) {
        __m256i d = _mm256_inserti128_si256(_mm256_castsi128_si256(_mm_loadu_si128((const __m128i *) (q + g))),
                _mm_loadu_si128((const __m128i *) (q + g + 12)), 1);
        __m256i x = _mm256_shuffle_epi8(d, ix);
        __m256i y = _mm256_shuffle_epi8(d, iy);
        __m256i sum = _mm256_add_epi64(_mm256_mul_epu32(x, x), _mm256_mul_epu32(y, y));
        outside += (uint64_t) __builtin_popcount(_mm256_movemask_pd(_mm256_castsi256_pd(_mm256_cmpgt_epi64(sum, r2))));
    }
    return (uint64_t) (g / 6) - outside + monte_scalar(q + g, n - g);
}
#endif

/** The processor's vector level, read once: 2 for the AVX-512 subsets used here, 1 for AVX2, 0 for neither. */
static int vector_level = -1;
/** The highest level tests allow (NativeEntKernel.vectorLevel), so every path is compared on one machine. */
static int vector_cap = 2;

static int detect(void) {
    if (vector_level < 0) {
#if defined(__x86_64__) && defined(__GNUC__)
        __builtin_cpu_init();
        vector_level = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw")
                && __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vbmi") ? 2
                : __builtin_cpu_supports("avx2") ? 1 : 0;
#else
        vector_level = 0;
#endif
    }
    return vector_level;
}

static int level(void) {
    int l = detect();
    return l < vector_cap ? l : vector_cap;
}

static uint32_t lag_products(const uint8_t *q, int64_t n) {
#if defined(__x86_64__) && defined(__GNUC__)
    switch (level()) {
    case 2: return lag_products_avx512(q, n);
    case 1: return lag_products_avx2(q, n);
    default: return lag_products_sse2(q, n);
    }
#else
    return lag_products_plain(q, n);
#endif
}

static uint64_t monte(const uint8_t *q, int64_t n) {
#if defined(__x86_64__) && defined(__GNUC__)
    switch (level()) {
    case 2: return monte_avx512(q, n);
    case 1: return monte_avx2(q, n);
    default: break;
    }
#endif
    return monte_scalar(q, n);
}

/**
 * Counts steps x 24 bytes of the direct buffer buf from index off into the state, which starts a Monte Carlo group;
 * prev is the byte before them (0 at the start of the stream). Returns prev * b0 plus the lag products inside the
 * bytes; the byte counts and hits stay in the state until drain. -1 when a buffer is not direct or the bytes lie
 * outside it (the Java side checks both first).
 */
JNIEXPORT jlong JNICALL Java_dev_surprisal_text_file_NativeEntKernel_steps(JNIEnv *env, jclass cls, jobject buf,
        jint off, jint steps, jlong prev, jobject state) {
    (void) cls;
    uint8_t *base = (uint8_t *) (*env)->GetDirectBufferAddress(env, buf);
    ent_state *s = (ent_state *) (*env)->GetDirectBufferAddress(env, state);
    if (steps <= 0) {
        return 0;
    }
    if (base == NULL || s == NULL || off < 0
            || (int64_t) off + (int64_t) steps * 24 > (int64_t) (*env)->GetDirectBufferCapacity(env, buf)) {
        return -1;
    }
    const uint8_t *p = base + off;
    int64_t len = (int64_t) steps * 24;
    uint64_t lag = (uint64_t) prev * p[0];
    uint64_t hits = 0;
    for (int64_t at = 0; at < len; at += SUB) {
        int64_t n = len - at < SUB ? len - at : SUB;
        const uint8_t *q = p + at;
        if (s->unfolded + (uint64_t) n / 2 > FOLD_AFTER) {
            fold(s);
        }
        uint32_t *t = s->pairs;
        for (int64_t i = 0; i < n; i += 2) {
            uint16_t v;
            memcpy(&v, q + i, 2);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
            v = (uint16_t) ((v >> 8) | (v << 8));
#endif
            t[v]++;
        }
        s->unfolded += (uint64_t) n / 2;
        lag += lag_products(q, n);
        if (at + n < len) {
            lag += (uint64_t) q[n - 1] * q[n];
        }
        hits += monte(q, n);
    }
    s->hits += hits;
    return (jlong) lag;
}

/**
 * Folds the pair counters, adds the byte counts to counts (a long[256]) and returns the Monte Carlo hits; the state
 * is zero afterwards. -1 on a bad argument.
 */
JNIEXPORT jlong JNICALL Java_dev_surprisal_text_file_NativeEntKernel_drain(JNIEnv *env, jclass cls, jobject state,
        jlongArray counts) {
    (void) cls;
    ent_state *s = (ent_state *) (*env)->GetDirectBufferAddress(env, state);
    if (s == NULL || (*env)->GetArrayLength(env, counts) != 256) {
        return -1;
    }
    fold(s);
    jlong c[256];
    (*env)->GetLongArrayRegion(env, counts, 0, 256, c);
    for (int b = 0; b < 256; b++) {
        c[b] += (jlong) s->counts[b];
        s->counts[b] = 0;
    }
    (*env)->SetLongArrayRegion(env, counts, 0, 256, c);
    jlong hits = (jlong) s->hits;
    s->hits = 0;
    return hits;
}

/** The bytes of state one ByteStreamStats allocates (direct, zeroed). */
JNIEXPORT jint JNICALL Java_dev_surprisal_text_file_NativeEntKernel_stateBytes(JNIEnv *env, jclass cls) {
    (void) env;
    (void) cls;
    return (jint) sizeof(ent_state);
}

/** Caps the vector level at cap (0 SSE2 on x86-64, else plain C; 1 AVX2; 2 AVX-512) and returns the level now used; for tests. */
JNIEXPORT jint JNICALL Java_dev_surprisal_text_file_NativeEntKernel_vectorLevel(JNIEnv *env, jclass cls, jint cap) {
    (void) env;
    (void) cls;
    vector_cap = cap;
    return level();
}

/** ENT_KERNEL_ABI, checked when the library is loaded. */
JNIEXPORT jint JNICALL Java_dev_surprisal_text_file_NativeEntKernel_abi(JNIEnv *env, jclass cls) {
    (void) env;
    (void) cls;
    return ENT_KERNEL_ABI;
}
