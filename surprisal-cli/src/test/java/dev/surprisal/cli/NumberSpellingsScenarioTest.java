// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * audit18 findings 3 and 4, end to end on the auditor's files ({@code /golden/number_spellings/}).
 * <ul>
 *   <li>p_ref/p_cur.csv: amounts N(0, 100) whose negatives are written as accountants write them,
 *       {@code (66.29)}; the current day is 3 standard deviations higher. The amounts were text (id-like, not
 *       scored): "no alarm", exit 0. Read as the numbers a spreadsheet shows, the shift is DRIFT, exit 1.</li>
 *   <li>fr.csv (';'): French amounts with a narrow no-break space between thousands ({@code 13 665,55}) and Swiss
 *       ones ({@code 13'665.55}): both continuous numbers, read alike.</li>
 *   <li>kg.csv (';'): weights 1.004 to 9.982 kg, always 3 decimals ({@code 6,600}), were read 1000 times too big
 *       (1004 to 9982); kg_trim.csv, the same law with Excel's trailing zeros dropped ({@code 6,6}), was a DRIFT
 *       against it. In a ';'-separated file a ',' is a decimal comma.</li>
 *   <li>us.csv: an ordinary US file ({@code "1,234.50"}): its output is byte for byte what it was.</li>
 * </ul>
 */
class NumberSpellingsScenarioTest {
    private static final List<String> FILES = List.of("p_ref.csv", "p_cur.csv", "fr.csv", "kg.csv", "kg_trim.csv",
            "us.csv", "us_compare.txt", "us_entropy.txt");

    @TempDir
    Path dir;

    @BeforeEach
    void copyFiles() throws IOException {
        for (String f : FILES) {
            try (InputStream in = NumberSpellingsScenarioTest.class.getResourceAsStream("/golden/number_spellings/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    private static String row(Cli r, String column) {
        return r.out().lines().filter(l -> l.startsWith(column + " ")).findFirst().orElseThrow();
    }

    @Test
    void accountingNegativesAreNumbersAndAThreeSdShiftIsDrift() {
        Cli r = Cli.run("drift", "compare", file("p_ref.csv"), file("p_cur.csv"));
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCode.ALARM);
        assertThat(r.out()).containsPattern("(?m)^  amount +continuous +1,942 distinct numbers \\(-358 to 309\\.4\\):"
                + " continuous$");
        assertThat(row(r, "amount")).contains(" continuous ").endsWith(" DRIFT");
        assertThat(r.out()).contains("DRIFT: amount:").doesNotContain("id-like");
    }

    @Test
    void frenchAndSwissThousandsAreTheSameNumbers() {
        Cli fr = Cli.run("entropy", "--data", file("fr.csv"), "--delimiter", ";", "--column", "montant");
        Cli ch = Cli.run("entropy", "--data", file("fr.csv"), "--delimiter", ";", "--column", "swiss");
        assertThat(fr.code()).as(fr.out() + fr.err()).isZero();
        assertThat(ch.code()).as(ch.out() + ch.err()).isZero();
        // a differential entropy of the amounts, the same whichever way the thousands are written, not log2 n
        assertThat(fr.out()).startsWith("differential entropy\t").isEqualTo(ch.out());
        assertThat(fr.err()).contains("montant: 999 distinct numbers (22.34 to 4.426e+04): continuous; read as numbers"
                + " with a decimal comma").doesNotContain("rerun baseline");
        assertThat(ch.err()).contains("swiss: 999 distinct numbers (22.34 to 4.426e+04): continuous");
    }

    @Test
    void germanThreeDecimalWeightsAreKilogramsAndATrimmedExportIsNoDrift() {
        Cli h = Cli.run("entropy", "--data", file("kg.csv"), "--delimiter", ";", "--column", "gewicht_kg");
        assertThat(h.code()).as(h.out() + h.err()).isZero();
        // h of weights spread over 1 to 10 kg: about log2 9 = 3.17 bits (3.13 by the auditor's law), not 13.09
        double bits = Double.parseDouble(h.out().split("\t")[1]);
        assertThat(bits).isCloseTo(3.13, within(0.1));
        assertThat(h.err()).contains("gewicht_kg: 945 distinct numbers (1.004 to 9.982): continuous; read as numbers"
                + " with a decimal comma (1.234,56), as a ';'-separated file writes them");

        Cli d = Cli.run("drift", "compare", file("kg.csv"), file("kg_trim.csv"), "--delimiter", ";");
        assertThat(d.code()).as(d.out() + d.err()).isZero();
        assertThat(row(d, "gewicht_kg")).endsWith(" OK");
        assertThat(d.out()).contains("(1.004 to 9.982)").contains("no alarm");

        // the user can still say the ',' groups thousands
        Cli point = Cli.run("entropy", "--data", file("kg.csv"), "--delimiter", ";", "--column", "gewicht_kg",
                "--decimal", ".");
        assertThat(point.err()).contains("945 distinct integers (1004 to 9982)");
    }

    @Test
    void anOrdinaryUsFileIsReadAsBefore() throws IOException {
        Cli r = Cli.run("drift", "compare", file("us.csv"), file("us.csv"));
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo(Files.readString(dir.resolve("us_compare.txt"), StandardCharsets.UTF_8));
        Cli h = Cli.run("entropy", "--data", file("us.csv"), "--column", "amount");
        assertThat(h.out() + h.err()).isEqualTo(Files.readString(dir.resolve("us_entropy.txt"), StandardCharsets.UTF_8));
    }
}
