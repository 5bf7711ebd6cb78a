// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import dev.surprisal.data.TableReader;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.drift.config.MonitorConfig;
import dev.surprisal.drift.config.SourceConfig;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads a monitor's data: the files of a window ({@code {date}} substituted, a partitioned folder,
 * or an explicit glob, each file counted and the counts merged), or a JDBC query streamed into a
 * temporary CSV ({@link JdbcSource}). Counting happens here, outside the store.
 */
public final class Sources {
    private static final List<String> EXTENSIONS = List.of(".csv", ".tsv", ".parquet", ".json", ".jsonl", ".ndjson");

    private Sources() {
    }

    /** No data for a window: the check is skipped, not an alarm. */
    public static final class NoDataException extends SourceException {
        private static final long serialVersionUID = 1L;

        NoDataException(String message) {
            super(message);
        }
    }

    /**
     * @param source the source
     * @param window the window, or null for a reference
     * @return the files, in name order
     * @throws NoDataException when none exists
     */
    public static List<Path> files(SourceConfig source, Window window) {
        List<Path> out = new ArrayList<>();
        if (source.glob() != null) {
            Path g = Path.of(source.glob());
            Path dir = g.getParent() == null ? Path.of(".") : g.getParent();
            String pattern = g.getFileName().toString();
            if (window != null) {
                pattern = pattern.replace("{date}", window.date().toString());
            }
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> m.matches(p.getFileName()) && Files.isRegularFile(p)).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new NoDataException(source.describe() + ": cannot list " + dir + ": " + e.getMessage());
            }
        } else {
            Path p = Path.of(window == null ? source.path() : source.path().replace("{date}", window.date().toString()));
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> Files.isRegularFile(f) && EXTENSIONS.stream().anyMatch(e -> f.toString().endsWith(e)))
                            .sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new NoDataException(p + ": cannot list: " + e.getMessage());
                }
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            }
        }
        if (out.isEmpty()) {
            throw new NoDataException("no data " + (window == null ? "" : "for window " + window.key() + " ")
                    + "at " + (source.glob() != null ? source.glob() : source.path()));
        }
        return out;
    }

    /**
     * Fits a reference profile.
     *
     * @param monitor the monitor (columns and exclusions)
     * @param source  the reference's source
     * @return the profile
     */
    public static Profile fit(MonitorConfig monitor, SourceConfig source) {
        List<Path> files;
        Path file;
        try {
            files = source.isQuery() ? null : files(source, null);
            file = source.isQuery() ? JdbcSource.toCsv(source, null) : files.get(0);
        } catch (NoDataException e) {
            // a missing reference is a failure (logged as a WARNING, counted as an error), not a window's data that
            // has yet to arrive
            throw new SourceException(e.getMessage());
        }
        try {
            if (files != null && files.size() > 1) {
                throw new SourceException(source.describe() + ": a reference must be one file, found " + files.size());
            }
            TableReader reader = TableReader.open(file);
            List<String> names = reader.schema().names();
            // the names of the config's keys, reported at the file, line and key that wrote them (422, as drift
            // baseline --config says it with exit 3)
            monitor.checkColumns(names, source.isQuery() ? source.describe() : file.toString());
            // the rule of the config is stored with the baseline, as 'drift baseline' stores its options
            return ProfileBuilder.fit(reader, monitor.profileOptions())
                    .withRule(monitor.settings());
        } finally {
            if (source.isQuery()) {
                JdbcSource.delete(file);
            }
        }
    }

    /**
     * A window's data counted on a reference's bins, with its files' columns.
     *
     * @param profile the counts (several files merged)
     * @param columns the columns every file of the window has (a column some file lacks is counted as all
     *                missing there, and is said to be gone), in the first file's order; null when unknown
     *                (a profile counted elsewhere and posted)
     */
    public record Counted(Profile profile, List<String> columns) {
    }

    /**
     * Counts a window's data on the reference's frozen bins.
     *
     * @param source    the source
     * @param window    the window
     * @param reference the reference profile
     * @return today's profile (several files merged) and its columns
     */
    public static Counted count(SourceConfig source, Window window, Profile reference) {
        if (source.isQuery()) {
            Path csv = JdbcSource.toCsv(source, window);
            try {
                TableReader reader = TableReader.open(csv);
                return new Counted(ProfileBuilder.count(reference, reader), reader.columnNames());
            } finally {
                JdbcSource.delete(csv);
            }
        }
        Profile merged = null;
        List<String> columns = null;
        for (Path f : files(source, window)) {
            TableReader reader = TableReader.open(f);
            Profile p = ProfileBuilder.count(reference, reader);
            merged = merged == null ? p : merged.merge(p);
            List<String> own = reader.columnNames();
            columns = columns == null ? new java.util.ArrayList<>(own) : columns;
            columns.retainAll(own);
        }
        return new Counted(merged, columns == null ? List.of() : List.copyOf(columns));
    }
}
