// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.spark;

import dev.surprisal.cli.SurprisalCommand;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the {@code surprisal} command in this JVM, as the tests compare them: through the
 * {@code spark-submit} entry point ({@link DriftJob}, {@code --engine spark} implied) or on the local engine.
 *
 * @param code the exit code
 * @param out  standard output
 * @param err  standard error
 */
record CliRun(int code, String out, String err) {
    /** Runs {@code args} through {@link DriftJob#run}. */
    static CliRun spark(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DriftJob.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Runs {@code args} with the CLI as given (the local engine unless {@code --engine} says otherwise). */
    static CliRun local(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SurprisalCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
