// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.core.ValidationException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-column bands: a column's own {@code warn}, {@code drift}, {@code tv-warn}, {@code tv-drift},
 * {@code w1-warn}, {@code w1-drift}, applied over the check's rule ({@link DriftOptions#withSettings}, the
 * same code as the command line's options), so a column whose normal day-to-day movement is larger (or
 * whose smallest change matters more) is judged on its own scale. The measure, {@code alpha} and
 * {@code fail-on} are the check's: one measure per report, one false-alarm budget split over all
 * columns, one exit rule. Immutable.
 *
 * <pre>
 * ColumnRules r = ColumnRules.none().withColumn("amount", Map.of("warn", "0.02", "drift", "0.05"));
 * DriftReport report = DriftScorer.compare(reference, today, DriftOptions.defaults(), r);
 * </pre>
 *
 * @param settings column to its settings by key (keys from {@link #KEYS})
 */
public record ColumnRules(Map<String, Map<String, String>> settings) {
    /** The keys a column may set: the bands of {@link DriftOptions#KEYS}. */
    public static final List<String> KEYS = List.of("warn", "drift", "tv-warn", "tv-drift", "w1-warn", "w1-drift");

    /**
     * Copies the map and checks every key and value on {@link DriftOptions#defaults()}.
     *
     * @param settings column to its settings by key
     * @throws ValidationException naming the column and the key for an unknown key or a bad value
     */
    public ColumnRules {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> e : settings.entrySet()) {
            for (String k : e.getValue().keySet()) {
                if (!KEYS.contains(k)) {
                    throw new ValidationException("column '" + e.getKey() + "': " + k + ": not a per-column setting; "
                            + "a column may set " + String.join(", ", KEYS) + " (measure, alpha and fail-on are the "
                            + "check's)");
                }
            }
            try {
                DriftOptions.defaults().withSettings(e.getValue());
            } catch (ValidationException ex) {
                throw new ValidationException("column '" + e.getKey() + "': " + ex.getMessage(), ex);
            }
            copy.put(e.getKey(), Map.copyOf(e.getValue()));
        }
        settings = Collections.unmodifiableMap(copy);
    }

    /** @return no column with its own bands */
    public static ColumnRules none() {
        return new ColumnRules(Map.of());
    }

    /**
     * @param column   a column
     * @param settings its bands by key (keys from {@link #KEYS})
     * @return these rules with the column's bands (replacing any it had)
     * @throws ValidationException for an unknown key or a bad value
     */
    public ColumnRules withColumn(String column, Map<String, String> settings) {
        Map<String, Map<String, String>> m = new LinkedHashMap<>(this.settings);
        m.put(column, settings);
        return new ColumnRules(m);
    }

    /**
     * The rule of one column: the check's, with the column's bands over it.
     *
     * @param check  the check's rule
     * @param column the column
     * @return the column's rule
     * @throws ValidationException when the column's bands do not fit the check's (a warn band above the drift band)
     */
    public DriftOptions forColumn(DriftOptions check, String column) {
        Map<String, String> s = settings.get(column);
        if (s == null) {
            return check;
        }
        try {
            return check.withSettings(s);
        } catch (ValidationException e) {
            throw new ValidationException("column '" + column + "': " + e.getMessage(), e);
        }
    }

    /**
     * Checks that every column named here is one of {@code columns}.
     *
     * @param columns the columns there are
     * @throws ValidationException naming the unknown column and listing the others
     */
    public void validate(List<String> columns) {
        for (String c : settings.keySet()) {
            if (!columns.contains(c)) {
                throw new ValidationException("per-column bands: no column '" + c + "'; columns: "
                        + String.join(", ", columns));
            }
        }
    }
}
