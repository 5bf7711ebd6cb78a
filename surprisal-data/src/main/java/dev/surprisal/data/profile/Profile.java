package dev.surprisal.data.profile;

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

    private Profile(Map<String, ColumnProfile> columns, long rows) {
        this.columns = Collections.unmodifiableMap(columns);
        this.rows = rows;
    }

    /** A profile of these columns over {@code rows} rows. */
    public static Profile of(List<ColumnProfile> columns, long rows) {
        Map<String, ColumnProfile> m = new LinkedHashMap<>();
        for (ColumnProfile c : columns) {
            if (m.put(c.name(), c) != null) {
                throw new IllegalArgumentException("columns: '" + c.name() + "' appears twice");
            }
        }
        if (rows < 0) {
            throw new IllegalArgumentException("rows: must be >= 0, got " + rows);
        }
        return new Profile(m, rows);
    }

    /** Rows profiled. */
    public long rows() {
        return rows;
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
            throw new IllegalArgumentException("name: no column '" + name + "' in profile; available: " + columns.keySet());
        }
        return c;
    }

    public boolean has(String name) {
        return columns.containsKey(name);
    }

    /**
     * Both profiles together (e.g. two halves of a day).
     *
     * @throws IllegalArgumentException if the columns or their bins differ
     */
    public Profile merge(Profile other) {
        if (!columns.keySet().equals(other.columns.keySet())) {
            throw new IllegalArgumentException("other: columns " + other.columns.keySet() + " differ from " + columns.keySet());
        }
        List<ColumnProfile> out = new ArrayList<>();
        for (ColumnProfile c : columns.values()) {
            out.add(c.merge(other.columns.get(c.name())));
        }
        return of(out, rows + other.rows);
    }

    @Override
    public String toString() {
        return "Profile[rows=" + rows + ", columns=" + columns.keySet() + "]";
    }
}
