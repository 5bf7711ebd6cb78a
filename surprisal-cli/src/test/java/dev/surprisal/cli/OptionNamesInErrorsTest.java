// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A value refused on the command line is named by its option (or, for positional values, by what they
 * are) and its position, never by the help's placeholder (audit11: {@code entropy --counts 3,x} said
 * {@code VALUE: 'x' is not a number}; picocli's converters said {@code Invalid value for option '--iwae'
 * (K[,K...])}, and {@code --base coin} named the library's parameter twice, {@code '--base': base: …}).
 */
class OptionNamesInErrorsTest {
    private static void usage(String command, String expected, String... placeholders) {
        Cli r = Cli.run(command.split(" "));
        assertThat(r.code()).as(command + ": " + r.err()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).as(command).startsWith("surprisal: error: " + expected).doesNotContain("Invalid value");
        for (String p : placeholders) {
            assertThat(r.err()).as(command).doesNotContain(p);
        }
    }

    @Test
    void typedNumbersNameTheListAndThePosition() {
        usage("entropy --counts 3,x", "the counts (--counts), value 2: 'x' is not a number", "VALUE");
        usage("entropy 0.5 x", "the probabilities, value 2: 'x' is not a number", "VALUE");
        usage("divergence --p 0.5,x --q 0.5,0.5", "--p value 2: 'x' is not a number");
        usage("entropy --counts 0,5 0,5", "the counts (--counts): '0,5' is ambiguous", "VALUE");
    }

    @Test
    void convertersRefusalsStartWithTheOption() {
        usage("entropy --base coin 0.5 0.5", "--base: expected 2, e, 10, bits, nats, bans or a number > 1, got 'coin'",
                "': base:");
        usage("mi --data x.csv --x a --y b --permutations x", "--permutations: 'x' is not an int");
        usage("entropy --data x.csv --column a --delimiter ab", "--delimiter: expected one character");
        usage("vae eval --iwae 1,x run", "--iwae: 'x' is not an int", "K[,K...]");
        usage("vae sweep --betas 1,x", "--betas: 'x' is not a double", "B[,B...]");
    }

    @Test
    void positionalPathsAreNamedByWhatTheyAre() {
        usage("drift compare - b.csv", "the reference file: '-' (standard input or output)", "REFERENCE CURRENT");
        usage("drift compare a.csv -", "the current file: '-'", "REFERENCE CURRENT");
        usage("file -", "the file: '-'", "FILE:");
    }
}
