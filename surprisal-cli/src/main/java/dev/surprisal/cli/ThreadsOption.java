// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.core.Parallelism;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.function.Supplier;

/**
 * {@code --threads N}, the mixin of every verb that runs in parallel (as scikit-learn's
 * {@code n_jobs}): at least 1, by default the processors available. A value below 1 is a usage
 * error naming {@code --threads}. The verb passes {@link #threads()} to a library option where
 * the library takes one ({@code FileAnalysis.Options.withThreads}, {@code VaeConfig}, DuckDB's
 * {@code TableReader.withThreads}), and runs the rest through {@link #run}, which limits the
 * library's parallel streams ({@link Parallelism#call}).
 */
public final class ThreadsOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private Integer threads;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads, at least 1 (as scikit-learn's n_jobs); the results do not depend on it."
                    + " Default: the available processors.")
    void threads(int n) {
        if (n < 1) {
            throw new ParameterException(mixee.commandLine(), "--threads: must be at least 1, got " + n);
        }
        threads = n;
    }

    /**
     * The number of worker threads.
     *
     * @return {@code --threads}, or the available processors when not given
     */
    public int threads() {
        return threads == null ? Parallelism.available() : threads;
    }

    /**
     * Whether {@code --threads} was given.
     *
     * @return true when given
     */
    public boolean given() {
        return threads != null;
    }

    /**
     * Runs library work with its parallel streams limited to {@link #threads()}; without
     * {@code --threads} the work runs as it always did, on the common pool.
     *
     * @param work the work
     * @param <T>  its result type
     * @return what the work returned
     */
    public <T> T run(Supplier<T> work) {
        return threads == null ? work.get() : Parallelism.call(threads, work);
    }
}
