// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * audit16 D1: a day of five orders. Its amounts, each seen once, were five equally likely labels (entropy log2 5
 * = 2.32 bits, "uniformly among 5 equally likely outcomes"); they are measurements, so entropy, mi and drift baseline
 * read them as continuous, and the small integer codes beside them stay discrete.
 */
class FewMeasurementsScenarioTest {
    private static Path day(Path dir) throws IOException {
        return Files.writeString(dir.resolve("day5.csv"), """
                amount,latency,city,churned,items
                52.89,137.9,Lyon,0,2
                101.96,118.1,Lyon,0,2
                147.53,100.0,Lyon,0,3
                53.16,4.2,Lyon,0,3
                48.44,58.8,Oslo,0,2
                """);
    }

    @Test
    void entropyOfFiveAmountsIsADifferentialEntropyNotFiveLabels(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("entropy", "--data", day(dir).toString(), "--column", "amount", "--explain");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("differential entropy\t").contains("bits (Vasicek, n = 5)")
                .doesNotContain("uniformly among 5 equally likely outcomes").doesNotContain("2.32");
        assertThat(r.err()).contains("amount: 5 numbers, each seen once, not all integers (48.44 to 147.5): continuous");
        // the integer codes of the same day stay labels
        Cli items = Cli.run("entropy", "--data", day(dir).toString(), "--column", "items");
        assertThat(items.code()).as(items.err()).isZero();
        assertThat(items.err()).contains("items: 2 distinct values (2, 3): binary");
    }

    @Test
    void miOfTwoFewMeasurementsIsKsgWithoutAnIntervalRatherThanACrash(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("mi", "--data", day(dir).toString(), "--x", "amount", "--y", "latency");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("estimator: KSG1").contains("bootstrap interval not shown: 5 rows, too few for the resamples of a kNN estimate");
        assertThat(r.out()).startsWith("I(X;Y)\t");
    }

    @Test
    void driftBaselineFreezesFiveAmountsAsContinuous(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("drift", "baseline", "--data", day(dir).toString(), "--monitor", "m", "--store",
                dir.resolve("store").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out() + r.err()).containsPattern("(?m)^  amount +continuous +5 numbers, each seen once")
                .containsPattern("(?m)^  items +binary ");
    }
}
