// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surprisal.cli.SurprisalCommand;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

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

    /**
     * Spark's {@code drift compare} of {@code day} against {@code ref}, as JSON and as text.
     *
     * @param report the JSON report
     * @param text   the text report
     * @param err    the text run's standard error (its warnings)
     */
    record Compared(JsonNode report, String text, String err) {
    }

    /**
     * Runs {@code drift compare} of {@code day} against {@code ref} on both engines; asserts the same exit code,
     * column verdicts, warnings and text.
     */
    static Compared compareOnBoth(String ref, Path day, int expected) throws IOException {
        CliRun onSpark = spark("drift", "compare", ref, day.toString(), "--json");
        CliRun onLocal = local("drift", "compare", ref, day.toString(), "--json");
        assertThat(onLocal.code()).as(day + ": " + onLocal.out() + onLocal.err()).isEqualTo(expected);
        assertThat(onSpark.code()).as(day + ": " + onSpark.out() + onSpark.err()).isEqualTo(expected);
        JsonNode s = JSON.readTree(onSpark.out());
        JsonNode l = JSON.readTree(onLocal.out());
        assertThat(s.path("columns")).as(day.toString()).isEqualTo(l.path("columns"));
        assertThat(s.path("warnings")).as(day.toString()).isEqualTo(l.path("warnings"));
        CliRun text = spark("drift", "compare", ref, day.toString());
        assertThat(text.out()).isEqualTo(local("drift", "compare", ref, day.toString()).out());
        return new Compared(s, text.out(), text.err());
    }

    private static final ObjectMapper JSON = new ObjectMapper();
}
