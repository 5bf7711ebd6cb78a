// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.notes;

/**
 * 64-bit keys for words and lines: FNV-1a over the UTF-16 code units, then the murmur3 finaliser
 * so that every output bit depends on every input bit. The KB counts words and lines by key
 * instead of by string; two distinct strings share a key with probability about 2⁻⁶⁴, so even a
 * KB of 10⁷ distinct lines expects no collision (birthday bound n²/2⁶⁵ ≈ 3·10⁻⁶).
 */
final class TextKey {
    private TextKey() {
    }

    static long of(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return MinHash.mix64(h ^ s.length());
    }
}
