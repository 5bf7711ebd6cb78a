// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.roles;

import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.Column;
import dev.surprisal.data.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Labels of one text column that differ only by surrounding spaces or letter case ({@code "Gold"}, {@code "Gold "},
 * {@code " gold"}, {@code "GOLD"}): the one rule that finds them and, when the user asks, folds each group into one
 * label. Read as written they are different classes, which silently splits a class and hides a column that copies
 * it (audit17 D1: 20% of a target's labels respelt made a copy of it read as "does not determine the target").
 *
 * <p>Spaces and case are folded together, by one setting ({@code --normalize-labels} on the command line), rather
 * than by two: hand-typed and merged labels get both kinds of variant at once, pandas users clean them with
 * {@code .str.strip().str.lower()} together, and OpenRefine's key-collision clustering (its "fingerprint") folds
 * both; a setting that fixed only one kind would leave the class split with no warning left to say so. Each group
 * becomes its most frequent spelling, so the output keeps the user's own words ({@code Gold}, not {@code gold}).
 * Other differences (inner spaces, punctuation, accents) are not folded: they may be real distinctions. Spaces are
 * Unicode's too (a no-break or zero-width space around a label is as invisible as a plain one), and a label
 * decomposed into a letter and its combining accent is the same text as the composed one ({@link #key}).
 */
public final class LabelVariants {
    /** Spellings of one label shown in a warning before "…". */
    private static final int SHOWN = 4;
    /** Groups shown in a warning before "…". */
    private static final int SHOWN_GROUPS = 3;

    private LabelVariants() {
    }

    /**
     * One label written several ways.
     *
     * @param spellings each spelling and its count, most frequent first (the first is what folding keeps)
     */
    public record Group(List<Map.Entry<String, Long>> spellings) {
        /**
         * Copies the list.
         *
         * @param spellings each spelling and its count, most frequent first
         */
        public Group {
            spellings = List.copyOf(spellings);
        }

        /** @return the spelling the group is folded into: its most frequent one */
        public String kept() {
            return spellings.get(0).getKey();
        }

        /** @return the group in a warning's words: {@code "Gold" ×739, "Gold " ×58, "gold" ×47} */
        String words() {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < Math.min(SHOWN, spellings.size()); i++) {
                b.append(i == 0 ? "" : ", ").append('"').append(spellings.get(i).getKey()).append("\" ×")
                        .append(RoleRules.n(spellings.get(i).getValue()));
            }
            return b + (spellings.size() > SHOWN ? " …" : "");
        }
    }

    /**
     * The key two spellings of one label share: the label in Unicode's NFC form (a decomposed {@code "Zu\u0308rich"}
     * is the same text as {@code "Zürich"}), without surrounding spaces ({@link #core}), in lower case (in the root
     * locale, so that the result does not depend on the machine's language). The one rule of "the same label"
     * wherever a label is compared with another: here, in a drift baseline's folding and in a drift check's naming
     * of a new value as a reference label written another way.
     *
     * @param label a label as written
     * @return its key
     */
    public static String key(String label) {
        return core(label).toLowerCase(Locale.ROOT);
    }

    /**
     * A label in NFC without the characters around it that print as nothing or as a space: white space, Unicode
     * spaces (a no-break space U+00A0 pasted from a spreadsheet), format characters (a zero-width space U+200B)
     * and control characters ({@link #invisible}).
     *
     * @param label a label as written
     * @return its core, case kept
     */
    public static String core(String label) {
        String v = java.text.Normalizer.normalize(label, java.text.Normalizer.Form.NFC);
        int from = 0;
        int to = v.length();
        while (from < to && invisible(v.charAt(from))) {
            from++;
        }
        while (to > from && invisible(v.charAt(to - 1))) {
            to--;
        }
        return v.substring(from, to);
    }

    /**
     * Whether a character prints as nothing or as a space: Unicode spaces and white space, format, control,
     * unassigned, surrogate and private-use characters.
     *
     * @param c a code point (or a UTF-16 unit)
     * @return true when a reader cannot see it
     */
    public static boolean invisible(int c) {
        int type = Character.getType(c);
        return Character.isSpaceChar(c) || Character.isWhitespace(c) || type == Character.FORMAT
                || type == Character.CONTROL || type == Character.UNASSIGNED || type == Character.SURROGATE
                || type == Character.PRIVATE_USE;
    }

    /**
     * The labels written more than one way, from each label's count.
     *
     * @param counts each distinct label as written and its count; missing cells (pandas' missing strings) are
     *               ignored
     * @return the groups of two or more spellings, the largest first (empty: every label is written one way)
     */
    public static List<Group> find(Map<String, Long> counts) {
        Map<String, List<Map.Entry<String, Long>>> byKey = new LinkedHashMap<>();
        counts.forEach((label, count) -> {
            if (label != null && !Cells.isMissing(label) && !key(label).isEmpty() && count > 0) {
                byKey.computeIfAbsent(key(label), k -> new ArrayList<>()).add(Map.entry(label, count));
            }
        });
        Comparator<Map.Entry<String, Long>> byCount = Map.Entry.<String, Long>comparingByValue().reversed();
        List<Group> groups = new ArrayList<>();
        for (List<Map.Entry<String, Long>> s : byKey.values()) {
            if (s.size() > 1) {
                // ties by the spelling itself, so that the kept spelling does not depend on the order rows came in
                s.sort(byCount.thenComparing(Map.Entry.comparingByKey()));
                groups.add(new Group(s));
            }
        }
        groups.sort(Comparator.comparingLong((Group g) -> -total(g)).thenComparing(Group::kept));
        return groups;
    }

    /**
     * The labels of a text column written more than one way.
     *
     * @param column the column
     * @return the groups ({@link #find(Map)})
     */
    public static List<Group> find(CategoricalColumn column) {
        long[] n = new long[column.cardinality()];
        for (int code : column.codes()) {
            if (code >= 0) {
                n[code]++;
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int k = 0; k < n.length; k++) {
            counts.merge(column.label(k), n[k], Long::sum);
        }
        return find(counts);
    }

    private static long total(Group g) {
        return g.spellings().stream().mapToLong(Map.Entry::getValue).sum();
    }

    /**
     * The warning about a column's variants, with the groups and counts and the fix.
     *
     * @param column the column's name
     * @param groups its groups ({@link #find}), not empty
     * @param fix    how the caller's user folds them, e.g. {@code --normalize-labels}
     * @return the warning
     */
    public static String warning(String column, List<Group> groups, String fix) {
        StringBuilder b = new StringBuilder(column).append(": ");
        int spellings = groups.stream().mapToInt(g -> g.spellings().size()).sum();
        b.append(RoleRules.n(spellings)).append(" spellings are ").append(groups.size() == 1 ? "1 label" : RoleRules.n(
                groups.size()) + " labels").append(" written differently only by surrounding spaces or letter case (");
        for (int i = 0; i < Math.min(SHOWN_GROUPS, groups.size()); i++) {
            b.append(i == 0 ? "" : "; ").append(groups.get(i).words());
        }
        b.append(groups.size() > SHOWN_GROUPS ? "; …" : "").append("), each counted as a class of its own, which splits"
                + " those classes and hides columns that copy them; if they are one label, ").append(fix)
                .append(" counts each group as its most frequent spelling");
        return b.toString();
    }

    /**
     * The note of a column whose variants were folded.
     *
     * @param column the column's name
     * @param groups the groups folded, not empty
     * @return the note
     */
    public static String folded(String column, List<Group> groups) {
        int spellings = groups.stream().mapToInt(g -> g.spellings().size()).sum();
        StringBuilder b = new StringBuilder(column).append(": ").append(RoleRules.n(spellings)).append(" spellings"
                + " that differ only by surrounding spaces or letter case counted as ").append(RoleRules.n(
                groups.size())).append(groups.size() == 1 ? " label" : " labels").append(" (");
        for (int i = 0; i < Math.min(SHOWN_GROUPS, groups.size()); i++) {
            b.append(i == 0 ? "" : "; ").append(groups.get(i).words()).append(" as \"")
                    .append(groups.get(i).kept()).append('"');
        }
        return b.append(groups.size() > SHOWN_GROUPS ? "; …" : "").append(')').toString();
    }

    /**
     * The column with each group of variants as its most frequent spelling; other labels, and missing cells, as
     * they are.
     *
     * @param column the column
     * @param groups its groups ({@link #find(CategoricalColumn)})
     * @return the folded column (the same column when there is nothing to fold)
     */
    public static CategoricalColumn fold(CategoricalColumn column, List<Group> groups) {
        if (groups.isEmpty()) {
            return column;
        }
        Map<String, String> kept = kept(groups);
        String[] labels = new String[column.size()];
        for (int i = 0; i < labels.length; i++) {
            int code = column.code(i);
            String l = code < 0 ? null : column.label(code);
            labels[i] = l == null ? null : kept.getOrDefault(l, l);
        }
        return CategoricalColumn.of(column.name(), labels);
    }

    /**
     * Label counts with each group's spellings merged into its most frequent spelling, the count form of
     * {@link #fold(CategoricalColumn, List)}.
     *
     * @param counts each distinct label as written and its count
     * @param groups the groups found in them ({@link #find(Map)})
     * @return the counts by label after folding, in first-appearance order
     */
    public static Map<String, Long> fold(Map<String, Long> counts, List<Group> groups) {
        Map<String, String> kept = kept(groups);
        Map<String, Long> folded = new LinkedHashMap<>();
        counts.forEach((l, n) -> folded.merge(kept.getOrDefault(l, l), n, Long::sum));
        return folded;
    }

    /**
     * The note on a column's variants: what was folded into what, or the warning with the fix.
     *
     * @param column the column
     * @param groups its groups
     * @param folded whether they were folded
     * @param fix    how the caller's user folds them ({@link #warning})
     * @return the note
     */
    public static String note(String column, List<Group> groups, boolean folded, String fix) {
        return folded ? folded(column, groups) : warning(column, groups, fix);
    }

    /**
     * What each spelling of the groups is folded into.
     *
     * @param groups the groups ({@link #find})
     * @return per spelling, the group's most frequent spelling
     */
    public static Map<String, String> kept(List<Group> groups) {
        Map<String, String> kept = new java.util.HashMap<>();
        for (Group g : groups) {
            g.spellings().forEach(s -> kept.put(s.getKey(), g.kept()));
        }
        return kept;
    }

    /**
     * A table's text columns checked for variants and, when {@code fold} is set, folded.
     *
     * @param table   the table
     * @param columns the columns to check (others are left as they are)
     * @param fold    true to fold each group into its most frequent spelling
     * @return the table (folded or not) and, per column with variants, its groups
     */
    public static Checked check(Table table, List<String> columns, boolean fold) {
        Map<String, List<Group>> found = new LinkedHashMap<>();
        List<Column> out = new ArrayList<>();
        for (Column c : table.columns()) {
            if (c instanceof CategoricalColumn cat && columns.contains(c.name())) {
                List<Group> g = find(cat);
                if (!g.isEmpty()) {
                    found.put(c.name(), g);
                    out.add(fold ? fold(cat, g) : c);
                    continue;
                }
            }
            out.add(c);
        }
        return new Checked(fold && !found.isEmpty() ? Table.of(out) : table, found, fold);
    }

    /**
     * A table checked for label variants ({@link #check}).
     *
     * @param table  the table, its variants folded when {@code folded}
     * @param groups per column with variants, its groups, in the table's order
     * @param folded whether they were folded
     */
    public record Checked(Table table, Map<String, List<Group>> groups, boolean folded) {
        /**
         * Copies the map.
         *
         * @param table  the table
         * @param groups per column, its groups
         * @param folded whether they were folded
         */
        public Checked {
            groups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        }

        /**
         * The notes of the given columns: the warning with the fix, or what was folded.
         *
         * @param columns the columns to speak of (e.g. those measured), in order
         * @param fix     how the caller's user folds them ({@link #warning})
         * @return one note per column with variants
         */
        public List<String> notes(List<String> columns, String fix) {
            List<String> notes = new ArrayList<>();
            for (String c : columns) {
                List<Group> g = groups.get(c);
                if (g != null) {
                    notes.add(note(c, g, folded, fix));
                }
            }
            return notes;
        }
    }
}
