// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.roles;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.core.ValidationException;
import dev.surprisal.data.DataException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The user's say over columns and roles, as the options every table verb takes:
 * {@code --columns} (use only these, in this order), {@code --exclude}, {@code --discrete},
 * {@code --continuous}, {@code --role COL=ROLE} and {@code --dayfirst} (the date columns whose days come first where
 * no cell shows it, {@code 03/04/2026}). Immutable; {@code withX} returns a copy.
 * The names are checked against the file's columns by {@link #validate}, which names the option as
 * the user typed it and lists the available columns.
 *
 * @param columns    the columns to use, in order; null for all
 * @param exclude    columns to leave out
 * @param discrete   columns to measure by value (numeric: binary or discrete; text: categorical)
 * @param continuous numeric columns to measure as a continuum
 * @param roles      roles set outright
 * @param columnOptions the option that named each of {@code columns}, for messages ({@code --column} of
 *                   {@code entropy}, {@code --x}/{@code --y} of {@code mi}); null when {@code --columns} named them all
 * @param dayFirst   date columns whose dates write the day first ({@code --dayfirst}): read {@code dd/mm/yyyy} where
 *                   no cell shows the order, instead of pandas' month first
 */
public record RoleOverrides(List<String> columns, List<String> exclude, List<String> discrete, List<String> continuous,
                            Map<String, ColumnRole> roles, List<String> columnOptions, List<String> dayFirst) {
    /**
     * Overrides without {@code --dayfirst}.
     *
     * @param columns the columns to use, in order; null for all
     * @param exclude columns to leave out
     * @param discrete columns to measure by value
     * @param continuous numeric columns to measure as a continuum
     * @param roles roles set outright
     * @param columnOptions the option that named each of {@code columns}; null: {@code --columns}
     * @throws ValidationException as the canonical constructor
     */
    public RoleOverrides(List<String> columns, List<String> exclude, List<String> discrete, List<String> continuous,
                         Map<String, ColumnRole> roles, List<String> columnOptions) {
        this(columns, exclude, discrete, continuous, roles, columnOptions, List.of());
    }

    /**
     * Overrides whose {@code columns}, if any, were named by {@code --columns}.
     *
     * @param columns the columns to use, in order; null for all
     * @param exclude columns to leave out
     * @param discrete columns to measure by value
     * @param continuous numeric columns to measure as a continuum
     * @param roles roles set outright
     * @throws ValidationException as the canonical constructor
     */
    public RoleOverrides(List<String> columns, List<String> exclude, List<String> discrete, List<String> continuous,
                         Map<String, ColumnRole> roles) {
        this(columns, exclude, discrete, continuous, roles, null);
    }

    /**
     * Copies the lists, and rejects a column named in two role options.
     *
     * @param columns the columns to use, in order; null for all
     * @param exclude columns to leave out
     * @param discrete columns to measure by value
     * @param continuous numeric columns to measure as a continuum
     * @param roles roles set outright
     * @param columnOptions the option that named each of {@code columns}; null: {@code --columns}
     * @param dayFirst date columns whose days come first
     * @throws ValidationException when a column is both --discrete and --continuous, or also has a --role,
     *                             or is both in --columns and --exclude
     */
    public RoleOverrides {
        columns = columns == null ? null : List.copyOf(columns);
        columnOptions = columnOptions == null || columns == null ? null : List.copyOf(columnOptions);
        if (columnOptions != null && columnOptions.size() != columns.size()) {
            throw new ValidationException("columnOptions: one option per column, got " + columnOptions.size()
                    + " for " + columns.size() + " columns");
        }
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        dayFirst = dayFirst == null ? List.of() : List.copyOf(dayFirst);
        discrete = discrete == null ? List.of() : List.copyOf(discrete);
        continuous = continuous == null ? List.of() : List.copyOf(continuous);
        roles = roles == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(roles));
        for (String c : discrete) {
            if (continuous.contains(c)) {
                throw new ValidationException("--discrete, --continuous: column '" + c + "' is given to both");
            }
        }
        for (String c : roles.keySet()) {
            if (discrete.contains(c) || continuous.contains(c)) {
                throw new ValidationException("--role: column '" + c + "' also has " + (discrete.contains(c)
                        ? "--discrete" : "--continuous") + "; give one of them");
            }
        }
        if (columns != null) {
            for (String c : exclude) {
                if (columns.contains(c)) {
                    throw new ValidationException("--exclude: column '" + c + "' is also in --columns");
                }
            }
        }
    }

    /** @return no overrides: every column, detected roles */
    public static RoleOverrides none() {
        return new RoleOverrides(null, List.of(), List.of(), List.of(), Map.of());
    }

    /**
     * @param names the columns to use, in order (null or empty: all)
     * @return these overrides with {@code --columns}
     */
    public RoleOverrides withColumns(List<String> names) {
        return new RoleOverrides(names == null || names.isEmpty() ? null : names, exclude, discrete, continuous, roles, null, dayFirst);
    }

    /**
     * The columns a verb names by its own options (e.g. {@code entropy --column}, {@code mi --x/--y}), so that a
     * message about an unknown one names the option the user typed.
     *
     * @param names   the columns to use, in order (at least one)
     * @param options the option that named each, as typed (e.g. {@code --x}, {@code --y})
     * @return these overrides with the columns set
     * @throws ValidationException if the two lists differ in length
     */
    public RoleOverrides withColumns(List<String> names, List<String> options) {
        return new RoleOverrides(names, exclude, discrete, continuous, roles, options, dayFirst);
    }

    /**
     * These overrides with {@code column} always read: when {@code --columns} picks columns and leaves it
     * out, it is added (named by {@code option}); otherwise nothing changes. A ranking's target is read this
     * way, so {@code --columns} picks the features and leaving the target out of it cannot be a slip.
     *
     * @param column the column that must be read
     * @param option the option that named it, as typed (e.g. {@code --target})
     * @return these overrides, with {@code column} among the columns when they are chosen
     */
    public RoleOverrides including(String column, String option) {
        if (columns == null || columns.contains(column)) {
            return this;
        }
        List<String> cols = new java.util.ArrayList<>(columns);
        List<String> named = new java.util.ArrayList<>(columnOptions != null ? columnOptions
                : java.util.Collections.nCopies(cols.size(), "--columns"));
        cols.add(column);
        named.add(option);
        return withColumns(cols, named);
    }

    /**
     * @param names columns to leave out
     * @return these overrides with {@code --exclude}
     */
    public RoleOverrides withExclude(List<String> names) {
        return new RoleOverrides(columns, names, discrete, continuous, roles, columnOptions, dayFirst);
    }

    /**
     * @param names columns to measure by value
     * @return these overrides with {@code --discrete}
     */
    public RoleOverrides withDiscrete(List<String> names) {
        return new RoleOverrides(columns, exclude, names, continuous, roles, columnOptions, dayFirst);
    }

    /**
     * @param names date columns whose days come first
     * @return these overrides with {@code --dayfirst}
     */
    public RoleOverrides withDayFirst(List<String> names) {
        return new RoleOverrides(columns, exclude, discrete, continuous, roles, columnOptions, names);
    }

    /**
     * @param names numeric columns to measure as a continuum
     * @return these overrides with {@code --continuous}
     */
    public RoleOverrides withContinuous(List<String> names) {
        return new RoleOverrides(columns, exclude, discrete, names, roles, columnOptions, dayFirst);
    }

    /**
     * @param column a column
     * @param role   its role
     * @return these overrides with {@code --role column=role} added
     */
    public RoleOverrides withRole(String column, ColumnRole role) {
        Map<String, ColumnRole> m = new LinkedHashMap<>(roles);
        m.put(column, role);
        return new RoleOverrides(columns, exclude, discrete, continuous, m, columnOptions, dayFirst);
    }

    /**
     * Parses {@code --role} values, {@code COL=ROLE} each (the last '=' splits, so a name may hold one).
     *
     * @param specs the values as typed; null for none
     * @return column to role, in the order given
     * @throws ValidationException naming {@code --role} for a value without '=' or an unknown role
     */
    public static Map<String, ColumnRole> parseRoles(List<String> specs) {
        Map<String, ColumnRole> out = new LinkedHashMap<>();
        if (specs == null) {
            return out;
        }
        for (String s : specs) {
            int eq = s.lastIndexOf('=');
            if (eq <= 0 || eq == s.length() - 1) {
                throw new ValidationException("--role: expected COL=ROLE (ROLE one of " + ColumnRole.labels()
                        + "), got '" + s + "'");
            }
            try {
                out.put(s.substring(0, eq), ColumnRole.parse(s.substring(eq + 1)));
            } catch (ValidationException e) {
                throw new ValidationException("--role: " + s.substring(0, eq) + ": " + e.getMessage()
                        .replaceFirst("^role: ", ""), e);
            }
        }
        return out;
    }

    /**
     * Checks that every column named by an option exists.
     *
     * @param available the file's columns
     * @param file      the file, for the message (null for an in-memory table)
     * @throws DataException naming the option, the column and the available columns
     */
    public void validate(List<String> available, Path file) {
        for (int i = 0; columns != null && i < columns.size(); i++) {
            check(columnOptions == null ? "--columns" : columnOptions.get(i), List.of(columns.get(i)), available, file);
        }
        check("--exclude", exclude, available, file);
        check("--discrete", discrete, available, file);
        check("--continuous", continuous, available, file);
        check("--role", new ArrayList<>(roles.keySet()), available, file);
        check("--dayfirst", dayFirst, available, file);
    }

    private static void check(String option, List<String> names, List<String> available, Path file) {
        for (String n : names) {
            if (!available.contains(n)) {
                throw new DataException(file, -1, null, option + ": no column '" + n + "'; available: "
                        + String.join(", ", available), null);
            }
        }
    }

    /**
     * @param available the file's columns, in file order
     * @return the columns used: {@code --columns} (or all), without {@code --exclude}, duplicates dropped
     */
    public List<String> selected(List<String> available) {
        Set<String> out = new LinkedHashSet<>(columns == null ? available : columns);
        exclude.forEach(out::remove);
        return List.copyOf(out);
    }
}
