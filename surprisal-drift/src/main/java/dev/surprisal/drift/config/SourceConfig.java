// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.config;

/**
 * Where a monitor's data for one window comes from: files, or a SQL query over JDBC.
 *
 * @param path     a file path, where {@code {date}} stands for the window's date (yyyy-MM-dd); a
 *                 directory means every CSV, Parquet or JSON file in it (a partitioned folder per
 *                 day); null for a query
 * @param glob     an explicit glob ({@code data/day-*.csv}), read as one table; null if unused
 * @param jdbc     a JDBC URL (PostgreSQL), or null for files
 * @param user     the database user, or null
 * @param password the database password (from {@code ${env:NAME}} only), or null
 * @param query    the SQL; {@code :window_start}, {@code :window_end} (timestamps) and {@code :date}
 *                 are bound as parameters, never pasted into the text
 * @param fetchSize rows fetched per round trip; rows are streamed, not held in memory
 */
public record SourceConfig(String path, String glob, String jdbc, String user, String password, String query,
                           int fetchSize) {
    /** @return true for a JDBC query source */
    public boolean isQuery() {
        return jdbc != null;
    }

    /**
     * Whether the window's date alone chooses the data: a path or glob with {@code {date}}, or a
     * query that binds {@code :date} but neither {@code :window_start} nor {@code :window_end}. Two
     * windows of one date then read the same data, so they are one check (see
     * {@code Window.key(SourceConfig)}).
     *
     * @return true for a source chosen by date
     */
    public boolean byDate() {
        if (isQuery()) {
            return query != null && java.util.regex.Pattern.compile(":date\\b").matcher(query).find()
                    && !java.util.regex.Pattern.compile(":window_(start|end)\\b").matcher(query).find();
        }
        String where = glob != null ? glob : path;
        return where != null && where.contains("{date}");
    }

    /**
     * Whether this is a local file or folder ({@code path}, not a glob or a query) that does not
     * exist now: as a reference, the monitor's baseline cannot be fitted from it (see
     * {@link MonitorConfig#cannotRun}).
     *
     * @return true when {@code path} names nothing on this machine
     */
    public boolean localFileMissing() {
        return !isQuery() && glob == null && path != null && !java.nio.file.Files.exists(java.nio.file.Path.of(path));
    }

    /** @return the source for messages and the API, without any secret */
    public String describe() {
        if (isQuery()) {
            return "query on " + jdbc.replaceAll("(?i)(password=)[^&]*", "$1***");
        }
        return glob != null ? "files " + glob : "file " + path;
    }

    @Override
    public String toString() {
        return describe();
    }
}
