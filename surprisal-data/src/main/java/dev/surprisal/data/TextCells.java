// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One column's cells: their bytes one after another in a buffer of the column's own (so coding
 * reads memory in order, not the file across rows), where each ends, and its kind. Hashes are made
 * only when the column is coded as text ({@link #column}), so a number column costs none.
 */
final class TextCells {
    static final byte PLAIN_CELL = 0;
    static final byte MISSING_CELL = 1;
    /** Quoted with doubled quotes inside: the raw bytes, unescaped when coded. */
    static final byte ESCAPED_CELL = 2;

    private byte[] bytes;
    private int used;
    private int[] end;
    private byte[] kind;
    private int size;

    TextCells(int cells, int byteCount) {
        bytes = new byte[Math.max(16, byteCount)];
        end = new int[Math.max(16, cells)];
        kind = new byte[end.length];
    }

    /**
     * The text of the first {@code rows} of {@code values}, integers below 10^15 in magnitude or NaN
     * for an empty cell, as {@link Long#toString} writes them: what their cells held when
     * {@link CsvChunk#canonicalInteger} said yes to each.
     */
    static TextCells integers(double[] values, int rows) {
        TextCells k = new TextCells(rows, 8 * rows);
        byte[] digits = new byte[20];
        for (int r = 0; r < rows; r++) {
            double x = values[r];
            if (x != x) {
                k.add(digits, 0, 0, MISSING_CELL);
                continue;
            }
            long v = (long) x;
            long u = Math.abs(v);
            int at = digits.length;
            do {
                digits[--at] = (byte) ('0' + u % 10);
                u /= 10;
            } while (u != 0);
            if (v < 0) {
                digits[--at] = '-';
            }
            k.add(digits, at, digits.length, PLAIN_CELL);
        }
        return k;
    }

    void add(byte[] src, int s, int e, byte k) {
        int n = e - s;
        if (size == end.length) {
            end = Arrays.copyOf(end, 2 * size);
            kind = Arrays.copyOf(kind, 2 * size);
        }
        if (used + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, used + n));
        }
        System.arraycopy(src, s, bytes, used, n);
        used += n;
        end[size] = used;
        kind[size++] = k;
    }

    /**
     * Codes the cells of {@code pieces}, one after another, in order of first appearance; an
     * open-addressing hash of the bytes finds repeats. The table starts small and doubles at half
     * full, so a column of few values (a flag, a city) costs a few hundred bytes, not one slot
     * per row.
     */
    static CategoricalColumn column(TextCells[] pieces, String name, int rows) {
        int[] codes = new int[rows];
        int[] slots = new int[64];
        int mask = slots.length - 1;
        List<String> dictionary = new ArrayList<>();
        FirstCells first = new FirstCells();
        Map<String, Integer> escaped = null;
        int r = 0;
        for (int p = 0; p < pieces.length; p++) {
            TextCells k = pieces[p];
            for (int c = 0; c < k.size; c++, r++) {
                int s = c == 0 ? 0 : k.end[c - 1];
                int e = k.end[c];
                if (k.kind[c] == MISSING_CELL) {
                    codes[r] = CategoricalColumn.MISSING;
                    continue;
                }
                if (k.kind[c] == ESCAPED_CELL) {
                    // a quoted cell with doubled quotes: rare, so it gets a String and a map of its own
                    if (escaped == null) {
                        escaped = new HashMap<>();
                    }
                    String text = decode(k.bytes, s, e).replace("\"\"", "\"");
                    Integer code = escaped.get(text);
                    if (code == null) {
                        code = dictionary.size();
                        first.add(-1, 0, 0); // not in the hash table
                        escaped.put(text, code);
                        dictionary.add(text);
                    }
                    codes[r] = code;
                    continue;
                }
                int h = hash(k.bytes, s, e);
                int at = h & mask;
                int code = -1;
                while (slots[at] != 0) {
                    int candidate = slots[at] - 1;
                    if (first.hash[candidate] == h) {
                        TextCells f = pieces[first.piece[candidate]];
                        int fc = first.cell[candidate];
                        int fs = fc == 0 ? 0 : f.end[fc - 1];
                        if (Arrays.equals(f.bytes, fs, f.end[fc], k.bytes, s, e)) {
                            code = candidate;
                            break;
                        }
                    }
                    at = (at + 1) & mask;
                }
                if (code < 0) {
                    code = dictionary.size();
                    first.add(p, c, h);
                    slots[at] = code + 1;
                    dictionary.add(decode(k.bytes, s, e));
                    if (2 * (code + 1) > slots.length) {
                        slots = first.table(slots.length * 2);
                        mask = slots.length - 1;
                    }
                }
                codes[r] = code;
            }
            if (p == 0 && pieces.length > 1 && 2 * dictionary.size() > k.size) {
                // mostly distinct after the first piece (an id, a timestamp): the table sized for
                // every row at once, instead of doubling a dozen times (a rehash each, JFR)
                int all = (int) Math.min(1 << 30, (long) Integer.highestOneBit(Math.max(32, rows)) << 2);
                if (all > slots.length) {
                    slots = first.table(all);
                    mask = slots.length - 1;
                }
            }
        }
        return CategoricalColumn.wrap(name, codes, dictionary);
    }

/** FNV-1a of {@code b[s, e)}, then MurmurHash3's finaliser: short digit strings must not cluster. */
private static int hash(byte[] b, int s, int e) {
    int h = 0x811C9DC5;
    for (int i = s; i < e; i++) {
        h = (h ^ b[i]) * 0x01000193;
    }
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    return h ^ (h >>> 16);
}

/** Each code's first cell (its piece and index there) and hash: what a repeat is compared with. */
private static final class FirstCells {
    int[] piece = new int[16];
    int[] cell = new int[16];
    int[] hash = new int[16];
    int size;

    /** The next code's first cell; {@code piece} -1 for a code kept out of the hash table. */
    void add(int p, int c, int h) {
        if (size == piece.length) {
            piece = Arrays.copyOf(piece, 2 * size);
            cell = Arrays.copyOf(cell, 2 * size);
            hash = Arrays.copyOf(hash, 2 * size);
        }
        piece[size] = p;
        cell[size] = c;
        hash[size++] = h;
    }

    /** A table of {@code slots} slots (a power of two) holding every hashed code plus one. */
    int[] table(int slots) {
        int[] t = new int[slots];
        int mask = slots - 1;
        for (int code = 0; code < size; code++) {
            if (piece[code] < 0) {
                continue;
            }
            int at = hash[code] & mask;
            while (t[at] != 0) {
                at = (at + 1) & mask;
            }
            t[at] = code + 1;
        }
        return t;
    }
}

/** The text of {@code b[s, e)}: ASCII directly, anything else strictly as UTF-8. */
private static String decode(byte[] b, int s, int e) {
    boolean ascii = true;
    for (int k = s; k < e && ascii; k++) {
        ascii = b[k] >= 0;
    }
    if (ascii) {
        return new String(b, s, e - s, StandardCharsets.ISO_8859_1);
    }
    try {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, s, e - s)).toString();
    } catch (CharacterCodingException x) {
        throw new UncheckedIOException(x);
    }
}
}
