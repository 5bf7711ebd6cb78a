package dev.surprisal.data.profile;

import dev.surprisal.core.ValidationException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A frozen summary of a table: one {@link ColumnProfile} per column, all counted on bins fitted
 * once on a reference. A reference profile is built by {@link ProfileBuilder#fit}; each day's data
 * is counted on the reference's bins by {@link ProfileBuilder#count}. Profiles built on the same
 * reference {@link #merge} (commutative and associative), and serialise to versioned JSON with
 * {@link ProfileJson}.
 */
public final class Profile {
    private final Map<String, ColumnProfile> columns;
    private final long rows;
    private final long sketchRows;

    private Profile(Map<String, ColumnProfile> columns, long rows, long sketchRows) {
        this.columns = Collections.unmodifiableMap(columns);
        this.rows = rows;
        this.sketchRows = sketchRows;
    }

    /** A profile of these columns over {@code rows} rows, every row fed to the sketches. */
    public static Profile of(List<ColumnProfile> columns, long rows) {
        return of(columns, rows, rows);
    }

    /**
     * A profile of these columns over {@code rows} rows whose KLL sketches were fed from a seeded
     * uniform sample of {@code sketchRows} of them ({@code sketchRows == rows}: every row).
     */
    public static Profile of(List<ColumnProfile> columns, long rows, long sketchRows) {
        Map<String, ColumnProfile> m = new LinkedHashMap<>();
        for (ColumnProfile c : columns) {
            if (m.put(c.name(), c) != null) {
                throw new ValidationException("columns: '" + c.name() + "' appears twice");
            }
        }
        if (rows < 0) {
            throw new ValidationException("rows: must be >= 0, got " + rows);
        }
        if (sketchRows < 0 || sketchRows > rows) {
            throw new ValidationException("sketchRows: must be in [0, rows=" + rows + "], got " + sketchRows);
        }
        return new Profile(m, rows, sketchRows);
    }

    /** Rows profiled. */
    public long rows() {
        return rows;
    }

    /**
     * Rows whose values fed the KLL sketches (KS and Wasserstein): {@link #rows()} unless the sketches
     * come from a seeded uniform sample of a large file (see {@link ProfileOptions}). Bins, counts,
     * missing values and moments always cover every row.
     */
    public long sketchRows() {
        return sketchRows;
    }

    /** True when the sketches were fed from a sample of the rows rather than all of them. */
    public boolean sketchSampled() {
        return sketchRows < rows;
    }

    /** Column names in file order. */
    public List<String> columnNames() {
        return new ArrayList<>(columns.keySet());
    }

    public List<ColumnProfile> columns() {
        return new ArrayList<>(columns.values());
    }

    /**
     * The column called {@code name}.
     *
     * @throws IllegalArgumentException naming the available columns when there is none
     */
    public ColumnProfile column(String name) {
        ColumnProfile c = columns.get(name);
        if (c == null) {
            throw new ValidationException("name: no column '" + name + "' in profile; available: " + columns.keySet());
        }
        return c;
    }

    public boolean has(String name) {
        return columns.containsKey(name);
    }

    /**
     * Both profiles together (e.g. two halves of a day). Counts and moments add exactly. Sketches
     * merge as KLL sketches do; when either side was sampled, the merged sketch weighs each side by
     * its sample size (not its row count), and {@link #sketchRows()} is the sum of both.
     *
     * @throws IllegalArgumentException if the columns or their bins differ
     */
    public Profile merge(Profile other) {
        if (!columns.keySet().equals(other.columns.keySet())) {
            throw new ValidationException("other: columns " + other.columns.keySet() + " differ from " + columns.keySet());
        }
        List<ColumnProfile> out = new ArrayList<>();
        for (ColumnProfile c : columns.values()) {
            out.add(c.merge(other.columns.get(c.name())));
        }
        return of(out, rows + other.rows, sketchRows + other.sketchRows);
    }

    @Override
    public String toString() {
        return "Profile[rows=" + rows + (sketchSampled() ? ", sketchRows=" + sketchRows : "") + ", columns="
                + columns.keySet() + "]";
    }
}
