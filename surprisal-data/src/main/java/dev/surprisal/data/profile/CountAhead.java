// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.core.Parallelism;
import dev.surprisal.data.CsvTokens;
import dev.surprisal.data.DataFormat;
import dev.surprisal.data.TableReader;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * A count of a CSV or TSV file begun before its reference is known: the file's columns are tokenised
 * on a thread of their own ({@link TableReader#csvTokens}) while the caller opens its store and reads
 * the reference, and {@link #count} then decides and counts the reference's columns from those tokens.
 * The profile is the one {@link ProfileBuilder#count(Profile, TableReader, LongConsumer)} gives, and so
 * are its errors, in the same order: nothing read ahead is reported; a file the tokens do not serve
 * (another format, one the tokeniser declines, too large to hold every column at once, a read that
 * failed) is read again in order by {@code count}, which then meets and reports what went wrong. A
 * drift check's start (store, reference) ran alone on one core before; now the file's reading runs
 * beside it (docs/benchmarks.md, csv14).
 */
public final class CountAhead {
    /** {@code -Dsurprisal.countAhead=false}: nothing is read ahead, {@link #count} reads the file then (A/B runs). */
    static final String SWITCH = "surprisal.countAhead";
    private final TableReader reader;
    private final CompletableFuture<CsvTokens> tokens = new CompletableFuture<>();
    /** Whether {@link #count} took its columns from the tokens (tests: the tokens served, not a second read). */
    volatile boolean served;
    /** Where the rows read go once {@link #count} is called; before, nobody is shown them. */
    private volatile LongConsumer progress;

    private CountAhead(TableReader reader) {
        this.reader = reader;
    }

    /**
     * Starts tokenising every column of {@code reader}'s file on a daemon thread, when the whole file
     * fits the heap as one group ({@link CsvProfiler#plan}); returns at once.
     *
     * @param reader  the file to count
     * @param threads the threads the tokenising may use, 0 for the common pool's
     * @return the count begun
     */
    public static CountAhead start(TableReader reader, int threads) {
        if (reader == null) {
            throw new IllegalArgumentException("reader must not be null");
        }
        CountAhead ahead = new CountAhead(reader);
        if ("false".equals(System.getProperty(SWITCH))) {
            ahead.tokens.complete(null);
            return ahead;
        }
        Thread t = new Thread(() -> ahead.tokens.complete(ahead.tokenise(threads)), "surprisal-count-ahead");
        t.setDaemon(true);
        t.start();
        return ahead;
    }

    /** The tokens of every column, or null when they would not serve or the read failed (count reads again). */
    private CsvTokens tokenise(int threads) {
        LongConsumer relay = rows -> {
            LongConsumer to = progress;
            if (to != null) {
                to.accept(rows); // rows so far: a count called later shows the rows read from then on
            }
        };
        Supplier<CsvTokens> work = () -> {
            DataFormat f = reader.format() != null ? reader.format() : DataFormat.fromFileName(reader.file());
            if (f != DataFormat.CSV && f != DataFormat.TSV) {
                return null; // a Parquet file's plan would ask DuckDB for its rows: nothing to tokenise anyway
            }
            List<String> names = reader.columnNames();
            CsvProfiler.Plan plan = CsvProfiler.plan(reader, names, Runtime.getRuntime().maxMemory());
            return plan == null || plan.groups().size() != 1 ? null : reader.csvTokens(names, relay).orElse(null);
        };
        try {
            return threads > 0 ? Parallelism.call(threads, work) : work.get();
        } catch (RuntimeException | OutOfMemoryError e) {
            // nothing of it is reported here: count reads the file again, in order, and reports what it meets
            return null;
        }
    }

    /**
     * {@code reader}'s file counted on {@code reference}'s roles and bins, as
     * {@link ProfileBuilder#count(Profile, TableReader, LongConsumer)} counts it; waits for the
     * tokenising begun by {@link #start}. Callable once.
     *
     * @param reference a reference profile
     * @param progress  receives the rows done (may be null)
     * @return the file counted on the reference's roles and bins
     * @throws dev.surprisal.data.DataException as {@code ProfileBuilder.count} throws it
     */
    public Profile count(Profile reference, LongConsumer progress) {
        this.progress = progress;
        return FileProfiler.count(reference, reader, progress, this);
    }

    /** The tokens once, waiting for them; null when they would not serve (or were taken). */
    CsvTokens take() {
        CsvTokens t = tokens.join();
        tokens.obtrudeValue(null);
        return t;
    }
}
