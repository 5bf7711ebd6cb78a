package dev.surprisal.data.profile;

import dev.surprisal.data.Table;
import dev.surprisal.data.TableReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file larger than the sketch sample (20,000 rows, sample 1,000): sketches and interior edges
 * come from the seeded sample; counts, missing values, ±∞ and moments from every row.
 */
class SampledProfileTest {
    private static final int ROWS = 20_000;
    @TempDir
    static Path dir;
    static Path file;

    @BeforeAll
    static void writeParquet() throws Exception {
        file = dir.resolve("big.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("SELECT setseed(0.3)");
            // x: normal with NULLs, NaN, -inf and +inf; k: 7 tied integer values; city: text
            st.execute("COPY (SELECT CASE WHEN i % 100 = 0 THEN NULL WHEN i % 333 = 0 THEN 'nan'::DOUBLE "
                    + "WHEN i % 1000 = 1 THEN '-inf'::DOUBLE WHEN i % 1000 = 2 THEN 'inf'::DOUBLE "
                    + "ELSE sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) END AS x, "
                    + "floor(random() * 7)::DOUBLE AS k, ['a', 'b', 'c'][1 + (i % 3)] AS city "
                    + "FROM range(" + ROWS + ") t(i)) TO '" + file + "' (FORMAT PARQUET)");
        }
    }

    private static ProfileOptions small() {
        return ProfileOptions.defaults().withSketchSample(1000);
    }

    @Test
    void fittingAndCountingTheSameFileGiveTheSameCounts() {
        Profile fit = ProfileBuilder.fit(TableReader.open(file), small());
        Profile again = ProfileBuilder.count(fit, TableReader.open(file));
        for (String c : List.of("x", "k", "city")) {
            assertThat(fit.column(c).counts()).as(c).containsExactly(again.column(c).counts());
            assertThat(fit.column(c).missing()).as(c).isEqualTo(again.column(c).missing());
        }
        ColumnProfile x = fit.column("x");
        assertThat(x.counts()[0]).isEqualTo(20); // -inf: underflow
        assertThat(x.counts()[x.binCount() - 1]).isEqualTo(20); // +inf: overflow
        assertThat(x.rows()).isEqualTo(ROWS);
    }

    @Test
    void outerEdgesAreTheExactMinAndMaxAndInteriorEdgesComeFromTheSample() {
        Profile fit = ProfileBuilder.fit(TableReader.open(file), small());
        Table t = TableReader.open(file).columns("x", "k").read();
        Profile exact = ProfileBuilder.fit(t, ProfileOptions.defaults());
        for (String c : List.of("x", "k")) {
            double[] e = fit.column(c).numericBins().edges();
            double[] ex = exact.column(c).numericBins().edges();
            assertThat(e[0]).as(c).isEqualTo(ex[0]);
            assertThat(e[e.length - 1]).as(c).isEqualTo(ex[ex.length - 1]);
        }
        // tied integers: the sample finds the same 7 values, so the edges are exact
        assertThat(fit.column("k").numericBins().edges()).containsExactly(exact.column("k").numericBins().edges());
        // a continuous column: every interior bin holds 5% of the finite values give or take the
        // sample's error (sd about 0.7 points at 1,000 sampled rows)
        long[] counts = fit.column("x").counts();
        long finite = fit.column("x").moments().count();
        for (int i = 1; i < counts.length - 1; i++) {
            assertThat((double) counts[i] / finite).as("bin %d", i).isBetween(0.02, 0.08);
        }
        // moments and missing cover every row
        assertThat(fit.column("x").moments().count()).isEqualTo(exact.column("x").moments().count());
        assertThat(fit.column("x").missing()).isEqualTo(exact.column("x").missing());
    }

    @Test
    void exactEdgesOnGivesTheInMemoryQuantiles() {
        Profile fit = ProfileBuilder.fit(TableReader.open(file), small().withExactEdges(true));
        Profile exact = ProfileBuilder.fit(TableReader.open(file).columns("x", "k", "city").read(), ProfileOptions.defaults());
        for (String c : List.of("x", "k")) {
            assertThat(fit.column(c).numericBins().edges()).as(c).containsExactly(exact.column(c).numericBins().edges());
            assertThat(fit.column(c).counts()).as(c).containsExactly(exact.column(c).counts());
        }
    }

    @Test
    void sketchesComeFromASeededSampleThatTheProfileRecords() {
        Profile a = ProfileBuilder.fit(TableReader.open(file), small());
        Profile b = ProfileBuilder.fit(TableReader.open(file).withThreads(1), small());
        assertThat(a.sketchSampled()).isTrue();
        assertThat(a.sketchRows()).isBetween(800L, 1200L);
        // same seed, same rows, so the same edges and sketch sizes (KLL's own compaction is randomised,
        // so the sketch bytes are not compared)
        assertThat(b.sketchRows()).isEqualTo(a.sketchRows());
        for (String c : List.of("x", "k")) {
            assertThat(b.column(c).numericBins()).as(c).isEqualTo(a.column(c).numericBins());
            assertThat(b.column(c).counts()).as(c).containsExactly(a.column(c).counts());
            assertThat(b.column(c).sketch().getN()).as(c).isEqualTo(a.column(c).sketch().getN());
        }
        long n = a.column("x").sketch().getN();
        assertThat(n).isLessThan(a.column("x").moments().count()).isGreaterThan(700);
        Profile back = ProfileJson.read(ProfileJson.write(a));
        assertThat(back.sketchRows()).isEqualTo(a.sketchRows());
        assertThat(ProfileJson.write(a)).contains("\"sketchSample\":{\"rows\":" + a.sketchRows()
                + ",\"method\":\"bernoulli\",\"seed\":42}");
        Profile merged = a.merge(b);
        assertThat(merged.sketchRows()).isEqualTo(2 * a.sketchRows());
        assertThat(merged.rows()).isEqualTo(2L * ROWS);
        // a check samples at the default size (200,000 rows), so this small day feeds every row
        Profile day = ProfileBuilder.count(a, TableReader.open(file));
        assertThat(day.sketchSampled()).isFalse();
        assertThat(day.column("x").sketch().getN()).isEqualTo(day.column("x").moments().count());
    }

    @Test
    void aFileWithinTheSampleSizeIsProfiledFromEveryRow() {
        Profile p = ProfileBuilder.fit(TableReader.open(file), ProfileOptions.defaults());
        assertThat(p.sketchSampled()).isFalse();
        assertThat(p.sketchRows()).isEqualTo(ROWS);
        assertThat(ProfileJson.write(p)).doesNotContain("sketchSample");
        Profile exact = ProfileBuilder.fit(TableReader.open(file).columns("x", "k", "city").read(), ProfileOptions.defaults());
        assertThat(p.column("x").sketch().getN()).isEqualTo(exact.column("x").sketch().getN());
        assertThat(Arrays.equals(p.column("x").numericBins().edges(), exact.column("x").numericBins().edges())).isTrue();
    }
}
