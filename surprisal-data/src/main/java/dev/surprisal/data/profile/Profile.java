// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.core.ValidationException;
import dev.surprisal.data.roles.ColumnRoles;
import dev.surprisal.data.roles.RoleDecision;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A frozen summary of a table: one {@link ColumnProfile} per column, each with its role frozen and,
 * when scored, counted on bins fitted once on a reference. A reference profile is built by
 * {@link ProfileBuilder#fit}; each day's data is counted on the reference's bins by
 * {@link ProfileBuilder#count}. Profiles built on the same reference {@link #merge} (commutative and
 * associative), and serialise to versioned JSON with {@link ProfileJson}. A reference may also carry
 * the columns the user excluded and the monitor's drift rule (option name to value, e.g.
 * {@code "warn" → "0.1"}), so a check uses what the baseline was given.
 */
public final class Profile {
    private final Map<String, ColumnProfile> columns;
    private final long rows;
    private final List<String> excluded;
    private final Map<String, String> rule;

    private Profile(Map<String, ColumnProfile> columns, long rows, List<String> excluded, Map<String, String> rule) {
        this.columns = Collections.unmodifiableMap(columns);
        this.rows = rows;
        this.excluded = List.copyOf(excluded);
        this.rule = Collections.unmodifiableMap(new LinkedHashMap<>(rule));
    }

    /**
     * @param columns the columns, in order
     * @param rows    rows profiled
     * @return the profile
     */
    public static Profile of(List<ColumnProfile> columns, long rows) {
        return of(columns, rows, List.of(), Map.of());
    }

    /**
     * @param columns  the columns, in order
     * @param rows     rows profiled
     * @param excluded columns the user left out
     * @param rule     the drift rule's settings by option name (empty for defaults)
     * @return the profile
     * @throws ValidationException if a column appears twice or rows is negative
     */
    public static Profile of(List<ColumnProfile> columns, long rows, List<String> excluded, Map<String, String> rule) {
        Map<String, ColumnProfile> m = new LinkedHashMap<>();
        for (ColumnProfile c : columns) {
            if (m.put(c.name(), c) != null) {
                throw new ValidationException("columns: '" + c.name() + "' appears twice");
            }
        }
        if (rows < 0) {
            throw new ValidationException("rows: must be >= 0, got " + rows);
        }
        return new Profile(m, rows, excluded == null ? List.of() : excluded, rule == null ? Map.of() : rule);
    }

    /** @return rows profiled */
    public long rows() {
        return rows;
    }

    /** @return column names in file order */
    public List<String> columnNames() {
        return new ArrayList<>(columns.keySet());
    }

    /** @return the columns in file order */
    public List<ColumnProfile> columns() {
        return new ArrayList<>(columns.values());
    }

    /** @return the columns left out by --exclude when the reference was profiled */
    public List<String> excluded() {
        return excluded;
    }

    /** @return the drift rule stored with a reference, option name to value (empty: defaults) */
    public Map<String, String> rule() {
        return rule;
    }

    /**
     * @param settings the drift rule, option name to value
     * @return this profile carrying it
     */
    public Profile withRule(Map<String, String> settings) {
        return new Profile(new LinkedHashMap<>(columns), rows, excluded, settings == null ? Map.of() : settings);
    }

    /**
     * @param names the columns to keep (in this profile's order)
     * @return this profile restricted to them
     * @throws ValidationException naming the available columns when a name is not one
     */
    public Profile select(List<String> names) {
        Map<String, ColumnProfile> m = new LinkedHashMap<>();
        for (String n : names) {
            column(n);
        }
        for (ColumnProfile c : columns.values()) {
            if (names.contains(c.name())) {
                m.put(c.name(), c);
            }
        }
        return new Profile(m, rows, excluded, rule);
    }

    /**
     * @return a warning for each date or timestamp column whose order of day and month the data did not decide (no
     *         day or month over 12: read in an assumed order), with an example read both ways and the fix
     */
    public List<DateOrderWarning> dateOrderWarnings() {
        return DateOrderWarning.of(this);
    }

    /**
     * The reference's notes on labels written several ways ({@link dev.surprisal.data.roles.LabelVariants#note}): for
     * each categorical column whose reference wrote a label with other surrounding spaces or case, what was folded
     * into what ({@link CategoryBins#folded()}), or the warning with the fix.
     *
     * @param fix how the caller's user folds them, e.g. {@link ProfileOptions#NORMALIZE_LABELS}
     * @return one note per such column, in column order (empty: none, or a profile stored before variants were kept)
     */
    public List<String> labelVariantNotes(String fix) {
        List<String> notes = new ArrayList<>();
        for (ColumnProfile c : columns.values()) {
            CategoryBins cb = c.categoryBins();
            if (cb != null && !cb.variants().isEmpty()) {
                notes.add(dev.surprisal.data.roles.LabelVariants.note(c.name(), cb.variants(), cb.folded(), fix));
            }
        }
        return notes;
    }

    /** @return the frozen roles, as {@link ColumnRoles} */
    public ColumnRoles roles() {
        List<RoleDecision> d = new ArrayList<>();
        for (ColumnProfile c : columns.values()) {
            d.add(new RoleDecision(c.name(), c.role(), c.reason(), false, c.convention(), c.layout()));
        }
        return ColumnRoles.frozen(d, excluded);
    }

    /**
     * @param name a column
     * @return the column called {@code name}
     * @throws ValidationException naming the available columns when there is none
     */
    public ColumnProfile column(String name) {
        ColumnProfile c = columns.get(name);
        if (c == null) {
            throw new ValidationException("name: no column '" + name + "' in profile; available: "
                    + String.join(", ", columns.keySet()));
        }
        return c;
    }

    /**
     * @param name a column
     * @return whether the profile has it
     */
    public boolean has(String name) {
        return columns.containsKey(name);
    }

    /**
     * Both profiles together (e.g. two halves of a day): see {@link ColumnProfile#merge}.
     *
     * @param other a profile counted on the same reference
     * @return the merged profile
     * @throws ValidationException if the columns or their bins differ
     */
    public Profile merge(Profile other) {
        if (!columns.keySet().equals(other.columns.keySet())) {
            throw new ValidationException("other: columns " + other.columns.keySet() + " differ from " + columns.keySet());
        }
        List<ColumnProfile> out = new ArrayList<>();
        for (ColumnProfile c : columns.values()) {
            out.add(c.merge(other.columns.get(c.name())));
        }
        return of(out, rows + other.rows, excluded, rule);
    }

    @Override
    public String toString() {
        return "Profile[rows=" + rows + ", columns=" + columns.keySet() + "]";
    }
}
