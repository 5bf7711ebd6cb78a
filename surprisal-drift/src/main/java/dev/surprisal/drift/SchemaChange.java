// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How today's columns differ from the reference's, said rather than acted on silently: a column the
 * reference scores but today's file lacks is counted as all missing (and alarms on its missing
 * share); a column today's file has but the reference never knew is not checked at all, which the
 * user must hear.
 *
 * @param absent columns the reference checks that today's file lacks, in the reference's order
 * @param added  columns of today's file the reference does not know, in the file's order
 */
public record SchemaChange(List<String> absent, List<String> added) {
    /**
     * Copies the lists.
     *
     * @param absent columns the reference checks that today's file lacks
     * @param added  columns of today's file the reference does not know
     */
    public SchemaChange {
        absent = List.copyOf(absent);
        added = List.copyOf(added);
    }

    /**
     * The change between a reference and today's columns.
     *
     * @param known   every column the reference knew: its file's columns, or a stored profile's columns
     *                and those it excluded
     * @param checked the columns the check compares (the reference profile's, after any selection)
     * @param today   today's file's columns
     * @return the change; {@link #isEmpty()} when there is none
     */
    public static SchemaChange of(List<String> known, List<String> checked, List<String> today) {
        Set<String> now = new LinkedHashSet<>(today);
        Set<String> before = new LinkedHashSet<>(known);
        before.addAll(checked);
        List<String> absent = checked.stream().filter(c -> !now.contains(c)).toList();
        List<String> added = today.stream().filter(c -> !before.contains(c)).toList();
        return new SchemaChange(absent, added);
    }

    /** @return true when today's file has the reference's columns and no others */
    public boolean isEmpty() {
        return absent.isEmpty() && added.isEmpty();
    }

    /**
     * The change in plain words, one note per kind.
     *
     * @return the notes; empty when nothing changed
     */
    public List<String> notes() {
        List<String> out = new ArrayList<>();
        if (!absent.isEmpty()) {
            out.add(plural("column", absent) + " " + quoted(absent) + (absent.size() == 1 ? " is" : " are")
                    + " not in today's file: scored as all missing");
        }
        if (!added.isEmpty()) {
            out.add(plural("column", added) + " " + quoted(added) + (added.size() == 1 ? " is" : " are")
                    + " in today's file but not in the reference: not checked; fit a new reference (drift baseline) "
                    + "to monitor " + (added.size() == 1 ? "it" : "them"));
        }
        return out;
    }

    private static String plural(String word, List<String> items) {
        return items.size() == 1 ? word : word + "s";
    }

    private static String quoted(List<String> items) {
        return "'" + String.join("', '", items) + "'";
    }
}
