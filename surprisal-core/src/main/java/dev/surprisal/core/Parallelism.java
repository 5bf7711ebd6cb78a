// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.core;

import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

/**
 * How many threads a piece of library work may use: scikit-learn's {@code n_jobs}, for the
 * analyses that run on parallel streams (profiling a table's columns, scanning notes, ranking
 * features, permutation tests).
 *
 * <p>Those analyses split their work over the fork-join pool of the thread that calls them: the
 * common pool (all available processors) from an ordinary thread, or the pool a task runs in.
 * {@link #call(int, Supplier)} runs the work as a task of a pool of exactly {@code threads}
 * workers, so its parallel streams use at most that many. The analyses compute per-index results
 * and reduce them in index order, so their results do not depend on the number of threads.
 */
public final class Parallelism {
    private Parallelism() {
    }

    /**
     * The default number of threads: the processors available to the JVM.
     *
     * @return {@link Runtime#availableProcessors()}
     */
    public static int available() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Runs {@code work} with its parallel streams limited to {@code threads} worker threads, and
     * returns its result. An exception thrown by the work is rethrown as it was thrown (the same
     * object, not a copy made for this thread), so its type and fields are kept.
     *
     * @param threads the most worker threads, at least 1
     * @param work    the work
     * @param <T>     its result type
     * @return what {@code work} returned
     * @throws ValidationException if {@code threads < 1}
     */
    public static <T> T call(int threads, Supplier<T> work) {
        if (threads < 1) {
            throw new ValidationException("threads: must be at least 1, got " + threads);
        }
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            // caught inside the task: ForkJoinTask.join would rethrow a reflective copy of the exception
            pool.submit(() -> {
                try {
                    result[0] = work.get();
                } catch (Throwable t) {
                    failure[0] = t;
                }
            }).join();
        } finally {
            pool.shutdown();
        }
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
        if (failure[0] != null) {
            throw new IllegalStateException(failure[0]);
        }
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }
}
