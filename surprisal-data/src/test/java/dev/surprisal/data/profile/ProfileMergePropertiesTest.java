// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.NumericColumn;
import dev.surprisal.data.Table;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class ProfileMergePropertiesTest {
    private static final Profile REFERENCE = ProfileBuilder.fit(day(7, 400), ProfileOptions.defaults());

    private static Table day(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        String[] c = new String[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextInt(20) == 0 ? Double.NaN : r.nextGaussian() * 2 + 1;
            int k = r.nextInt(12);
            c[i] = k == 11 ? null : "k" + (k % 6 + (r.nextInt(30) == 0 ? 10 : 0));
        }
        return Table.of(List.of(NumericColumn.of("x", x), CategoricalColumn.of("c", c)));
    }

    private static Profile profile(long seed, int n) {
        return ProfileBuilder.count(REFERENCE, day(seed, n));
    }

    @Property(tries = 60)
    void mergeIsCommutative(@ForAll long s1, @ForAll long s2, @ForAll @IntRange(min = 1, max = 200) int n1,
                            @ForAll @IntRange(min = 1, max = 200) int n2) {
        assertSame(profile(s1, n1).merge(profile(s2, n2)), profile(s2, n2).merge(profile(s1, n1)));
    }

    @Property(tries = 60)
    void mergeIsAssociative(@ForAll long s1, @ForAll long s2, @ForAll long s3,
                            @ForAll @IntRange(min = 1, max = 149) int n) {
        Profile a = profile(s1, n);
        Profile b = profile(s2, n + 7);
        Profile c = profile(s3, 150 - n);
        assertSame(a.merge(b).merge(c), a.merge(b.merge(c)));
    }

    @Property(tries = 30)
    void mergeEqualsCountingTheConcatenation(@ForAll long s1, @ForAll @IntRange(min = 1, max = 200) int n) {
        Table t = day(s1, n);
        Profile whole = ProfileBuilder.count(REFERENCE, t);
        Profile twice = whole.merge(whole);
        for (ColumnProfile col : whole.columns()) {
            long[] a = col.counts();
            long[] b = twice.column(col.name()).counts();
            for (int i = 0; i < a.length; i++) {
                assertThat(b[i]).isEqualTo(2 * a[i]);
            }
        }
    }

    /** Counts, missing and rows exactly; moments to rounding; bottom-k samples exactly. */
    private static void assertSame(Profile p, Profile q) {
        assertThat(p.rows()).isEqualTo(q.rows());
        for (ColumnProfile a : p.columns()) {
            ColumnProfile b = q.column(a.name());
            assertThat(a.counts()).containsExactly(b.counts());
            assertThat(a.missing()).isEqualTo(b.missing());
            if (a.moments() != null) {
                assertThat(a.moments().count()).isEqualTo(b.moments().count());
                assertThat(a.moments().mean()).isCloseTo(b.moments().mean(), offset(1e-9));
                assertThat(a.moments().m2()).isCloseTo(b.moments().m2(), offset(1e-7));
                assertThat(a.sample()).isEqualTo(b.sample());
            }
        }
    }
}
