// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Numbers typed on the command line: what is a usage error, what is bad data, and what is accepted (issue 11). */
class NumberInputTest {
    @Test
    void wordsThatAreNotNumbersAreUsageErrorsNamingTheValue() {
        for (String bad : new String[] {"abc", "0.5x", "0x1p-1", "1d"}) {
            Cli r = Cli.run("entropy", "0.5", bad);
            assertThat(r.code()).as(bad).isEqualTo(ExitCode.USAGE);
            assertThat(r.err()).as(bad).contains("'" + bad + "' is not a number").doesNotContain("Unmatched");
        }
        Cli empty = Cli.run("entropy", "0.5", "");
        assertThat(empty.code()).isEqualTo(ExitCode.USAGE);
        assertThat(empty.err()).contains("empty value");
        Cli emptyEntry = Cli.run("divergence", "--p", "0.5,,0.5", "--q", "0.5,0.5");
        assertThat(emptyEntry.code()).isEqualTo(ExitCode.USAGE);
        assertThat(emptyEntry.err()).contains("--p: an empty entry in '0.5,,0.5'");
    }

    @Test
    void nanAndInfinityInAnyCaseAreBadDataNamingThePositionAsTyped() {
        for (String v : new String[] {"nan", "NaN", "NAN"}) {
            Cli r = Cli.run("entropy", "0.5", v);
            assertThat(r.code()).as(v).isEqualTo(ExitCode.BAD_DATA);
            assertThat(r.err()).as(v).contains("value 2 ('" + v + "'): is NaN").doesNotContain("p[");
        }
        Cli inf = Cli.run("entropy", "--counts", "3", "inf");
        assertThat(inf.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(inf.err()).contains("value 2 ('inf'): is Infinity").doesNotContain("counts[");
    }

    /** The library's parameter names (p, q, counts) never reach the user: the option and the value's position do (issue 11). */
    @Test
    void messagesAboutTypedNumbersUseTheOptionAndThePositionNotInternalNames() {
        String[][] cases = {
                {"entropy 0.5 nan", "surprisal: error: value 2 ('nan'): is NaN"},
                {"entropy -0.5 1.5", "surprisal: error: value 1 ('-0.5'): is negative (-0.5)"},
                {"entropy 0.33 0.33", "surprisal: error: the values: probabilities must sum to 1"},
                {"entropy --counts 0 0", "surprisal: error: the values: total count is zero"},
                {"entropy --counts 1.5 2 --estimator nsb", "needs whole counts, got value 1 = 1.5"},
                {"divergence --p 0.5,nan --q 0.5,0.5", "surprisal: error: --p value 2 ('nan'): is NaN"},
                {"divergence --p 0.5 0.5 --q 0.5 nan", "surprisal: error: --q value 2 ('nan'): is NaN"},
                {"divergence --p 1,2 --q 1,nan --counts", "surprisal: error: --q value 2 ('nan'): is NaN"},
                {"divergence --p 1,-2 --q 1,2 --counts --smoothing laplace", "surprisal: error: --p value 2 ('-2'): is negative"},
                {"divergence --p 0.3,0.3 --q 0.5,0.5", "surprisal: error: --p: probabilities must sum to 1"},
                {"divergence --p 0.5,0.5 --q 0.5,0.25,0.25", "surprisal: error: --p and --q: lengths differ (2 vs 3)"},
                {"divergence --p 1.5,2 --q 1,2 --counts --smoothing laplace", "surprisal: error: --p value 1 ('1.5'): --counts needs whole numbers"},
        };
        for (String[] c : cases) {
            Cli r = Cli.run(c[0].split(" "));
            assertThat(r.code()).as(c[0] + ": " + r.err()).isEqualTo(ExitCode.BAD_DATA);
            assertThat(r.err()).as(c[0]).contains(c[1]).doesNotContainPattern("(^|[^\\w-])(p|q|counts)(\\[\\d+\\])?: ");
        }
    }

    @Test
    void decimalCommasAreReportedAsAmbiguous() {
        Cli counts = Cli.run("entropy", "--counts", "0,5", "0,5");
        assertThat(counts.code()).isEqualTo(ExitCode.USAGE);
        assertThat(counts.err()).contains("'0,5' is ambiguous").contains("0.5");
        Cli pq = Cli.run("divergence", "--p", "0,5", "--q", "0,5");
        assertThat(pq.code()).isEqualTo(ExitCode.USAGE);
        assertThat(pq.err()).contains("--p: '0,5' reads as the list 0, 5").contains("if you meant 0.5");
        // A comma list that is a valid distribution is read as a list.
        assertThat(Cli.run("entropy", "0,1").line()).isEqualTo("0.0");
        assertThat(Cli.run("divergence", "--p", "0.5,0.5", "--q", "0.5", "0.5").line()).isEqualTo("0.0");
    }

    @Test
    void hugeCountsDoNotOverflowTheirTotal() {
        Cli r = Cli.run("entropy", "--counts", "1e308", "1e308");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Double.parseDouble(r.line())).isEqualTo(1.0);
        Cli three = Cli.run("entropy", "--counts", "1.5e308", "1.5e308", "1.5e308", "--base", "3");
        assertThat(Double.parseDouble(three.line())).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void sumsWithinAThousandthOfOneAreRenormalisedWithANote() {
        Cli r = Cli.run("entropy", "0.333333", "0.333333", "0.333333");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Double.parseDouble(r.line())).isCloseTo(Math.log(3) / Math.log(2), within(1e-12));
        assertThat(r.err()).contains("sum to 0.999999").contains("renormalised");
        Cli json = Cli.run("divergence", "--p", "0.333333,0.333333,0.333333", "--q", "0.2,0.3,0.5", "--json");
        assertThat(json.out()).contains("\"notes\"").contains("renormalised");
        Cli off = Cli.run("entropy", "0.33", "0.33", "0.33");
        assertThat(off.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(off.err()).contains("must sum to 1");
    }

    /** audit18 finding 9: thirds typed to four decimals (sum 0.9999) were refused; scipy normalises them. */
    @Test
    void thirdsTypedToFourDecimalsAreRenormalisedAndAnOutcomeLeftOutIsStillRefused() {
        Cli r = Cli.run("entropy", "0.3333", "0.3333", "0.3333");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Double.parseDouble(r.line())).isCloseTo(Math.log(3) / Math.log(2), within(1e-12));
        assertThat(r.err()).contains("sum to 0.9999, within 0.001 of 1; they were renormalised");
        Cli json = Cli.run("entropy", "0.3333", "0.3333", "0.3333", "--json");
        assertThat(json.code()).isZero();
        assertThat(json.out()).contains("renormalised");
        // 0.9985 is a typo or a missing outcome's 0.15%, not rounding: refused with the --counts advice
        Cli off = Cli.run("entropy", "0.4985", "0.5");
        assertThat(off.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(off.err()).contains("must sum to 1, got sum 0.998").contains("add --counts");
        Cli q = Cli.run("divergence", "--p", "0.3333,0.3333,0.3333", "--q", "0.2,0.3,0.5");
        assertThat(q.code()).as(q.err()).isZero();
        assertThat(q.err()).contains("--p: the probabilities sum to 0.9999");
    }
}
