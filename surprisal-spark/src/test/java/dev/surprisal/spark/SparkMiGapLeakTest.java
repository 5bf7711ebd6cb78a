// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.surprisal.data.mi.RankingResult;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.selection.MiOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 (review13c): on Spark's counted tables the test of whether a numeric column is filled in
 * ({@code MissingLeak}) did not run, so a numeric column filled in only after the outcome was named locally and not
 * on Spark (docs/scaling.md: "runs locally only"). The empty cells are now counted against the target in the same
 * scan, and the notes are the local ones, word for word. Known truth: refund_amount (a numeric count, discrete) is
 * filled only when churned = 1; cancel_date (a date, left out of MI) likewise; tickets has 4% of its cells empty at
 * random plus an {@code abc} (read as empty, as locally); seats has no gaps.
 */
@Tag("spark")
class SparkMiGapLeakTest {
    @TempDir
    static Path dir;
    private static Path csv;

    @BeforeAll
    static void data() throws IOException {
        TestSpark.session().conf().set("spark.sql.files.maxPartitionBytes", "16384"); // several partitions
        TestSpark.session().conf().set("spark.sql.files.openCostInBytes", "0");
        SplittableRandom r = new SplittableRandom(31);
        String[] plans = {"free", "pro", "team"};
        List<String> lines = new ArrayList<>();
        lines.add("customer_id,plan,seats,tickets,refund_amount,cancel_date,churned");
        for (int i = 1; i <= 3000; i++) {
            int plan = r.nextInt(3);
            int churned = r.nextDouble() < (plan == 0 ? 0.25 : 0.06) ? 1 : 0;
            String tickets = i == 17 ? "abc" : r.nextDouble() < 0.04 ? "" : Integer.toString(r.nextInt(5));
            String refund = churned == 1 ? Integer.toString(10 * (1 + r.nextInt(4))) : "";
            String cancel = churned == 1 ? String.format(Locale.ROOT, "2024-%02d-%02d", 1 + r.nextInt(12),
                    1 + r.nextInt(28)) : "";
            lines.add((500_000 + i) + "," + plans[plan] + "," + (1 + r.nextInt(3)) + "," + tickets + "," + refund
                    + "," + cancel + "," + churned);
        }
        csv = Files.write(dir.resolve("customers.csv"), lines);
    }

    @Test
    void aNumericColumnFilledInOnlyAfterTheOutcomeIsNamedOnSparkAsLocally() {
        MiOptions options = MiOptions.defaults().withBootstrap(0, false).withPermutations(19);
        // the counted path: no text column has gaps, the target is discrete, no row is a copy
        RankingResult r = SparkMiTest.assertSameRanking(csv, "churned", RoleOverrides.none(), options);
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).startsWith("refund_amount: whether refund_amount is"
                + " filled in tells").contains("it is filled only when churned = 1"));
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).startsWith("cancel_date: whether cancel_date is filled in")
                .contains("role date"));
        assertThat(r.notes()).noneSatisfy(n -> assertThat(n).startsWith("tickets: whether"));
        assertThat(r.notes()).noneSatisfy(n -> assertThat(n).startsWith("seats: whether"));
    }
}
