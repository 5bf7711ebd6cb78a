// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.util.function.LongConsumer;

/**
 * The one progress bar of the CLI (me.tongfei:progressbar, on stderr), shown only when a person is
 * watching: a console attached ({@code System.console() != null}) and no {@code --quiet}. When the
 * output is piped or redirected (scripts, CI, the tests) every call is a no-op, so it never pollutes
 * logs. The bar is cleared when the work finishes.
 *
 * <p>Two shapes: {@link #start} counts steps towards a known total (MI ranking, matrix, selection);
 * {@link #rows} counts rows of a stream whose length is unknown, with their rate (drift profiling),
 * and is fed as a {@link LongConsumer} of rows done.
 *
 * <pre>{@code
 * try (Progress p = Progress.start("MI ranking", total, common)) {
 *     ... p.step(); ...
 * }
 * }</pre>
 * {@link #step()} is thread-safe, so parallel work may report into one bar.
 */
public final class Progress implements LongConsumer, AutoCloseable {
    private static final Progress SILENT = new Progress(null);

    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /**
     * A bar over {@code total} steps if {@link #visible} says so, otherwise a silent one.
     *
     * @param task    what the bar says it does
     * @param total   the number of steps
     * @param options the verb's options ({@code --quiet})
     * @return the bar; close it when done
     */
    public static Progress start(String task, long total, CommonOptions options) {
        return start(task, total, visible(System.console() != null, options.quiet()));
    }

    /** A bar over {@code total} steps when {@code show}, otherwise a silent one. */
    static Progress start(String task, long total, boolean show) {
        if (!show || total <= 0) {
            return SILENT;
        }
        return new Progress(builder(task).setInitialMax(total).build());
    }

    /**
     * A bar counting rows (total unknown) and their rate, on a terminal and without {@code quiet}.
     *
     * @param task  what the bar says it does
     * @param quiet true for {@code --quiet}
     * @return the bar; close it when done
     */
    public static Progress rows(String task, boolean quiet) {
        return rows(task, System.console() != null, quiet);
    }

    /** A row-counting bar when {@link #visible}{@code (terminal, quiet)}, otherwise a silent one. */
    static Progress rows(String task, boolean terminal, boolean quiet) {
        if (!visible(terminal, quiet)) {
            return SILENT;
        }
        return new Progress(builder(task).setInitialMax(-1).setUnit(" rows", 1).showSpeed().build());
    }

    private static ProgressBarBuilder builder(String task) {
        return new ProgressBarBuilder()
                .setTaskName(task)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(200)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .clearDisplayOnFinish();
    }

    /**
     * A progress bar that never prints.
     *
     * @return a bar that prints nothing
     */
    public static Progress silent() {
        return SILENT;
    }

    /** Whether to draw: only on a terminal, and never with {@code --quiet}. */
    static boolean visible(boolean terminal, boolean quiet) {
        return terminal && !quiet;
    }

    /**
     * Whether this bar prints anything.
     *
     * @return true on a terminal without {@code --quiet}
     */
    public boolean isVisible() {
        return bar != null;
    }

    /** One unit of work done. */
    public void step() {
        if (bar != null) {
            bar.step();
        }
    }

    /**
     * {@code n} units of work done.
     *
     * @param n the number of steps, ≥ 0
     */
    public void stepBy(long n) {
        if (bar != null) {
            bar.stepBy(n);
        }
    }

    /** {@code done} units (rows) done so far, as reported by a streaming reader. */
    @Override
    public void accept(long done) {
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
