// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.core.Printable;
import dev.surprisal.data.roles.LabelVariants;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How every message shows a cell's text (drift's new and invalid values, the baseline, the report, the server's
 * answers, {@code entropy --data}'s and {@code mi}'s notes): quoted so that two different cells never print alike,
 * and a list of values with their counts and first cells. One implementation, so that a verb's note and a drift
 * alarm name the same cell the same way.
 */
public final class CellText {
    private CellText() {
    }

    /**
     * A value as messages show it: between double quotes, with a {@code "} or {@code \} inside escaped by a
     * {@code \}, and its control characters written as escapes by {@link Printable#escapeValue} ({@code \t},
     * {@code \n}, {@code \r}, {@code \e} for ESC, {@code \xNN}), the one escaping of user text on a terminal,
     * so that what is shown is exactly the cell and nothing in it reaches the terminal raw. Characters that
     * print as nothing or as a plain space are written {@code \\uXXXX} too (a no-break space {@code \\u00A0},
     * a zero-width space {@code \\u200B}, other Unicode spaces and format characters), and every non-ASCII
     * character of a value not in Unicode's NFC form ({@code "Zu\\u0308rich"}, the decomposed spelling of
     * {@code "Zürich"}), so two different values never print alike.
     *
     * @param value a cell's text
     * @return it quoted
     */
    public static String quote(String value) {
        String escaped = Printable.escapeValue(value.replace("\\", "\\\\").replace("\"", "\\\""));
        boolean nfc = Normalizer.isNormalized(value, Normalizer.Form.NFC);
        StringBuilder b = new StringBuilder(escaped.length() + 2).append('"');
        escaped.codePoints().forEach(c -> {
            if (c >= 0x80 && (!nfc || LabelVariants.invisible(c))) {
                b.append(c <= 0xFFFF ? String.format(Locale.ROOT, "\\u%04X", c)
                        : String.format(Locale.ROOT, "\\u{%X}", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.append('"').toString();
    }

    /**
     * Values as every message lists them (drift's invalid bin in the check's alarm line and table note, the
     * baseline, the report, {@code --explain}; the notes of {@code entropy --data} on invalid and missing cells),
     * in the order given, each quoted ({@link #quote}) with its count and, when known, its first cell:
     * {@code "n/a-ish" ×312 (first: line 17), "abc" ×1 (line 40), and 14 cells of other values}. Values of a profile
     * stored before they were counted are listed as stored, the first cell of each, without counts.
     *
     * @param values the values named (at most {@link InvalidCell#KEPT} for invalid cells), each with its count and
     *               first cell ({@link InvalidCell#where()} null when not known: then no parenthesis)
     * @param total  the cells of all values, named or not (the rest is "and N cells of other values")
     * @return the list, or "" when no value is named
     */
    public static String listed(List<InvalidCell> values, long total) {
        List<String> parts = new ArrayList<>();
        for (InvalidCell c : values) {
            parts.add(quote(c.value()) + (c.counted() ? String.format(Locale.ROOT, " ×%,d", c.count()) : "")
                    + (c.where() == null ? "" : (c.count() == 1 ? " (" : " (first: ") + c.where() + ")"));
        }
        long others = InvalidCell.others(total, values);
        return String.join(", ", parts) + (parts.isEmpty() || others <= 0 ? ""
                : String.format(Locale.ROOT, ", and %,d cell%s of other values", others, others == 1 ? "" : "s"));
    }
}
