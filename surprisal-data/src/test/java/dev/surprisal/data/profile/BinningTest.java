// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.surprisal.core.ValidationException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The one bin-fitting rule: what the file path gets from DuckDB equals what the Java path computes. */
class BinningTest {

    @Test
    void quantileDiscAgreesWithDuckDbAtTheLevels() throws Exception {
        SplittableRandom rng = new SplittableRandom(11);
        for (int n : new int[] {1, 2, 7, 19, 20, 21, 333, 1000}) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = Math.rint(rng.nextGaussian() * 50) / 10; // ties on purpose
            }
            double[] sorted = x.clone();
            Arrays.sort(sorted);
            double[] levels = Binning.levels(20);
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t(x DOUBLE)");
                StringBuilder values = new StringBuilder();
                for (double v : x) {
                    values.append(values.length() == 0 ? "" : ",").append('(').append(v).append(')');
                }
                s.execute("INSERT INTO t VALUES " + values);
                StringBuilder probs = new StringBuilder();
                for (double p : levels) {
                    probs.append(probs.length() == 0 ? "" : ", ").append(p);
                }
                try (ResultSet rs = s.executeQuery("SELECT quantile_disc(x, [" + probs + "]) FROM t")) {
                    rs.next();
                    Object[] got = (Object[]) rs.getArray(1).getArray();
                    for (int j = 0; j < levels.length; j++) {
                        assertThat(Binning.quantileDisc(sorted, levels[j])).as("n=%d level %s", n, levels[j])
                                .isEqualTo(((Number) got[j]).doubleValue());
                    }
                }
            }
        }
    }

    @Test
    void exactQuantilesAndTheSampleRuleGiveTheSameEdges() {
        // the file path's exact edges (quantiles computed elsewhere) and the Java path agree
        double[] x = new SplittableRandom(3).doubles(5000, -2, 9).toArray();
        ProfileOptions o = ProfileOptions.defaults().withBins(10);
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double[] q = Arrays.stream(Binning.levels(10)).map(p -> Binning.quantileDisc(sorted, p)).toArray();
        NumericBins fromQuantiles = Binning.fromQuantiles(q, x.length, sorted[0], sorted[x.length - 1], o);
        NumericBins fromSample = Binning.continuous(x, x.length, sorted[0], sorted[x.length - 1], o);
        assertThat(fromQuantiles.edges()).containsExactly(fromSample.edges());
        assertThat(fromSample.edges()).hasSize(11);
    }

    @Test
    void outerEdgesAreTheExactRangeAndSmallColumnsGetFewerBins() {
        ProfileOptions o = ProfileOptions.defaults().withBins(20);
        // a sample that misses the column's extremes: the edges still span [min, max]
        NumericBins b = Binning.continuous(new double[] {2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 1000, -100, 100, o);
        assertThat(b.edges()[0]).isEqualTo(-100);
        assertThat(b.edges()[b.edges().length - 1]).isEqualTo(100);
        // 12 finite values allow 12 / 5 = 2 bins: three edges, min, a middle quantile and max
        double[] twelve = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        assertThat(Binning.continuous(twelve, 12, 1, 12, o).edges()).containsExactly(1, 6, 12);
        // no finite value: one bin at 0
        assertThat(Binning.continuous(new double[0], 0, Double.NaN, Double.NaN, o).edges()).containsExactly(0.0);
    }

    @Test
    void edgeSampleIsEveryValueUpToItsSizeElseTheBottomKSample() {
        int n = 3000;
        double[] values = new SplittableRandom(5).doubles(n).toArray();
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = RowSample.key(i + 1L, RowSample.SEED);
        }
        ProfileOptions small = ProfileOptions.defaults().withEdgeSample(1000);
        assertThat(Binning.edgeSample(keys, values, ProfileOptions.defaults())).isSameAs(values);
        assertThat(Binning.edgeSample(keys, values, small.withExactEdges(true))).isSameAs(values);
        double[] sample = Binning.edgeSample(keys, values, small);
        assertThat(sample).hasSize(1000).containsExactly(RowSample.of(keys, values, 1000).values());
        assertThatThrownBy(() -> Binning.edgeSample(new long[2], values, small))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("values: length");
        assertThatThrownBy(() -> Binning.levels(0)).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("bins:");
    }

    @Test
    void categoriesKeepTheTopKSeenOftenEnoughTiesByLabel() {
        ProfileOptions o = ProfileOptions.defaults().withTopK(2).withMinCategoryCount(3);
        CategoryBins b = Binning.categorical(java.util.Map.of("b", 5L, "a", 5L, "c", 9L, "d", 2L), o);
        assertThat(b.top()).containsExactly("c", "a");
        assertThat(b.others()).containsExactlyInAnyOrder("b", "d");
        assertThat(b.othersComplete()).isTrue();
    }

    /** 80% exact zeros and a lognormal rest: the zero gets its own bin and the rest keeps B − 1 bins. */
    @Test
    void anAtomGetsItsOwnBinAndTheOtherValuesKeepTheirResolution() {
        SplittableRandom rng = new SplittableRandom(5);
        double[] x = new double[5000];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble() < 0.8 ? 0 : Math.rint(100 * Math.exp(3.5 + rng.nextGaussian())) / 100;
        }
        double max = Arrays.stream(x).max().orElseThrow();
        NumericBins b = Binning.continuous(x, x.length, 0, max, ProfileOptions.defaults().withBins(10));
        long[] count = new long[b.size()];
        for (double v : x) {
            count[b.binOf(v)]++;
        }
        // before: the quantiles at 0.1 .. 0.8 were all 0 and merged, 4 interior bins, the first [0, q90)
        // holding the zeros and half the non-zero values
        assertThat(b.size() - 2).as(b.toString()).isEqualTo(10);
        long zeros = Arrays.stream(x).filter(v -> v == 0).count();
        assertThat(count[1]).as("the zero's bin holds the zeros only").isEqualTo(zeros);
        for (int i = 2; i < b.size() - 1; i++) {
            assertThat(count[i]).as("bin %s", b.label(i)).isBetween((long) ((x.length - zeros) / 9 * 0.8),
                    (long) ((x.length - zeros) / 9 * 1.2));
        }
    }

    /**
     * An amount written "-0.00" in some rows and "0.00" in others holds one zero atom, as DuckDB's {@code =} and
     * the counts' {@code <=} read them (review15b: the candidates' sorted search kept −0.0 apart, so the atom
     * could be missed on one engine and found on the other).
     */
    @Test
    void minusZeroAndZeroAreOneAtom() {
        SplittableRandom rng = new SplittableRandom(5);
        double[] x = new double[5000];
        for (int i = 0; i < x.length; i++) {
            double u = rng.nextDouble();
            x[i] = u < 0.4 ? 0.0 : u < 0.8 ? -0.0 : Math.rint(100 * Math.exp(3.5 + rng.nextGaussian())) / 100;
        }
        double[] plain = Arrays.stream(x).map(v -> v == 0 ? 0.0 : v).toArray();
        double[] before = x.clone();
        double max = Arrays.stream(x).max().orElseThrow();
        ProfileOptions o = ProfileOptions.defaults().withBins(10);
        NumericBins b = Binning.continuous(x, x.length, 0.0, max, o);
        assertThat(b.edges()).isEqualTo(Binning.continuous(plain, x.length, 0.0, max, o).edges());
        assertThat(b.label(1)).as(b.toString()).isEqualTo("= 0");
        assertThat(x).as("the sample is not modified").isEqualTo(before);
    }

    @Test
    void aSentinelAtTheTopAndOneInsideEachGetABin() {
        SplittableRandom rng = new SplittableRandom(8);
        double[] x = new double[2000];
        for (int i = 0; i < x.length; i++) {
            double u = rng.nextDouble();
            x[i] = u < 0.3 ? 999 : u < 0.5 ? 50 : rng.nextDouble() * 100;
        }
        NumericBins b = Binning.continuous(x, x.length, Arrays.stream(x).min().orElseThrow(), 999,
                ProfileOptions.defaults().withBins(10));
        long[] count = new long[b.size()];
        for (double v : x) {
            count[b.binOf(v)]++;
        }
        assertThat(count[b.binOf(999)]).isEqualTo(Arrays.stream(x).filter(v -> v == 999).count());
        assertThat(count[b.binOf(50)]).isEqualTo(Arrays.stream(x).filter(v -> v == 50).count());
    }

    @Test
    void withoutAnAtomTheEdgesAreThePlainQuantiles() {
        double[] x = new SplittableRandom(4).doubles(3000, 0, 1).toArray();
        ProfileOptions o = ProfileOptions.defaults().withBins(10);
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double[] q = new double[11];
        for (int j = 0; j <= 10; j++) {
            q[j] = Binning.quantileDisc(sorted, j / 10.0);
        }
        assertThat(Binning.continuous(x, x.length, sorted[0], sorted[2999], o))
                .isEqualTo(Binning.fromQuantiles(q, x.length, sorted[0], sorted[2999], o));
    }

    /** The atom's one-ulp edges survive DuckDB's bin expression, 0's (a subnormal 4.9e-324) included. */
    @Test
    void atomBinsAreNamedAndDuckDbPutsValuesInTheSameBins() throws Exception {
        double[] x = new double[1000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 4 == 0 ? i : i % 2 == 0 ? 0 : i % 3 == 0 ? 999 : -1;
        }
        NumericBins b = Binning.continuous(x, x.length, -1, 999, ProfileOptions.defaults().withBins(10));
        assertThat(b.label(b.binOf(0))).isEqualTo("= 0");
        assertThat(b.label(b.binOf(-1))).isEqualTo("= -1");
        assertThat(b.label(b.binOf(999))).isEqualTo("= 999");
        assertThat(b.atom(b.binOf(500))).isNaN();
        double[] probe = {-2, -1, -0.5, 0, Double.MIN_VALUE, 1e-300, 4, 500, 998.9, 999, 1000};
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            for (double v : probe) {
                try (ResultSet rs = s.executeQuery("SELECT " + b.sqlBinIndex("CAST('" + v + "' AS DOUBLE)"))) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("value %s", v).isEqualTo(b.binOf(v));
                }
            }
        }
    }

    /**
     * Spark and the local path hand the same edge sample in another order (partitions): the atoms and the
     * other values' edges must not depend on it.
     */
    @Test
    void atomBinsDoNotDependOnTheSampleOrder() {
        SplittableRandom rng = new SplittableRandom(21);
        double[] x = new double[4000];
        for (int i = 0; i < x.length; i++) {
            double u = rng.nextDouble();
            x[i] = u < 0.6 ? 0 : u < 0.7 ? -1 : Math.rint(100 * Math.exp(3.5 + rng.nextGaussian())) / 100;
        }
        ProfileOptions o = ProfileOptions.defaults();
        NumericBins first = Binning.continuous(x, x.length, -1, Arrays.stream(x).max().orElseThrow(), o);
        assertThat(first.atoms()).containsExactly(-1, 0);
        for (int k = 0; k < 5; k++) {
            double[] y = x.clone();
            for (int i = y.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                double t = y[i];
                y[i] = y[j];
                y[j] = t;
            }
            assertThat(Binning.continuous(y, y.length, -1, Arrays.stream(x).max().orElseThrow(), o)).isEqualTo(first);
        }
    }
}
