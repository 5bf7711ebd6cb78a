// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SurprisalCommand#execute} gives picocli only the verb typed (a start-up saving); every
 * answer must be the one the whole command tree gives.
 */
class CommandTreeTest {
    private static Cli full(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SurprisalCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    @Test
    void eachVerbAloneAnswersAsTheWholeTree() {
        List<String[]> cases = new ArrayList<>();
        for (String verb : SurprisalCommand.VERBS) {
            cases.add(new String[] {verb, "--help"});
            cases.add(new String[] {verb, "--no-such-option"});
        }
        cases.add(new String[] {"entropy", "0.5", "0.5"});
        cases.add(new String[] {"entropy", "--json", "0.25", "0.25", "0.5"});
        cases.add(new String[] {"entropy", "0.5", "0.6"});
        cases.add(new String[] {"divergence", "--p", "0.5,0.5", "--q", "0.9,0.1", "--both"});
        cases.add(new String[] {"drift", "check"});
        cases.add(new String[] {"vae", "train", "--beta", "-1"});
        for (String[] args : cases) {
            Cli fast = Cli.run(args);
            Cli whole = full(args);
            assertThat(fast).as(String.join(" ", args)).isEqualTo(whole);
        }
    }

    @Test
    void rootAnswersListEveryVerb() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {}, new String[] {"help"},
                new String[] {"entropyy", "0.5"}, new String[] {"--version"}, new String[] {"-V"},
                new String[] {"--version", "entropy"}, new String[] {"help", "mi"})) {
            assertThat(Cli.run(args)).as(String.join(" ", args)).isEqualTo(full(args));
        }
        String help = Cli.run("--help").out();
        for (String verb : SurprisalCommand.VERBS) {
            assertThat(help).contains("  " + verb + " ");
        }
        assertThat(Cli.run("--version").out()).startsWith("surprisal ");
    }
}
