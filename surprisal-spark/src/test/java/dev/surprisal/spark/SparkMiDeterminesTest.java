// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.surprisal.data.mi.MatrixResult;
import dev.surprisal.data.mi.PairResult;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.selection.MiOptions;
import dev.surprisal.selection.TargetShare;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mi --matrix} on Spark notes a discrete pair where one column determines the other, as the local matrix does
 * (issue 9, review of mi10: Spark counted the discrete pairs' tables and gave no note). 3,000 orders: an order ID, a
 * postcode of 1,000 levels, its city (a function of the postcode), the city with 3% of rows moved, a 0/1 churn flag
 * and a refund flag that copies it, an amount (continuous, independent). Known truth: postcode determines city, nearly
 * determines city3, churned and refund each determine the other; the notes of both engines are equal, in order.
 */
@Tag("spark")
class SparkMiDeterminesTest {
    @TempDir
    static Path dir;
    private static Path csv;

    @BeforeAll
    static void file() throws IOException {
        SplittableRandom r = new SplittableRandom(77);
        int[] cityOf = new int[1000];
        for (int z = 0; z < cityOf.length; z++) {
            cityOf[z] = r.nextInt(300);
        }
        StringBuilder b = new StringBuilder("order_id,postcode,city,city3,churned,refund,amount\n");
        for (int i = 0; i < 3000; i++) {
            int z = r.nextInt(1000);
            int churned = r.nextInt(2);
            b.append(700_000 + i).append(",PC").append(1000 + z).append(",city").append(cityOf[z])
                    .append(",city").append(r.nextDouble() < 0.03 ? r.nextInt(300) : cityOf[z])
                    .append(',').append(churned).append(',').append(churned)
                    .append(',').append(String.format(Locale.ROOT, "%.2f", Math.exp(3 + r.nextGaussian()))).append('\n');
        }
        csv = Files.writeString(dir.resolve("orders.csv"), b.toString());
        TestSpark.session();
    }

    @Test
    void theSparkMatrixGivesTheLocalDeterminesNotes() {
        MatrixResult local = dev.surprisal.data.mi.MiTable.read(csv, RoleOverrides.none(), 42).matrix(3, null);
        assertThat(local.notes()).extracting(MatrixResult.PairNote::message)
                .anySatisfy(m -> assertThat(m).startsWith("postcode determines city ("))
                .anySatisfy(m -> assertThat(m).startsWith("postcode nearly determines city3"))
                .anySatisfy(m -> assertThat(m).startsWith("each determines the other"));
        // equal notes, in the same order, and the same numbers (SparkMiModesTest's comparison)
        SparkMiModesTest.assertSameMatrix(csv, RoleOverrides.none(),
                List.of("postcode", "city", "city3", "churned", "refund", "amount"));
        SparkMiModesTest.assertSameMatrix(csv, RoleOverrides.none().withExclude(List.of("amount")), List.of());
    }

    @Test
    void aCountedPairCarriesTheVerdict() {
        MiOptions o = MiOptions.defaults().withPermutations(19).withBootstrap(0, false);
        PairResult p = SparkMi.pair(SparkMiModesTest.read(csv), "postcode", "city", RoleOverrides.none(), o, csv).result();
        assertThat(p.feature().targetShare().flag()).isEqualTo(TargetShare.Flag.DETERMINES);
        assertThat(p.feature().targetShare()).isEqualTo(dev.surprisal.data.mi.MiTable.read(csv, RoleOverrides.none(), 42)
                .pair("postcode", "city", o).feature().targetShare());
    }
}
