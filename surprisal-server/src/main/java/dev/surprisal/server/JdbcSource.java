// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import dev.surprisal.drift.config.SourceConfig;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SQL query over JDBC (PostgreSQL) as a source. The window is bound as parameters
 * ({@code :window_start}, {@code :window_end} as timestamps, {@code :date} as a date), never pasted
 * into the SQL. Rows are streamed with a fetch size (PostgreSQL needs auto-commit off for that) into
 * a temporary CSV, which the usual file path then profiles; memory stays bounded by the fetch size.
 * DuckDB's postgres extension is not used because it would be downloaded at run time.
 */
final class JdbcSource {
    private static final Pattern PARAM = Pattern.compile(":(window_start|window_end|date)\\b");

    private JdbcSource() {
    }

    static Path toCsv(SourceConfig source, Window window) {
        List<String> params = new ArrayList<>();
        Matcher m = PARAM.matcher(source.query());
        StringBuilder sql = new StringBuilder();
        while (m.find()) {
            if (window == null) {
                throw new SourceException(source.describe() + ": a reference query cannot use :" + m.group(1));
            }
            params.add(m.group(1));
            m.appendReplacement(sql, "?");
        }
        m.appendTail(sql);
        Properties props = new Properties();
        if (source.user() != null) {
            props.setProperty("user", source.user());
        }
        if (source.password() != null) {
            props.setProperty("password", source.password());
        }
        Path out;
        try {
            out = Files.createTempFile("surprisal-query-", ".csv");
        } catch (IOException e) {
            throw new SourceException("cannot create a temporary file for the query's rows: " + e.getMessage());
        }
        try (Connection c = DriverManager.getConnection(source.jdbc(), props)) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement ps = c.prepareStatement(sql.toString(), ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(source.fetchSize());
                for (int i = 0; i < params.size(); i++) {
                    switch (params.get(i)) {
                        case "window_start" -> ps.setTimestamp(i + 1, Timestamp.from(window.start()));
                        case "window_end" -> ps.setTimestamp(i + 1, Timestamp.from(window.end()));
                        default -> ps.setObject(i + 1, window.date());
                    }
                }
                try (ResultSet rs = ps.executeQuery(); BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                    ResultSetMetaData md = rs.getMetaData();
                    int n = md.getColumnCount();
                    for (int i = 1; i <= n; i++) {
                        w.write((i > 1 ? "," : "") + csv(md.getColumnLabel(i)));
                    }
                    w.write('\n');
                    long rows = 0;
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            String v = rs.getString(i);
                            w.write((i > 1 ? "," : "") + (v == null ? "" : csv(v)));
                        }
                        w.write('\n');
                        rows++;
                    }
                    if (rows == 0) {
                        throw new Sources.NoDataException(source.describe() + ": the query returned no rows"
                                + (window == null ? "" : " for window " + window.key()));
                    }
                }
            }
            c.rollback();
            return out;
        } catch (SQLException | IOException e) {
            delete(out);
            // the driver's messages do not carry the password; the URL holds none (refused at load)
            throw new SourceException(source.describe() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            delete(out);
            throw e;
        }
    }

    private static String csv(String v) {
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }

    static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary file left behind is harmless; the check's result matters more
        }
    }
}
