package dev.surprisal.data.mi;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.Column;
import dev.surprisal.data.DataException;
import dev.surprisal.data.NumericColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.roles.Cells;
import dev.surprisal.data.roles.ColumnRoles;
import dev.surprisal.data.roles.RoleDecision;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.selection.MiOptions;
import dev.surprisal.selection.MiVariable;
import dev.surprisal.selection.RankedFeature;
import dev.surprisal.selection.TargetRanking;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * A table prepared for mutual information: each column gets its role from the shared detector
 * ({@link ColumnRoles}), and its role decides how it is estimated:
 * <ul>
 *   <li>{@code continuous}: a continuous {@link MiVariable} (kNN estimators);</li>
 *   <li>{@code binary}, {@code discrete}: numbers used as labels (plug-in, or Ross against a continuous column);</li>
 *   <li>{@code categorical}: labels;</li>
 *   <li>{@code id-like}, {@code timestamp}, {@code date}, {@code constant}: left out, each with its reason,
 *       since an ID read as labels has a large MI with anything by chance alone (every label seen once)
 *       and a timestamp mostly measures when a row was written. {@code --role COL=ROLE} brings one back.</li>
 * </ul>
 * Missing cells (pandas' missing strings, see {@link Cells}) and invalid cells in a numeric column
 * (text that is not a number) are missing values: each pair uses the rows where both have a value, and
 * the invalid cells are counted in a note.
 *
 * <pre>{@code
 * MiTable t = MiTable.read(Path.of("orders.csv"), RoleOverrides.none(), 42);
 * List<RankedFeature> ranking = t.rank("churned", MiOptions.defaults(), null);
 * }</pre>
 */
public final class MiTable {
    private final Path file;
    private final int rows;
    private final List<MiVariable> variables;
    private final List<RoleDecision> decisions;
    private final List<RoleDecision> leftOut;
    private final List<String> notes;

    private MiTable(Path file, int rows, List<MiVariable> variables, List<RoleDecision> decisions,
                    List<RoleDecision> leftOut, List<String> notes) {
        this.file = file;
        this.rows = rows;
        this.variables = List.copyOf(variables);
        this.decisions = List.copyOf(decisions);
        this.leftOut = List.copyOf(leftOut);
        this.notes = List.copyOf(notes);
    }

    /**
     * Reads a file and detects its columns' roles.
     *
     * @param file      a CSV, TSV, Parquet or JSON file
     * @param overrides the user's role options
     * @param seed      seed of the continuous columns' tie-breaking noise
     * @return the prepared table
     * @throws DataException if the file cannot be read or an option names a column it lacks
     */
    public static MiTable read(Path file, RoleOverrides overrides, long seed) {
        return read(TableReader.open(file), overrides, seed);
    }

    /**
     * Reads a file through a configured reader (e.g. {@link TableReader#withDelimiter}) and detects
     * its columns' roles.
     *
     * @param reader    the file's reader
     * @param overrides the user's role options
     * @param seed      seed of the continuous columns' tie-breaking noise
     * @return the prepared table
     * @throws DataException if the file cannot be read or an option names a column it lacks
     */
    public static MiTable read(TableReader reader, RoleOverrides overrides, long seed) {
        Table t = reader.read();
        return of(t, ColumnRoles.detect(t, overrides), seed, reader.file());
    }

    /**
     * Prepares an in-memory table whose roles are known.
     *
     * @param table the table
     * @param roles its roles (from {@link ColumnRoles#detect(Table, RoleOverrides)})
     * @param seed  seed of the continuous columns' tie-breaking noise
     * @param file  the source, for messages (may be null)
     * @return the prepared table
     */
    public static MiTable of(Table table, ColumnRoles roles, long seed, Path file) {
        List<MiVariable> vars = new ArrayList<>();
        List<RoleDecision> used = new ArrayList<>();
        List<RoleDecision> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int index = 0;
        for (Column c : table.columns()) {
            int position = index++;
            if (!roles.columns().contains(c.name())) {
                continue; // not selected by --columns / left out by --exclude
            }
            RoleDecision d = roles.decision(c.name());
            ColumnRole role = d.role();
            if (!role.isScored()) {
                out.add(d);
                continue;
            }
            used.add(d);
            if (role == ColumnRole.CATEGORICAL) {
                vars.add(c instanceof CategoricalColumn cat ? MiVariable.categorical(c.name(), codes(cat))
                        : MiVariable.discrete(c.name(), ((NumericColumn) c).values()));
                continue;
            }
            double[] values = numbers(c, notes);
            vars.add(role == ColumnRole.CONTINUOUS ? MiVariable.continuous(c.name(), values, seed, position)
                    : MiVariable.discrete(c.name(), values));
        }
        return new MiTable(file, table.rowCount(), vars, used, out, notes);
    }

    /** Labels of a text column, with pandas' missing strings as missing. */
    private static int[] codes(CategoricalColumn c) {
        int[] codes = c.codes().clone();
        boolean[] missing = new boolean[c.cardinality()];
        for (int k = 0; k < missing.length; k++) {
            missing[k] = Cells.isMissing(c.label(k));
        }
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] >= 0 && missing[codes[i]]) {
                codes[i] = -1;
            }
        }
        return codes;
    }

    /** The numbers of a numeric-role column; a text column (one with invalid cells) is parsed cell by cell. */
    private static double[] numbers(Column c, List<String> notes) {
        if (c instanceof NumericColumn n) {
            return n.values();
        }
        CategoricalColumn cat = (CategoricalColumn) c;
        double[] byCode = new double[cat.cardinality()];
        boolean[] invalid = new boolean[cat.cardinality()];
        for (int k = 0; k < byCode.length; k++) {
            String label = cat.label(k);
            byCode[k] = Cells.isMissing(label) ? Double.NaN : Cells.number(label);
            invalid[k] = !Cells.isMissing(label) && Double.isNaN(byCode[k]);
            if (Double.isInfinite(byCode[k])) {
                byCode[k] = Double.NaN;
                invalid[k] = true;
            }
        }
        double[] v = new double[cat.size()];
        int bad = 0;
        String first = null;
        for (int i = 0; i < v.length; i++) {
            int code = cat.code(i);
            v[i] = code < 0 ? Double.NaN : byCode[code];
            if (code >= 0 && invalid[code]) {
                bad++;
                if (first == null) {
                    first = "row " + (i + 1) + ": '" + cat.label(code) + "'";
                }
            }
        }
        if (bad > 0) {
            notes.add(String.format(Locale.ROOT, "%s: %d cell(s) are not numbers (first: %s); they are left out as missing",
                    c.name(), bad, first));
        }
        return v;
    }

    /**
     * Ranks every other scored column by the evidence that it carries information about {@code target}
     * ({@link TargetRanking}).
     *
     * @param target   the target's name
     * @param options  the options
     * @param progress receives 1 per feature (may be null)
     * @return the ranking
     * @throws DataException if the target is not a scored column (unknown, excluded, id-like, …)
     */
    public List<RankedFeature> rank(String target, MiOptions options, IntConsumer progress) {
        return TargetRanking.rank(variables, variable(target, "--target"), options, progress);
    }

    /**
     * The scored column {@code name}.
     *
     * @param name   the column
     * @param option the option that named it, for the message
     * @return its variable
     * @throws DataException naming the columns, or the role that left the column out and how to bring it back
     */
    public MiVariable variable(String name, String option) {
        for (MiVariable v : variables) {
            if (v.name().equals(name)) {
                return v;
            }
        }
        for (RoleDecision d : leftOut) {
            if (d.column().equals(name)) {
                throw new DataException(file, -1, name, option + " " + name + ": is " + d.role().label() + " (" + d.reason()
                        + "), which mutual information leaves out; set its role with --role " + name + "=discrete or "
                        + name + "=continuous to use it", null);
            }
        }
        List<String> names = new ArrayList<>();
        variables.forEach(v -> names.add(v.name()));
        throw new DataException(file, -1, name, option + " " + name + ": no such column among the selected ones ("
                + String.join(", ", names) + ")", null);
    }

    /** @return the scored columns, in file order */
    public List<MiVariable> variables() {
        return variables;
    }

    /** @return the roles of the scored columns, in file order */
    public List<RoleDecision> decisions() {
        return decisions;
    }

    /** @return the columns left out by their role (id-like, timestamp, date, constant), with the reasons */
    public List<RoleDecision> leftOut() {
        return leftOut;
    }

    /** @return notes about the cells (invalid numbers left out) */
    public List<String> notes() {
        return notes;
    }

    /** @return rows of the table */
    public int rows() {
        return rows;
    }

    /** @return the source file, or null for an in-memory table */
    public Path file() {
        return file;
    }
}
