// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders the {@code --help} page of every verb and sub-verb, found by walking the command tree, so
 * a new verb is covered without touching this test. picocli reports an unescaped {@code %} in a help
 * text as a "[picocli WARN]" line on {@code System.err} (not on the command's writer), so that
 * stream is captured too.
 */
class HelpPagesTest {
    @Test
    void everyHelpPageRendersWithoutWarningsAndShowsExamples() {
        List<List<String>> paths = new ArrayList<>();
        collect(SurprisalCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())),
                new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(15);

        PrintStream saved = System.err;
        ByteArrayOutputStream systemErr = new ByteArrayOutputStream();
        System.setErr(new PrintStream(systemErr, true, StandardCharsets.UTF_8));
        try {
            for (List<String> path : paths) {
                List<String> args = new ArrayList<>(path);
                args.add("--help");
                systemErr.reset();
                Cli r = Cli.run(args.toArray(String[]::new));
                String page = String.join(" ", path);
                assertThat(r.code()).as(page).isZero();
                assertThat(r.err()).as(page).isEmpty();
                assertThat(systemErr.toString(StandardCharsets.UTF_8)).as(page).isEmpty();
                assertThat(r.out()).as(page).doesNotContain("[picocli").contains("Usage: surprisal");
                assertThat(r.out()).as(page + ": an example section").containsPattern("(?m)^Examples?\\b");
            }
        } finally {
            System.setErr(saved);
        }
    }

    /** Every command path below the root, except picocli's own {@code help} (it prints the pages tested here). */
    private static void collect(CommandLine cmd, List<String> path, List<List<String>> out) {
        out.add(List.copyOf(path));
        cmd.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().userObject() instanceof HelpVerb
                    || !sub.getCommandSpec().name().equals(name)) {
                return; // picocli's help verb, or an alias of a verb already walked
            }
            List<String> p = new ArrayList<>(path);
            p.add(name);
            collect(sub, p, out);
        });
    }
}
