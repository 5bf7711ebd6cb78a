// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surprisal.cli.SurprisalCommand;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * One run of {@code surprisal} on generated input, and the invariants every run must keep
 * (issue 11): an exit code in {0, 1, 2, 3}, never 4; no stack trace on stdout or stderr; no raw
 * control character (other than line feed and tab) on either; no secret
 * in any output or in any text file the run wrote; nothing half-written (no temporary file left,
 * and no declared output created by a run that failed); and {@code --json} output that parses.
 *
 * @param code the exit code
 * @param out  what was printed on stdout, through the command's writer or System.out
 * @param err  what was printed on stderr, through the command's writer or System.err
 */
record Run(List<String> args, int code, String out, String err) {
    /** Appears only inside store URLs the fuzz passes; no output or file may ever contain it. */
    static final String SECRET = "S3cretFuzzPw";
    private static final Pattern STACK_TRACE = Pattern.compile(
            "(?m)^\\s+at [\\w$.]+\\(|Exception in thread|^Caused by: |\\w+(Exception|Error): .*\\n\\s+at ");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Control characters other than line feed and tab. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f]");

    /** Runs {@code args} in-process through the CLI's entry point, with System.out and System.err captured too. */
    static Run inProcess(Duration timeout, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream sysOut = new ByteArrayOutputStream();
        ByteArrayOutputStream sysErr = new ByteArrayOutputStream();
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        System.setOut(new PrintStream(sysOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(sysErr, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = assertTimeoutPreemptively(timeout,
                    () -> SurprisalCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args),
                    () -> "surprisal " + String.join(" ", args) + " ran over " + timeout);
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
        return new Run(List.of(args), code, out + sysOut.toString(StandardCharsets.UTF_8),
                err + sysErr.toString(StandardCharsets.UTF_8));
    }

    /**
     * Asserts the invariants. {@code sandbox} is scanned for temporary files and secrets;
     * {@code outputs} are the files this run was asked to write, which must not exist when it failed
     * and did not exist before.
     */
    Run check(Path sandbox, List<Path> outputs, List<Boolean> existedBefore) throws IOException {
        String what = "surprisal " + String.join(" ", args) + "\n--- exit " + code + "\n--- stdout\n" + clip(out)
                + "\n--- stderr\n" + clip(err);
        assertThat(code).as(what).isBetween(0, 3);
        assertThat(STACK_TRACE.matcher(out).find()).as("stack trace on stdout: " + what).isFalse();
        assertThat(STACK_TRACE.matcher(err).find()).as("stack trace on stderr: " + what).isFalse();
        assertThat(out + err).as("secret printed: " + what).doesNotContain(SECRET);
        // user data reaches the terminal with its control characters escaped (ANSI escapes, CR, NUL, BEL)
        assertThat(CONTROL.matcher(out + err).find()).as("a raw control character printed: " + what).isFalse();
        if (code >= 2) {
            assertThat(err).as("an error says so: " + what).contains("surprisal: error: ");
            for (int i = 0; i < outputs.size(); i++) {
                if (!existedBefore.get(i)) {
                    assertThat(Files.isRegularFile(outputs.get(i))).as("written by a failed run: " + outputs.get(i)
                            + "\n" + what).isFalse();
                }
            }
        }
        if (args.contains("--json") && code <= 1 && !out.isBlank()) {
            String json = out.substring(out.indexOf(out.trim().charAt(0)));
            JSON.readTree(json); // throws on invalid JSON
            assertThat(json).as("NaN in JSON: " + what).doesNotContain("NaN");
        }
        try (Stream<Path> files = Files.walk(sandbox)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                assertThat(f.toString()).as("a file named with the secret\n" + what).doesNotContain(SECRET);
                assertThat(name).as("half-written file left: " + f + "\n" + what).doesNotEndWith(".tmp")
                        .doesNotEndWith(".partial");
                if (Files.size(f) < 2_000_000 && (name.endsWith(".html") || name.endsWith(".json"))) {
                    assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).as("secret in " + f).doesNotContain(SECRET);
                }
            }
        }
        return this;
    }

    Run check(Path sandbox) throws IOException {
        return check(sandbox, List.of(), List.of());
    }

    /** Whether each path exists now; pass to {@link #check} after the run. */
    static List<Boolean> existence(List<Path> paths) {
        List<Boolean> e = new ArrayList<>();
        for (Path p : paths) {
            e.add(Files.exists(p));
        }
        return e;
    }

    private static String clip(String s) {
        return s.length() > 4000 ? s.substring(0, 4000) + "…" : s;
    }
}
