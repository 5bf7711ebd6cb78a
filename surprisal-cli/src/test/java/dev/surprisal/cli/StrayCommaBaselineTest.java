// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, the user's view of one stray decimal comma: a baseline of 2,000 amounts written {@code 1,234}
 * with one cell typed {@code 0,5} profiles the amounts as numbers, reads that cell as 0.5 (pandas'
 * {@code decimal=','}) and says the column mixes two conventions; an unreadable cell is named by line and value
 * (before, the column was categorical: 1,800 distinct texts, scored as labels).
 */
class StrayCommaBaselineTest {
    @TempDir
    Path dir;

    @Test
    void theBaselineNamesTheStrayCellAndKeepsTheAmountsNumbers() throws IOException {
        SplittableRandom r = new SplittableRandom(11);
        StringBuilder csv = new StringBuilder("amount,country\n");
        for (int i = 0; i < 2000; i++) {
            String amount = i == 2 ? "0,5" : i == 5 ? "abc" : String.format(Locale.US, "%,d", Math.round(Math.exp(7 + 0.8 * r.nextGaussian())));
            csv.append('"').append(amount).append("\",").append(r.nextBoolean() ? "SE" : "DE").append('\n');
        }
        Path f = Files.writeString(dir.resolve("orders.csv"), csv.toString());
        Cli b = Cli.run("drift", "baseline", "--monitor", "orders", "--data", f.toString(), "--store",
                dir.resolve("drift.duckdb").toString());
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(b.out()).containsPattern("amount +continuous +.*1 cell like 0,5 read with a decimal comma \\(0,5 as"
                + " 0.5\\) beside [\\d,]+ cells like [\\d,]+ read with ',' thousands separators \\(1,234 as 1234\\)");
        assertThat(b.out()).containsPattern("  amount: \\d+ bins, 0 missing, 1 invalid \\(values: \"abc\" ×1 \\(line 7\\)\\)");
    }
}
