package dev.surprisal.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr for long-running verbs, shown only when a person is watching: stdout and
 * stderr attached to a terminal ({@code System.console() != null}) and no {@code --quiet}. When the
 * output is piped or redirected (scripts, CI, the tests) it does nothing, so it never pollutes logs.
 * The bar (me.tongfei:progressbar) is cleared when the work finishes.
 *
 * <pre>{@code
 * try (Progress p = Progress.start("MI ranking", total, common)) {
 *     ... p.step(); ...
 * }
 * }</pre>
 * {@link #step()} is thread-safe, so parallel work may report into one bar.
 */
public final class Progress implements AutoCloseable {
    private static final Progress SILENT = new Progress(null);

    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar over {@code total} steps if {@link #visible} says so, otherwise a silent one. */
    public static Progress start(String task, long total, CommonOptions options) {
        return start(task, total, visible(System.console() != null, options.quiet()));
    }

    /** A bar over {@code total} steps when {@code show}, otherwise a silent one. */
    static Progress start(String task, long total, boolean show) {
        if (!show || total <= 0) {
            return SILENT;
        }
        return new Progress(new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(200)
                .clearDisplayOnFinish()
                .build());
    }

    /** A progress bar that never prints. */
    public static Progress silent() {
        return SILENT;
    }

    /** Whether to draw: only on a terminal, and never with {@code --quiet}. */
    static boolean visible(boolean terminal, boolean quiet) {
        return terminal && !quiet;
    }

    /** Whether this bar prints anything. */
    public boolean isVisible() {
        return bar != null;
    }

    /** One unit of work done. */
    public void step() {
        if (bar != null) {
            bar.step();
        }
    }

    /** {@code n} units of work done. */
    public void stepBy(long n) {
        if (bar != null) {
            bar.stepBy(n);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
