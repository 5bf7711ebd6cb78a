// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.core.Printable;
import dev.surprisal.data.profile.Bins;
import dev.surprisal.data.profile.CategoryBins;
import dev.surprisal.data.roles.DateLayout;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How a drift message writes a column's values: between double quotes, so that a trailing space or a
 * case-only change is visible ({@code "SE "}, not {@code SE }), and, for a new value that equals a
 * reference value up to case or surrounding spaces, what differs and the fix upstream; for labels that are
 * dates in a layout other than ISO's, that they are dates read as labels.
 */
public final class ValueText {
    private ValueText() {
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
            if (c >= 0x80 && (!nfc || invisible(c))) {
                b.append(c <= 0xFFFF ? String.format(Locale.ROOT, "\\u%04X", c)
                        : String.format(Locale.ROOT, "\\u{%X}", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.append('"').toString();
    }

    /** Whether a character prints as nothing or as a space: Unicode spaces, format, unassigned, surrogates. */
    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return Character.isSpaceChar(c) || Character.isWhitespace(c) || type == Character.FORMAT
                || type == Character.CONTROL || type == Character.UNASSIGNED || type == Character.SURROGATE
                || type == Character.PRIVATE_USE;
    }

    /**
     * A column's invalid values as every message shows them (the check's alarm line and table note, the baseline,
     * the report, {@code --explain} through the reason), the most frequent first, each quoted with its count and
     * first cell: {@code "n/a-ish" ×312 (first: line 17), "abc" ×1 (line 40), and 14 cells of other values}. Values
     * of a profile stored before they were counted are listed as stored, the first cell of each, without counts.
     *
     * @param values  the values kept ({@link dev.surprisal.data.profile.ColumnProfile#invalidCells})
     * @param invalid the column's invalid cells, all values
     * @return the list, or "" when no value was kept
     */
    public static String invalidValues(List<dev.surprisal.data.profile.InvalidCell> values, long invalid) {
        List<String> parts = new ArrayList<>();
        for (dev.surprisal.data.profile.InvalidCell c : values) {
            parts.add(quote(c.value()) + (c.counted() ? String.format(Locale.ROOT, " ×%,d", c.count()) : "")
                    + (c.count() == 1 ? " (" : " (first: ") + c.where() + ")");
        }
        long others = dev.surprisal.data.profile.InvalidCell.others(invalid, values);
        return String.join(", ", parts) + (parts.isEmpty() || others <= 0 ? ""
                : String.format(Locale.ROOT, ", and %,d cell%s of other values", others, others == 1 ? "" : "s"));
    }

    /**
     * {@code "SE " 5.1%, "NO" 0.2%}: new values, quoted, with their share of today's valid values.
     *
     * @param values today's new values with their counts
     * @param valid  today's valid (present, not invalid) values
     * @return the list as messages show it
     */
    static String named(Map<String, Long> values, long valid) {
        List<String> parts = new ArrayList<>();
        values.forEach((k, v) -> parts.add(quote(k) + " " + DriftText.pct((double) v / Math.max(1, valid))));
        return String.join(", ", parts);
    }

    /**
     * For each new value that equals a reference value once surrounding spaces are removed and case is
     * ignored: {@code "se" differs from "SE" only by case; if it is the same country, normalise case
     * upstream}. A value the reference never had is a change; a spelling of a known one is usually a
     * producer's change of format, whose fix is upstream, not a new baseline.
     *
     * @param column    the column's name (the noun of the fix: "the same country")
     * @param newValues today's new values
     * @param reference the reference's bins ({@link CategoryBins} name its values; other bins none)
     * @return the notes, one per such value, in the order of {@code newValues}; empty when none
     */
    static List<String> lookalikes(String column, Iterable<String> newValues, Bins reference) {
        List<String> notes = new ArrayList<>();
        if (!(reference instanceof CategoryBins bins)) {
            return notes;
        }
        for (String v : newValues) {
            Optional<String> same = bins.top().stream().filter(r -> alike(r, v)).findFirst()
                    .or(() -> bins.others().stream().filter(r -> alike(r, v)).sorted().findFirst());
            same.ifPresent(r -> notes.add(lookalike(column, v, r)));
        }
        return notes;
    }

    private static boolean alike(String reference, String value) {
        return !reference.equals(value) && core(reference).equalsIgnoreCase(core(value));
    }

    /** The value in NFC without surrounding Unicode spaces or invisible characters (U+00A0, U+200B...). */
    private static String core(String value) {
        return trim(Normalizer.normalize(value, Normalizer.Form.NFC));
    }

    private static String trim(String value) {
        int from = 0;
        int to = value.length();
        while (from < to && invisible(value.charAt(from))) {
            from++;
        }
        while (to > from && invisible(value.charAt(to - 1))) {
            to--;
        }
        return value.substring(from, to);
    }

    private static String lookalike(String column, String value, String reference) {
        String r = Normalizer.normalize(reference, Normalizer.Form.NFC);
        String v = Normalizer.normalize(value, Normalizer.Form.NFC);
        List<String> what = new ArrayList<>();
        List<String> fix = new ArrayList<>();
        if (!r.equals(reference) || !v.equals(value)) {
            what.add("Unicode normalisation (" + form(value) + " vs " + form(reference) + ")");
            fix.add("normalise to NFC");
        }
        if (!trim(r).equals(trim(v))) {
            what.add("case");
            fix.add("normalise case");
        }
        if (!trim(r).equals(r) || !trim(v).equals(v)) {
            what.add("surrounding spaces");
            fix.add(0, "trim spaces");
        }
        return quote(value) + " differs from " + quote(reference) + " only by " + String.join(" and ", what)
                + "; if it is the same " + column + ", " + String.join(" and ", fix) + " upstream";
    }

    private static String form(String value) {
        return Normalizer.isNormalized(value, Normalizer.Form.NFC) ? "NFC"
                : Normalizer.isNormalized(value, Normalizer.Form.NFD) ? "NFD" : "neither NFC nor NFD";
    }

    /** How many reference labels and new values {@link #dates} looks at, each. */
    private static final int DATES_LOOKED_AT = 200;

    /**
     * A note for a labelled column whose reference labels and new values are all dates in one layout that is
     * not ISO's ({@link DateLayout#of}: {@code 29/11/2026} is dd/mm/yyyy): such a column is read as text labels,
     * so every new day is a new value and the new-values rule fires each day (issue 9). The note names the
     * layout, an example and the fixes, so the alarm is not read as a change in the data.
     *
     * @param column    the column's name
     * @param newValues today's new values
     * @param reference the reference's bins ({@link CategoryBins} name its labels; other bins none)
     * @return the note, or empty when the values are not such dates
     */
    static Optional<String> dates(String column, java.util.Collection<String> newValues, Bins reference) {
        if (!(reference instanceof CategoryBins bins) || newValues.isEmpty()) {
            return Optional.empty();
        }
        List<String> seen = new ArrayList<>();
        bins.top().stream().filter(v -> !v.isEmpty()).limit(DATES_LOOKED_AT).forEach(seen::add);
        bins.others().stream().sorted().limit(DATES_LOOKED_AT).forEach(seen::add);
        newValues.stream().limit(DATES_LOOKED_AT).forEach(seen::add);
        String example = newValues.iterator().next();
        return DateLayout.of(seen).map(layout -> column + ": its values are dates written " + layout + " ("
                + quote(example) + "), which are read as text labels (only ISO dates, yyyy-mm-dd, are read as "
                + "dates), so each new day is a new value; write the dates as yyyy-mm-dd upstream to have a date "
                + "column with a stale-data check, or leave the column out of the baseline (--exclude " + column
                + ")");
    }
}
