package dev.surprisal.cli.drift;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.util.function.LongConsumer;

/**
 * A progress bar over rows on stderr, shown only on an interactive terminal and without
 * {@code --quiet}; otherwise every call is a no-op, so piped output and tests stay clean.
 * The total is unknown while streaming, so the bar counts rows and their rate.
 */
final class RowProgress implements LongConsumer, AutoCloseable {
    private final ProgressBar bar;

    private RowProgress(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar named {@code task} when stderr is a terminal and {@code quiet} is off; else silent. */
    static RowProgress start(String task, boolean quiet) {
        if (quiet || System.console() == null) {
            return new RowProgress(null);
        }
        return new RowProgress(new ProgressBarBuilder().setTaskName(task).setInitialMax(-1).setUnit(" rows", 1)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).showSpeed().build());
    }

    @Override
    public void accept(long rowsDone) {
        if (bar != null) {
            bar.stepTo(rowsDone);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
