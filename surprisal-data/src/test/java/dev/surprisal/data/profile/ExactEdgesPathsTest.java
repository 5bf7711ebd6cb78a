// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.data.TableReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One atom rule wherever edges are made: the same reference with atoms (an 80%-zero amount, a code with
 * the sentinels −1 and 999 at its ends around a 60% zero, and a latency without atom) gets the same bins
 * from the sampled edges and from exact edges ({@code drift baseline --exact-edges}) on every path: a CSV
 * file read by Java (the in-memory profiler), the same file and a Parquet copy on DuckDB's SQL path
 * ({@code quantile_disc}, {@link ExactEdges}). Before, DuckDB's exact edges had no atom bin: the 80% of
 * zeros shared [0, q90) with the smallest tenth of the other amounts.
 */
class ExactEdgesPathsTest {
    private static final int ROWS = 6_000;

    @TempDir
    static Path dir;
    private static Path csv;
    private static Path parquet;

    @BeforeAll
    static void files() throws Exception {
        SplittableRandom r = new SplittableRandom(15);
        StringBuilder b = new StringBuilder("amount,code,latency_ms\n");
        for (int i = 0; i < ROWS; i++) {
            double amount = r.nextDouble() < 0.8 ? 0 : Math.exp(3.5 + r.nextGaussian());
            double u = r.nextDouble();
            double code = u < 0.1 ? -1 : u < 0.7 ? 0 : u < 0.8 ? 999 : Math.rint(1 + 997 * r.nextDouble());
            b.append(String.format(Locale.ROOT, "%.2f,%.0f,%.1f%n", amount, code, 20 + 5 * r.nextGaussian()));
        }
        csv = Files.writeString(dir.resolve("reference.csv"), b);
        parquet = dir.resolve("reference.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT * FROM read_csv('" + csv + "', header = true, columns = {'amount': 'DOUBLE', "
                    + "'code': 'DOUBLE', 'latency_ms': 'DOUBLE'})) TO '" + parquet + "' (FORMAT PARQUET)");
        }
    }

    @Test
    void exactEdgesGiveTheAtomBinsOnEveryPath() {
        ProfileOptions exact = ProfileOptions.defaults().withExactEdges(true);
        Profile sampled = ProfileBuilder.fit(TableReader.open(csv), ProfileOptions.defaults());
        NumericBins amount = (NumericBins) sampled.column("amount").bins();
        NumericBins code = (NumericBins) sampled.column("code").bins();
        assertThat(amount.atoms()).containsExactly(0);
        assertThat(code.atoms()).containsExactly(-1, 0, 999);
        assertThat(((NumericBins) sampled.column("latency_ms").bins()).atoms()).isEmpty();
        Profile[] paths = {
            ProfileBuilder.fit(TableReader.open(csv), exact),
            CsvPathTest.viaDuckDb(() -> ProfileBuilder.fit(TableReader.open(csv), exact)),
            ProfileBuilder.fit(TableReader.open(parquet), exact),
            CsvPathTest.viaDuckDb(() -> ProfileBuilder.fit(TableReader.open(parquet), exact)),
        };
        String[] names = {"CSV in Java", "CSV on DuckDB", "Parquet in Java", "Parquet on DuckDB (typed)"};
        for (int p = 0; p < paths.length; p++) {
            for (String c : new String[] {"amount", "code", "latency_ms"}) {
                // fewer than 200,000 values: the sampled edges are exact too, so every path has the same bins
                assertThat(paths[p].column(c).bins()).as("%s: %s", names[p], c).isEqualTo(sampled.column(c).bins());
                assertThat(paths[p].column(c).counts()).as("%s: %s", names[p], c)
                        .containsExactly(sampled.column(c).counts());
            }
        }
    }

    /** Every value an atom: the quantiles' edges, as the in-memory rule gives (no other value to split off). */
    @Test
    void aColumnOfAtomsOnlyKeepsItsQuantileEdges() throws Exception {
        StringBuilder b = new StringBuilder("level\n");
        for (int i = 0; i < 3000; i++) {
            b.append(i % 3 == 0 ? "0.5" : i % 3 == 1 ? "1.5" : "2.5").append('\n');
        }
        Path f = Files.writeString(dir.resolve("levels.csv"), b);
        ProfileOptions o = ProfileOptions.defaults().withExactEdges(true)
                .withRoles(dev.surprisal.data.roles.RoleOverrides.none().withContinuous(java.util.List.of("level")));
        Profile java = ProfileBuilder.fit(TableReader.open(f), o);
        Profile sql = CsvPathTest.viaDuckDb(() -> ProfileBuilder.fit(TableReader.open(f), o));
        assertThat(sql.column("level").bins()).isEqualTo(java.column("level").bins());
    }
}
