// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.core.Parallelism;
import dev.surprisal.data.CsvTokens;
import dev.surprisal.data.DataFormat;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.roles.RoleOverrides;

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
    private final CompletableFuture<Served> tokens = new CompletableFuture<>();
    /** Whether {@link #count} was handed the tokens (tests: the tokens served, not a second read). */
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
        return start(reader, threads, null);
    }

    /**
     * {@link #start(TableReader, int)} of the columns {@code selection} keeps ({@code --columns},
     * {@code --exclude}): a reference fitted on them is counted from tokens of those alone, which leave
     * the heap more room. A reference of other columns than these is counted by a read of the file.
     *
     * @param reader    the file to count
     * @param threads   the threads the tokenising may use, 0 for the common pool's
     * @param selection the columns to tokenise, or null for all
     * @return the count begun
     */
    public static CountAhead start(TableReader reader, int threads, RoleOverrides selection) {
        if (reader == null) {
            throw new IllegalArgumentException("reader must not be null");
        }
        CountAhead ahead = new CountAhead(reader);
        if ("false".equals(System.getProperty(SWITCH))) {
            ahead.tokens.complete(null);
            return ahead;
        }
        Thread t = new Thread(() -> ahead.tokens.complete(ahead.tokenise(threads, selection)), "surprisal-count-ahead");
        t.setDaemon(true);
        t.start();
        return ahead;
    }

    /**
     * Tokens that serve a count's plan, with the most cells they may hold as text: the smaller of the
     * count's budget and the one of the plan they were read by, since they hold all those columns' numbers
     * (a reference of fewer columns has a larger text budget than the file's tokens leave room for).
     *
     * @param tokens    the columns tokenised (every column of the file, or those of a selection)
     * @param textCells the most cells to hold as text (rows × text columns)
     */
    record Served(CsvTokens tokens, long textCells) {
    }

    /**
     * Tokens already read, for tests: as {@link #start} leaves them once its plan of the file's columns
     * gave {@code textCells}.
     */
    static CountAhead of(TableReader reader, CsvTokens tokens, long textCells) {
        CountAhead ahead = new CountAhead(reader);
        ahead.tokens.complete(new Served(tokens, textCells));
        return ahead;
    }

    /** The tokens of every column, or null when they would not serve or the read failed (count reads again). */
    private Served tokenise(int threads, RoleOverrides selection) {
        LongConsumer relay = rows -> {
            LongConsumer to = progress;
            if (to != null) {
                to.accept(rows); // rows so far: a count called later shows the rows read from then on
            }
        };
        Supplier<Served> work = () -> {
            DataFormat f = reader.format() != null ? reader.format() : DataFormat.fromFileName(reader.file());
            if (f != DataFormat.CSV && f != DataFormat.TSV) {
                return null; // a Parquet file's plan would ask DuckDB for its rows: nothing to tokenise anyway
            }
            List<String> all = reader.columnNames();
            List<String> names = selection == null ? all : selection.selected(all);
            CsvProfiler.Plan plan = CsvProfiler.plan(reader, names, Runtime.getRuntime().maxMemory());
            if (plan == null || plan.groups().size() != 1) {
                return null;
            }
            return reader.csvTokens(names, relay).map(t -> new Served(t, plan.textCells())).orElse(null);
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

    /**
     * The tokens once, waiting for them, when they serve {@code plan} (one group, every column of it
     * tokenised), with the text budget of both plans; null when they do not serve it (or were taken).
     * Taken (and let go of) whatever the plan: the tokens hold the file's numbers.
     *
     * @param plan the count's plan of the reference's columns, or null when the count will not read them
     */
    Served take(CsvProfiler.Plan plan) {
        Served t = tokens.join();
        tokens.obtrudeValue(null);
        if (t == null || plan == null || plan.groups().size() != 1 || !t.tokens().covers(plan.groups().get(0))) {
            return null;
        }
        served = true;
        return new Served(t.tokens(), Math.min(plan.textCells(), t.textCells()));
    }
}
