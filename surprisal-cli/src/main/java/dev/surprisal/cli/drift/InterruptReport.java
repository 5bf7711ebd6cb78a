// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.drift;

import java.io.PrintWriter;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Says what an interrupted verb left in the store. Ctrl-C (SIGINT, or SIGTERM) stops the JVM at once:
 * {@code drift baseline} interrupted while it profiled a large file printed nothing, and the user could
 * not tell whether the store was written. While this is open, a shutdown hook prints, on standard error,
 * either "interrupted: nothing written …" (the store was not touched: the write is then never started)
 * or, once the store's commit is done, the line the verb would have printed. An interrupt during the
 * write waits for it (the main thread runs on while shutdown hooks run) up to {@link #WRITE_WAIT_MILLIS}.
 *
 * <p>Test hook: the system property {@value #PAUSE_PROPERTY} = {@code before-write} or
 * {@code after-write} makes the verb print {@code PAUSE <where>} and sleep there, for a test to send the
 * signal at a known point.
 *
 * @param <T> what the write returns
 */
final class InterruptReport<T> implements AutoCloseable {
    /** Test-only: {@code before-write} or {@code after-write} pauses the verb there. */
    static final String PAUSE_PROPERTY = "surprisal.test.pauseAtWrite";
    /** How long an interrupt waits for a write in progress to commit, in milliseconds. */
    static final long WRITE_WAIT_MILLIS = 30_000;

    private enum State { WORKING, WRITING, WRITTEN, REPORTED, INTERRUPTED }

    private final PrintWriter err;
    private final String nothingWritten;
    private final Function<T, String> writtenLine;
    private final Thread hook;
    private State state = State.WORKING;
    private T written;

    /**
     * Starts watching for an interrupt.
     *
     * @param err            where the notice goes
     * @param nothingWritten the notice when the store was not written, e.g. "nothing written to X; …"
     * @param writtenLine    the line the verb prints once written, from what the write returned
     */
    InterruptReport(PrintWriter err, String nothingWritten, Function<T, String> writtenLine) {
        this.err = err;
        this.nothingWritten = nothingWritten;
        this.writtenLine = writtenLine;
        this.hook = new Thread(this::interrupted, "surprisal-interrupt-report");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Runs the store write, unless an interrupt came first (then nothing is written).
     *
     * @param write the write (one transaction)
     * @return what it returned
     * @throws IllegalStateException if the JVM is stopping and the write was not started
     */
    T write(Supplier<T> write) {
        pause("before-write");
        synchronized (this) {
            if (state == State.INTERRUPTED) {
                throw new IllegalStateException("interrupted before the write; nothing written");
            }
            state = State.WRITING;
        }
        T t;
        try {
            t = write.get();
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                state = State.WORKING; // not written: an interrupt now says so
                notifyAll();
            }
            throw e;
        }
        synchronized (this) {
            written = t;
            state = State.WRITTEN;
            notifyAll();
        }
        pause("after-write");
        return t;
    }

    /**
     * Prints the verb's own report of the write; from then on an interrupt adds nothing.
     *
     * @param print prints the report (and flushes)
     */
    synchronized void report(Runnable print) {
        print.run();
        state = State.REPORTED;
    }

    private synchronized void interrupted() {
        long deadline = System.currentTimeMillis() + WRITE_WAIT_MILLIS;
        while (state == State.WRITING && System.currentTimeMillis() < deadline) {
            try {
                wait(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                break;
            }
        }
        switch (state) {
            case WORKING -> {
                state = State.INTERRUPTED;
                err.println("surprisal: interrupted: " + nothingWritten);
            }
            case WRITTEN -> err.println("surprisal: interrupted after the store was written: "
                    + writtenLine.apply(written));
            case WRITING -> err.println("surprisal: interrupted while writing the store; the write did not end within "
                    + WRITE_WAIT_MILLIS / 1000 + " s, so it is rolled back unless it committed: look with drift history");
            default -> { } // reported by the verb itself
        }
        err.flush();
    }

    /** Stops watching (the verb has ended, one way or another). */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException stopping) {
            // the JVM is stopping: the hook runs and says what was written
        }
    }

    private static void pause(String where) {
        if (where.equals(System.getProperty(PAUSE_PROPERTY))) {
            System.out.println("PAUSE " + where);
            System.out.flush();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
