// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.nio.file.Path;

/**
 * The one check of every file and directory argument of every verb: no verb reads standard input
 * or writes standard output in place of a file, so {@code -} given for any {@link Path} option or
 * positional is a usage error (exit 2) naming the option, raised after parsing and before the verb
 * runs ({@link SurprisalCommand} runs it in its execution strategy). Without it, {@code -} reached
 * the verbs as a file name and was reported as bad data (exit 3) or "no such file". A file really
 * named {@code -} is given as {@code ./-}. (A type converter cannot do this: picocli reads a
 * conversion failure in a list of positionals as "unmatched arguments".)
 */
final class PathArguments {
    /** What follows the option's name in the error. */
    static final String STDIN = "'-' (standard input or output) is not supported here: give a file path"
            + " (save piped data to a file first, e.g. cat > day.csv; a file named '-' is ./-)";

    private PathArguments() {
    }

    /**
     * Throws a usage error when {@code -} was given for a path argument of any command in
     * {@code parsed}'s chain.
     *
     * @throws ParameterException naming the option (or the positional's label)
     */
    static void refuseStandardStreams(ParseResult parsed) {
        for (ParseResult r = parsed; r != null; r = r.subcommand()) {
            if (r.isUsageHelpRequested() || r.isVersionHelpRequested()) {
                return; // --help wins, as picocli does
            }
        }
        for (ParseResult r = parsed; r != null; r = r.subcommand()) {
            for (ArgSpec a : r.matchedArgs()) {
                if (!isPath(a)) {
                    continue;
                }
                for (String v : a.originalStringValues()) {
                    if (v.equals("-")) {
                        String name = a instanceof OptionSpec o ? o.longestName() : a.paramLabel();
                        CommandLine cmd = r.commandSpec().commandLine();
                        throw new ParameterException(cmd, name + ": " + STDIN, a, v);
                    }
                }
            }
        }
    }

    private static boolean isPath(ArgSpec a) {
        if (Path.class.isAssignableFrom(a.type())) {
            return true;
        }
        for (Class<?> t : a.auxiliaryTypes()) {
            if (Path.class.isAssignableFrom(t)) {
                return true;
            }
        }
        return false;
    }
}
