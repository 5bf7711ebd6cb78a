// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9 end to end: a CSV loaded twice, through every mode of {@code surprisal mi}. */
class MiDuplicateRowsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOTE = "1,000 of 2,000 rows repeat an earlier row exactly (duplicated records); MI is "
            + "estimated and tested on the 1,000 distinct rows; --keep-duplicate-rows to use all";

    /** x, z independent normals, y = rho·x + noise; every line written twice, as the audit's dup.csv. */
    private static Path twice(Path dir, double rho) throws IOException {
        SplittableRandom r = new SplittableRandom(11);
        StringBuilder b = new StringBuilder("x,y,z\n");
        for (int i = 0; i < 1000; i++) {
            double x = r.nextGaussian();
            String line = String.format(Locale.ROOT, "%.12f,%.12f,%.12f%n", x,
                    rho * x + Math.sqrt(1 - rho * rho) * r.nextGaussian(), r.nextGaussian());
            b.append(line).append(line);
        }
        Path f = dir.resolve("dup.csv");
        Files.writeString(f, b);
        return f;
    }

    @Test
    void independentColumnsLoadedTwiceAreNotSignificant(@TempDir Path dir) throws Exception {
        Path f = twice(dir, 0.0);
        Cli pair = Cli.run("mi", "--data", f.toString(), "--x", "x", "--y", "y", "--json");
        assertThat(pair.code()).as(pair.err()).isZero();
        JsonNode p = JSON.readTree(pair.out());
        assertThat(p.get("value").asDouble()).isCloseTo(0.0, within(0.08)); // bits; 1.09 before
        assertThat(p.get("p_value").asDouble()).isGreaterThan(0.05);
        assertThat(p.get("duplicate_rows").asLong()).isEqualTo(1000);
        assertThat(p.get("n").asLong()).isEqualTo(1000);
        assertThat(p.get("notes").toString()).contains(NOTE);

        Cli target = Cli.run("mi", "--data", f.toString(), "--target", "y");
        assertThat(target.code()).as(target.err()).isZero();
        assertThat(target.err()).contains(NOTE);
        assertThat(target.out().lines().skip(1)).hasSize(2)
                .allSatisfy(line -> assertThat(line).doesNotContain(" * ").doesNotContain("monotone "));

        JsonNode matrix = JSON.readTree(Cli.run("mi", "--data", f.toString(), "--matrix", "--json").out());
        assertThat(matrix.get("duplicate_rows").asLong()).isEqualTo(1000);
        assertThat(matrix.get("rows").asLong()).isEqualTo(1000);
        JsonNode select = JSON.readTree(Cli.run("mi", "--data", f.toString(), "--target", "y", "--select", "1",
                "--json").out());
        assertThat(select.get("duplicate_rows").asLong()).isEqualTo(1000);

        Cli all = Cli.run("mi", "--data", f.toString(), "--x", "x", "--y", "y", "--keep-duplicate-rows", "--json");
        JsonNode a = JSON.readTree(all.out());
        assertThat(a.get("duplicate_rows").asLong()).isZero();
        assertThat(a.get("value").asDouble()).as("the copies read as dependence").isGreaterThan(0.5);
    }

    @Test
    void aRealDependenceLoadedTwiceIsStillFound(@TempDir Path dir) throws Exception {
        JsonNode p = JSON.readTree(Cli.run("mi", "--data", twice(dir, 0.6).toString(), "--x", "x", "--y", "y",
                "--json").out());
        assertThat(p.get("duplicate_rows").asLong()).isEqualTo(1000);
        assertThat(p.get("p_value").asDouble()).isLessThan(0.05);
        assertThat(p.get("value").asDouble()).isCloseTo(-0.5 * Math.log(1 - 0.36) / Math.log(2), within(0.1));
    }

    /** Two rounded columns share rows by coincidence: no rows left out, no note. */
    @Test
    void coarseColumnsKeepEveryRow(@TempDir Path dir) throws Exception {
        SplittableRandom r = new SplittableRandom(5);
        StringBuilder b = new StringBuilder("price,qty\n");
        for (int i = 0; i < 3000; i++) {
            int qty = 1 + r.nextInt(5);
            b.append(String.format(Locale.ROOT, "%.1f,%d%n", Math.round((qty * 2 + r.nextGaussian()) * 10) / 10.0, qty));
        }
        Path f = dir.resolve("coarse.csv");
        Files.writeString(f, b);
        Cli pair = Cli.run("mi", "--data", f.toString(), "--x", "price", "--y", "qty", "--json");
        assertThat(pair.code()).as(pair.err()).isZero();
        JsonNode p = JSON.readTree(pair.out());
        assertThat(p.get("duplicate_rows").asLong()).isZero();
        assertThat(p.get("n").asLong()).isEqualTo(3000);
        assertThat(p.get("notes").toString()).doesNotContain("repeat an earlier row");
    }

    @Test
    void keepingDuplicatesIsOnlyForTheLocalEngine(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("mi", "--data", twice(dir, 0.0).toString(), "--x", "x", "--y", "y", "--keep-duplicate-rows",
                "--engine", "spark");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--keep-duplicate-rows: only with --engine local");
    }
}
