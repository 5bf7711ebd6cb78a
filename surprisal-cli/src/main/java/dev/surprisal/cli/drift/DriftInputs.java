// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.drift;

import dev.surprisal.cli.BadDataException;
import dev.surprisal.cli.Progress;
import dev.surprisal.cli.TableOptions;
import dev.surprisal.cli.ThreadsOption;
import dev.surprisal.data.DataFiles;
import dev.surprisal.data.TableLocation;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.profile.CountAhead;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileEngine;
import dev.surprisal.data.profile.ProfileOptions;
import dev.surprisal.drift.store.DriftStore;
import dev.surprisal.drift.store.StoreException;
import dev.surprisal.drift.store.StoreUrl;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the drift verbs read files and open the store. A missing file, an unknown monitor or a
 * store that cannot be opened are bad data (exit 3) with a message saying what to do; the data
 * module reports unreadable rows and unknown columns itself.
 */
final class DriftInputs {
    /** How long a verb waits for another process's DuckDB store lock (each holds it for about a second). */
    static final long LOCK_WAIT_MILLIS = 60_000;

    private DriftInputs() {
    }

    /**
     * Fits a reference profile on {@code file} read with {@code table} ({@code --delimiter}), on
     * {@code threads} threads (DuckDB's and the columns profiled in parallel), with a progress bar
     * on a terminal.
     */
    static Profile fit(Path file, ProfileOptions options, boolean quiet, TableOptions table, ThreadsOption threads) {
        TableReader reader = reader(file, table, threads);
        try (Progress progress = Progress.rows("profiling " + file.getFileName(), quiet)) {
            return threads.run(() -> ProfileBuilder.fit(reader, options, progress));
        }
    }

    /** Counts {@code file}, read with {@code table}, on the reference's frozen bins, on {@code threads} threads. */
    static Profile count(Profile reference, Path file, boolean quiet, TableOptions table, ThreadsOption threads) {
        TableReader reader = reader(file, table, threads);
        try (Progress progress = Progress.rows("counting " + file.getFileName(), quiet)) {
            return threads.run(() -> ProfileBuilder.count(reference, reader, progress));
        }
    }

    /**
     * Fits a reference profile on {@code file} with {@code engine} ({@code --engine spark}: a local file or a
     * remote location, which only it reads), or as
     * {@link #fit(Path, ProfileOptions, boolean, TableOptions, ThreadsOption)} when it is null (local).
     */
    static Profile fit(TableLocation file, ProfileOptions options, boolean quiet, TableOptions table,
                       ThreadsOption threads, ProfileEngine engine) {
        if (engine == null) {
            return fit(file.path(), options, quiet, table, threads);
        }
        requireReadable(file);
        return engine.fit(file, table.delimiter(), options);
    }

    /**
     * A local count of {@code file} begun now ({@link CountAhead}): its reading runs while the caller opens the
     * store and reads the reference. Null for another engine or a remote file, which are counted as before.
     */
    static CountAhead countAhead(TableLocation file, TableOptions table, ThreadsOption threads, boolean local) {
        if (!local || !file.isLocal()) {
            return null;
        }
        TableReader reader;
        try {
            reader = reader(file.path(), table, threads);
        } catch (RuntimeException e) {
            return null; // the count itself meets this, after the baseline's errors
        }
        return CountAhead.start(reader, threads.given() ? threads.threads() : 0);
    }

    /**
     * Counts {@code file} on the reference's frozen bins with {@code engine}, or locally when it is null, from
     * the count {@code ahead} begun when there is one (the same profile and errors).
     */
    static Profile count(Profile reference, TableLocation file, boolean quiet, TableOptions table,
                         ThreadsOption threads, ProfileEngine engine, CountAhead ahead) {
        if (engine == null && ahead != null) {
            try (Progress progress = Progress.rows("counting " + file.path().getFileName(), quiet)) {
                return threads.run(() -> ahead.count(reference, progress));
            }
        }
        return count(reference, file, quiet, table, threads, engine);
    }

    /** Counts {@code file} on the reference's frozen bins with {@code engine}, or locally when it is null. */
    static Profile count(Profile reference, TableLocation file, boolean quiet, TableOptions table,
                         ThreadsOption threads, ProfileEngine engine) {
        if (engine == null) {
            return count(reference, file.path(), quiet, table, threads);
        }
        requireReadable(file);
        return engine.count(reference, file, table.delimiter());
    }

    /**
     * The columns of {@code file}, read with {@code table}, for {@link dev.surprisal.drift.SchemaChange}: a local
     * file's header, or a remote table's columns as {@code engine} reads them (call it while the engine is open).
     */
    static List<String> columnNames(TableLocation file, TableOptions table, ProfileEngine engine) {
        return file.isLocal() ? table.open(file.path()).columnNames() : engine.columnNames(file, table.delimiter());
    }

    private static TableReader reader(Path file, TableOptions table, ThreadsOption threads) {
        TableReader reader = table.open(file);
        // without --threads DuckDB keeps its own default (every core), as before
        return threads.given() ? reader.withThreads(threads.threads()) : reader;
    }

    /**
     * A regular, readable, non-empty local file, or bad data saying what it is instead; a remote location is
     * checked by the engine that reads it (this machine's file system is not asked about it).
     */
    static void requireReadable(TableLocation file) {
        if (file.isLocal()) {
            DataFiles.requireRegularFile(file.path());
        }
    }

    /** Opens the store; failures (no store, in use, lost connection) are bad data naming the store. */
    static DriftStore open(StoreUrl url, boolean create) {
        try {
            return DriftStore.open(url, create, LOCK_WAIT_MILLIS);
        } catch (StoreException e) {
            throw new BadDataException(e.getMessage(), e);
        }
    }

    /**
     * Opens the store to read it only ({@link DriftStore#openReadOnly}: a file the user may only read
     * opens); failures are bad data naming the store.
     */
    static DriftStore openReadOnly(StoreUrl url) {
        try {
            return DriftStore.openReadOnly(url, LOCK_WAIT_MILLIS);
        } catch (StoreException e) {
            throw new BadDataException(e.getMessage(), e);
        }
    }

    /** The baseline of {@code monitor}, or bad data listing the monitors the store does have. */
    static Profile baseline(DriftStore store, String monitor) {
        return reference(store, monitor).profile();
    }

    /** The baseline of {@code monitor} with its version, or bad data listing the monitors the store does have. */
    static DriftStore.Reference reference(DriftStore store, String monitor) {
        try {
            return dev.surprisal.drift.rules.MonitorCheck.requireBaseline(store, monitor);
        } catch (StoreException e) {
            throw new BadDataException(e.getMessage(), e);
        }
    }
}
