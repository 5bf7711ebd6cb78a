// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

/**
 * The process exit codes of {@code surprisal}. Scripts branch on these, so they never change
 * meaning: 0 success, 1 alarm, 2 usage error, 3 bad data, 4 internal error (a bug).
 */
public final class ExitCode {
    /** The command ran and produced its answer (an infinite KL is still an answer). */
    public static final int OK = 0;
    /** The command ran and raised an alarm (drift over threshold, novelty rule hit); reserved for those verbs. */
    public static final int ALARM = 1;
    /** The command line is wrong: unknown option, unparsable number, bad {@code --base}, missing argument. */
    public static final int USAGE = 2;
    /** The command line parses, but the data are invalid: negative or non-normalised probabilities, bad file, unknown column. */
    public static final int BAD_DATA = 3;
    /** An unexpected failure inside surprisal; please report it. */
    public static final int INTERNAL = 4;

    private ExitCode() {
    }
}
