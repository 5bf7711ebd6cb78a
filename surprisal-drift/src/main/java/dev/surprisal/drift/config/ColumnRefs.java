// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Where a monitor's config file names columns ({@code columns}, {@code exclude}, {@code discrete},
 * {@code continuous}, {@code role}, {@code dayfirst}, {@code thresholds}): each name with its file,
 * line and key, so that a name the reference does not have is reported where the user wrote it
 * ({@code monitors.yaml:10: monitors[0].exclude: no column 'vehicle_idx' in data/reference.csv; did you
 * mean vehicle_id?}), not as a command-line option the user never typed.
 *
 * @param refs the names, in file order
 */
public record ColumnRefs(List<Ref> refs) {
    /** No positions known (a monitor built in code): {@link MonitorConfig#columnRefs()} then names the monitor's line. */
    public static final ColumnRefs NONE = new ColumnRefs(List.of());

    /**
     * One column name as written.
     *
     * @param column the name
     * @param file   the config file, as given
     * @param line   its 1-based line
     * @param key    the key path ({@code monitors[0].exclude})
     */
    public record Ref(String column, String file, int line, String key) {
    }

    /** @param refs the names, in file order */
    public ColumnRefs {
        refs = List.copyOf(refs);
    }

    /**
     * The first name that is not a column of the reference, as a config error.
     *
     * @param available the reference's columns, in file order
     * @param reference the reference, for the message (as the config wrote it)
     * @return the error naming file, line and key, the reference and the nearest column (or the columns); null when
     *         every name is a column
     */
    public ConfigException unknown(List<String> available, String reference) {
        for (Ref r : refs) {
            if (!available.contains(r.column())) {
                List<String> near = Node.nearest(r.column(), new LinkedHashSet<>(available));
                return new ConfigException(r.file(), r.line(), r.key(), "no column '" + r.column() + "' in "
                        + reference + (near.isEmpty() ? "; columns: " + String.join(", ", available)
                        : "; did you mean " + String.join(" or ", near) + "?"));
            }
        }
        return null;
    }

    /**
     * Names of a monitor without positions, each at the monitor's own line.
     *
     * @param file  the config file
     * @param line  the monitor's line
     * @param key   the monitor's key path prefix ({@code monitor 'orders'})
     * @param named the names by config key, in the config's key order
     * @return the names
     */
    static ColumnRefs at(String file, int line, String key, java.util.Map<String, List<String>> named) {
        List<Ref> out = new ArrayList<>();
        named.forEach((k, cols) -> cols.forEach(c -> out.add(new Ref(c, file, line, key + "." + k))));
        return new ColumnRefs(out);
    }
}
