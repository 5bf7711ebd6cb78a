// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Audit15 D1 end to end (the DuckDB file path): {@code sku}, Zipf(1.05) over 50,000 SKUs, about 10,900 distinct
 * in a 50,000-row reference. {@code drift compare} of a day with one new SKU on 5% of its rows printed
 * "new mass 0.00%", OK, exit 0: past 10,000 reference categories every non-top value was "other".
 */
class DriftManyCategoriesScenarioTest {
    @TempDir
    Path dir;

    private Path file(String name, long seed, int n, int brandNew) throws IOException {
        double[] cdf = new double[50_000];
        double sum = 0;
        for (int i = 0; i < cdf.length; i++) {
            sum += Math.pow(i + 1, -1.05);
            cdf[i] = sum;
        }
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder("sku\n");
        for (int i = 0; i < n; i++) {
            int k = Arrays.binarySearch(cdf, r.nextDouble() * sum);
            b.append(i < brandNew ? "SKU-BRANDNEW" : String.format("SKU-%06d", k < 0 ? -k - 1 : k)).append('\n');
        }
        return Files.writeString(dir.resolve(name), b.toString());
    }

    @Test
    void oneNewSkuOnFivePercentOfTheRowsIsNamedAndDriftWhileAResampledDayIsOk() throws IOException {
        Path ref = file("ref.csv", 1, 50_000, 0);
        Cli changed = Cli.run("drift", "compare", ref.toString(), file("new.csv", 2, 5_000, 250).toString());
        assertThat(changed.code()).as(changed.out() + changed.err()).isEqualTo(ExitCode.ALARM);
        assertThat(changed.out()).contains("DRIFT: sku: a frequent new value: \"SKU-BRANDNEW\" is 5.0% of today's "
                + "values").doesNotContain("not tracked");
        Cli same = Cli.run("drift", "compare", ref.toString(), file("same.csv", 3, 5_000, 0).toString());
        assertThat(same.code()).as(same.out() + same.err()).isEqualTo(ExitCode.OK);
        assertThat(same.out()).contains("new values in sku");
    }
}
