// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.roles;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.core.ValidationException;
import dev.surprisal.data.DataException;
import dev.surprisal.data.Table;
import dev.surprisal.data.TableReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place where table columns get their {@link ColumnRole}: detected by {@link RoleRules}
 * from one pass over the data, then overridden by the user's {@link RoleOverrides}.
 *
 * <pre>{@code
 * ColumnRoles roles = ColumnRoles.detect(TableReader.open(Path.of("orders.csv")),
 *         RoleOverrides.none().withExclude(List.of("note")));
 * roles.role("churned");                  // BINARY
 * roles.decision("order_id").reason();    // "10,000 distinct of 10,000 integers: id-like"
 * roles.scored();                         // the columns drift and mi measure by default
 * }</pre>
 *
 * A file and the same data in memory ({@link #detect(Table, RoleOverrides)}) give the same roles.
 */
public final class ColumnRoles {
    private final Map<String, RoleDecision> decisions;
    private final Map<String, ColumnStats> stats;
    private final List<String> excluded;

    private ColumnRoles(Map<String, RoleDecision> decisions, Map<String, ColumnStats> stats, List<String> excluded) {
        this.decisions = Collections.unmodifiableMap(decisions);
        this.stats = Collections.unmodifiableMap(stats);
        this.excluded = List.copyOf(excluded);
    }

    /**
     * Detects the roles of a file's columns in one scan.
     *
     * @param reader    the file
     * @param overrides the user's options
     * @return the roles of the selected columns
     * @throws DataException when the file cannot be read or an option names a column it lacks
     */
    public static ColumnRoles detect(TableReader reader, RoleOverrides overrides) {
        List<String> available = reader.schema().names();
        overrides.validate(available, reader.file());
        List<String> selected = overrides.selected(available);
        List<ColumnStats> s = selected.isEmpty() ? List.of() : RoleScan.scan(reader, selected);
        return of(s, available, overrides, reader.file()).typed(reader.schema());
    }

    /**
     * These roles with reasons that say what a typed source's column is where its text alone would mislead
     * (audit16 D3, D4): a BOOLEAN column's two values are true/false, not "2 distinct text values"; a STRUCT, LIST
     * or MAP column is measured as its printed form, one label per distinct value, so the reason says so and how to
     * measure its fields. Roles are unchanged; a role the user set keeps its reason.
     *
     * @param schema the source's schema, with the types DuckDB read
     * @return the roles with those reasons
     */
    public ColumnRoles typed(dev.surprisal.data.TableSchema schema) {
        Map<String, RoleDecision> d = new LinkedHashMap<>();
        decisions.forEach((c, x) -> d.put(c, x.overridden() ? x : schema.field(c)
                .map(f -> typedReason(x, f.duckdbType())).orElse(x)));
        return new ColumnRoles(d, new LinkedHashMap<>(stats), excluded);
    }

    /** The decision with the reason its source type calls for ({@link #typed}). */
    static RoleDecision typedReason(RoleDecision x, String duckdbType) {
        String t = duckdbType == null ? "" : duckdbType.trim().toUpperCase(java.util.Locale.ROOT);
        if (t.equals("BOOLEAN") && x.role() == ColumnRole.CATEGORICAL) {
            return new RoleDecision(x.column(), x.role(), "true/false values (BOOLEAN): categorical", false,
                    x.convention(), x.layout());
        }
        String nested = t.startsWith("STRUCT") ? "STRUCT" : t.startsWith("MAP") ? "MAP"
                : t.endsWith("[]") || t.startsWith("LIST") || t.matches(".*\\[[0-9]+]$") ? "LIST" : null;
        if (nested == null) {
            return x;
        }
        String field = nested.equals("STRUCT") ? x.column() + ".<field>" : nested.equals("LIST")
                ? "unnest(" + x.column() + ") or " + x.column() + "[1]" : x.column() + "['<key>']";
        return new RoleDecision(x.column(), x.role(), x.reason().replace(" distinct text values", " distinct "
                + nested + " values") + "; a " + nested + " column, read as its printed form (each whole value one label,"
                + " its parts not measured): to measure them, flatten it upstream (e.g. SELECT " + field + ")", false,
                x.convention(), x.layout());
    }

    /**
     * Detects the roles of an in-memory table's columns, by the same rules as for a file.
     *
     * @param table     the table
     * @param overrides the user's options
     * @return the roles of the selected columns
     * @throws DataException when an option names a column the table lacks
     */
    public static ColumnRoles detect(Table table, RoleOverrides overrides) {
        return detect(table, table.columnNames(), overrides, null);
    }

    /**
     * Detects the roles of the selected columns that {@code part} holds, a group of the columns of
     * a wider source, checking the overrides against all of its columns: a wide file read in
     * several groups gets the roles it would get read at once.
     *
     * @param part      some of the source's columns, in memory
     * @param available every column of the source
     * @param overrides the user's options
     * @param file      the source file for messages, or null
     * @return the roles of the selected columns in {@code part}, in the source's order
     * @throws DataException when an option names a column the source lacks
     */
    public static ColumnRoles detect(Table part, List<String> available, RoleOverrides overrides, Path file) {
        return detect(part, available, overrides, file, NumberHint.NONE);
    }

    /**
     * {@link #detect(Table, List, RoleOverrides, Path)} of a part of a file whose reader says {@code hint} about its
     * numbers' decimal mark ({@link TableReader#numberHint}: a ';'-separated file, or {@code --decimal}).
     *
     * @param part      some of the source's columns, in memory
     * @param available every column of the source
     * @param overrides the user's options
     * @param file      the source file for messages, or null
     * @param hint      what the file's reader says about its decimal mark
     * @return the roles of the selected columns in {@code part}, in the source's order
     * @throws DataException when an option names a column the source lacks
     */
    public static ColumnRoles detect(Table part, List<String> available, RoleOverrides overrides, Path file,
                                     NumberHint hint) {
        overrides.validate(available, file);
        java.util.Set<String> inPart = new java.util.HashSet<>(part.columnNames());
        List<String> held = overrides.selected(available).stream().filter(inPart::contains).toList();
        ColumnStats[] s = new ColumnStats[held.size()];
        // one column per task, each in its own slot: the result does not depend on threads; one scratch for the
        // part's columns, dropped with this call
        ScanScratch scratch = new ScanScratch();
        java.util.stream.IntStream.range(0, s.length).parallel()
                .forEach(i -> s[i] = RoleScan.scan(part.column(held.get(i)), scratch, hint));
        return of(List.of(s), available, overrides, file);
    }

    /**
     * Roles from statistics gathered elsewhere (e.g. by another engine), with the overrides applied.
     *
     * @param stats     statistics of the selected columns, in order
     * @param available every column of the source
     * @param overrides the user's options
     * @param file      the source file for messages, or null
     * @return the roles
     * @throws DataException when an override cannot apply (e.g. --continuous on a text column)
     */
    public static ColumnRoles of(List<ColumnStats> stats, List<String> available, RoleOverrides overrides, Path file) {
        Map<String, RoleDecision> d = new LinkedHashMap<>();
        Map<String, ColumnStats> m = new LinkedHashMap<>();
        for (ColumnStats s : stats) {
            boolean dayFirst = overrides.dayFirst().contains(s.column());
            DateLayout.Decision dates = dayFirst ? DateLayout.decide(s.layouts(), s.present(), true) : null;
            if (dayFirst && (dates == null || dates.layout() != null && dates.layout().otherOrder().isEmpty())) {
                // an ISO, yyyy/mm/dd or non-date column has no order of day and month to set: --dayfirst would be
                // silently ignored, as a misspelt name would be
                throw new DataException(file, -1, s.column(), "--dayfirst: '" + s.column() + "' has no dates written "
                        + "dd/mm/yyyy or mm/dd/yyyy (" + RoleRules.decide(s).reason() + (dates == null ? ""
                        : "; the year comes first, so the order of day and month is fixed") + "); leave it out of "
                        + "--dayfirst", null);
            }
            RoleDecision detected = RoleRules.decide(s, dayFirst);
            // the conventions decided with the role (RoleRules.decide) stay with the column whatever role is set
            d.put(s.column(), unnamed(override(detected, s, overrides, file)));
            m.put(s.column(), s);
        }
        List<String> ex = new ArrayList<>();
        for (String c : available) {
            if (overrides.exclude().contains(c)) {
                ex.add(c);
            }
        }
        return new ColumnRoles(d, m, ex);
    }

    /**
     * Roles restored from a frozen reference (no statistics), e.g. read back from a profile.
     *
     * @param decisions the decisions, in column order
     * @param excluded  the columns left out by --exclude
     * @return the roles
     */
    public static ColumnRoles frozen(List<RoleDecision> decisions, List<String> excluded) {
        Map<String, RoleDecision> d = new LinkedHashMap<>();
        decisions.forEach(x -> d.put(x.column(), x));
        return new ColumnRoles(d, new LinkedHashMap<>(), excluded);
    }

    /** A name as pandas gives an empty header cell, {@code Unnamed: 0} (the local reader names it so too). */
    private static final java.util.regex.Pattern UNNAMED = java.util.regex.Pattern.compile("Unnamed: [0-9]+");

    /**
     * The decision of a column named as pandas names an empty header cell, with a note saying so and what it
     * probably is: {@code df.to_csv()} writes the index with an empty name ({@code ,a,b}), an id-like column
     * that is not measured; any other such column is data whose header cell is empty.
     */
    private static RoleDecision unnamed(RoleDecision d) {
        if (!UNNAMED.matcher(d.column()).matches()) {
            return d;
        }
        String what = d.role() == ColumnRole.ID_LIKE ? "probably the row index that pandas' to_csv() writes (write "
                + "with index=False to leave it out)" : "a column whose header cell is empty: name it in the header";
        return new RoleDecision(d.column(), d.role(), d.reason() + " ('" + d.column() + "' is pandas' name for an "
                + "empty header cell: " + what + ")", d.overridden(), d.convention(), d.layout());
    }

    private static RoleDecision override(RoleDecision detected, ColumnStats s, RoleOverrides o, Path file) {
        String c = s.column();
        boolean numeric = RoleRules.isNumeric(s);
        ColumnRole set = o.roles().get(c);
        String option = "--role";
        if (set == null && o.discrete().contains(c)) {
            set = !numeric ? ColumnRole.CATEGORICAL : s.distinctNumbers() <= 2 ? ColumnRole.BINARY : ColumnRole.DISCRETE;
            option = "--discrete";
        } else if (set == null && o.continuous().contains(c)) {
            set = ColumnRole.CONTINUOUS;
            option = "--continuous";
        }
        if (set == null) {
            return detected;
        }
        if (s.present() == 0) {
            // no role has a value to use, so no other role is offered
            throw new DataException(file, -1, c, option + ": cannot be " + set.label() + ": all " + RoleRules.n(s.rows())
                    + " cells are missing, so no role has values to use", null);
        }
        // one rule for every role that reads values: the share the detection needs must be cells the role can
        // read, or the column would be all invalid cells with a verdict of OK forever
        if (set.isNumeric() && RoleRules.conventionInDoubt(s)) {
            // both readings are numbers, a thousand times apart: a role cannot choose between them
            throw new DataException(file, -1, c, option + ": cannot be " + set.label() + ": its cells mix "
                    + "two number conventions (1,234 is 1234 or 1.234 depending on which), so no reading is safe;"
                    + " write the column with one convention upstream (all 1,234.56 or all 1.234,56) and rerun",
                    null);
        }
        if (set.isNumeric() && !numeric) {
            throw unsupported(option, set, c, s.numbers(), s.present(), "numbers", RoleRules.NUMERIC_SHARE, file);
        }
        boolean temporal = set == ColumnRole.DATE || set == ColumnRole.TIMESTAMP;
        // epoch seconds are plain numbers: counted by numbers(), which also holds the few number-like forms
        // (1,234, 5%) that are no times; the rule is for columns of which hardly any cell is a time
        if (temporal && detected.layout().isIso()
                && s.dates() + s.timestamps() + s.numbers() < RoleRules.TEMPORAL_SHARE * s.present()) {
            throw unsupported(option, set, c, s.dates() + s.timestamps() + s.numbers(), s.present(),
                    "ISO dates, ISO date-times or epoch numbers", RoleRules.TEMPORAL_SHARE, file);
        }
        if (set == detected.role()) {
            return RoleRules.overridden(detected, set, detected.reason() + " (as set by " + option + ")");
        }
        return RoleRules.overridden(detected, set, set.label() + ", set by " + option + " (detected: "
                + detected.reason() + ")");
    }

    /** The error of a role set on a column whose cells it cannot read, naming the share and the fix. */
    private static DataException unsupported(String option, ColumnRole set, String column, long readable, long present,
                                             String what, double needed, Path file) {
        return new DataException(file, -1, column, option + ": cannot be " + set.label() + ": only "
                + RoleRules.pct(readable, Math.max(1, present)) + " of its values are " + what + " (at least "
                + Math.round(100 * needed) + "% needed); " + dev.surprisal.data.mi.MiTable.roleHint(column, "=categorical")
                + " uses its values as labels", null);
    }

    /** @return the decisions of the selected columns, in order */
    public List<RoleDecision> decisions() {
        return new ArrayList<>(decisions.values());
    }

    /** @return the selected columns, in order */
    public List<String> columns() {
        return new ArrayList<>(decisions.keySet());
    }

    /** @return the selected columns whose role is scored ({@link ColumnRole#isScored()}) */
    public List<String> scored() {
        return decisions.values().stream().filter(d -> d.role().isScored()).map(RoleDecision::column).toList();
    }

    /** @return the columns left out by --exclude, in file order */
    public List<String> excluded() {
        return excluded;
    }

    /**
     * @param column a selected column
     * @return its decision
     * @throws ValidationException naming the selected columns when it is not one
     */
    public RoleDecision decision(String column) {
        RoleDecision d = decisions.get(column);
        if (d == null) {
            throw new ValidationException("column: '" + column + "' is not among the selected columns: "
                    + String.join(", ", decisions.keySet()));
        }
        return d;
    }

    /**
     * @param column a selected column
     * @return its role
     */
    public ColumnRole role(String column) {
        return decision(column).role();
    }

    /**
     * @param column a selected column
     * @return the statistics its role was detected from; absent for frozen roles
     */
    public java.util.Optional<ColumnStats> stats(String column) {
        return java.util.Optional.ofNullable(stats.get(column));
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("ColumnRoles[");
        decisions.values().forEach(d -> b.append(d.column()).append('=').append(d.role().label()).append(' '));
        return b.append("]").toString();
    }
}
