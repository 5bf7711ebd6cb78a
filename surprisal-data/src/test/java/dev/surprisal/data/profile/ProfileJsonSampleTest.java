// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.core.ColumnRole;
import dev.surprisal.core.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Version 3 writes a row sample as its rows (varint differences) instead of its keys: it must read
 * back as the same sample, keys and values, for a sample of one file, for a merged sample holding
 * one row of several windows, and for a sample whose keys are not keys of rows (kept as keys).
 */
class ProfileJsonSampleTest {
    private static Profile continuous(int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[rows];
        for (int i = 0; i < rows; i++) {
            v[i] = i % 41 == 0 ? Double.NaN : r.nextGaussian() * 3;
        }
        return ProfileBuilder.fit(ProfileBuilder.table("x", v), ProfileOptions.defaults());
    }

    @Test
    void aSampleIsWrittenAsItsRowsAndReadBackWhole() {
        Profile p = continuous(12_000, 1);
        String json = ProfileJson.write(p);
        ObjectNode sample = (ObjectNode) ProfileJson.toTree(p).get("columns").get(0).get("sample");
        assertThat(sample.has("rows")).isTrue();
        assertThat(sample.has("keys")).isFalse();
        // about one byte a row for 5,000 of 12,000 rows, where a key took eight
        assertThat(sample.get("rows").asText().length()).isLessThan(5000 * 2);
        Profile back = ProfileJson.read(json);
        assertThat(back.column("x").sample()).isEqualTo(p.column("x").sample());
        assertThat(back.column("x").sample().size()).isEqualTo(RowSample.SIZE);
        assertThat(ProfileJson.write(back)).isEqualTo(json);
    }

    @Test
    void aMergedSampleWithOneRowOfSeveralWindowsReadsBack() {
        Profile a = continuous(3000, 2);
        Profile merged = a.merge(ProfileBuilder.count(a, ProfileBuilder.table("x", new double[] {1, 2, 3, Double.NaN, 5})));
        RowSample s = merged.column("x").sample();
        long[] keys = s.keys();
        long repeated = java.util.stream.IntStream.range(1, keys.length).filter(i -> keys[i] == keys[i - 1]).count();
        // rows 2, 3 and 5 are finite in both windows (row 1 is NaN in the first)
        assertThat(repeated).as("rows held twice").isEqualTo(3);
        Profile back = ProfileJson.read(ProfileJson.write(merged));
        assertThat(back.column("x").sample()).isEqualTo(s);
        assertThat(back.column("x").sample().values()).containsExactly(s.values());
    }

    @Test
    void keysThatAreNotKeysOfRowsStayKeys() {
        RowSample odd = RowSample.of(new long[] {-5, 7, 1L << 40}, new double[] {1.5, -2, 3}, 10);
        NumericBins bins = NumericBins.of(-2, 0, 3);
        ColumnProfile c = new ColumnProfile("x", ColumnRole.CONTINUOUS, "set", bins, new long[bins.size()], 3, 0, 0,
                List.of(), Map.of(), Moments.EMPTY, odd, null);
        Profile p = Profile.of(List.of(c), 3, List.of(), Map.of());
        ObjectNode sample = (ObjectNode) ProfileJson.toTree(p).get("columns").get(0).get("sample");
        assertThat(sample.has("keys")).isTrue();
        assertThat(ProfileJson.read(ProfileJson.write(p)).column("x").sample()).isEqualTo(odd);
    }

    @Test
    void truncatedRowsAreRefusedNamingTheField() {
        Profile p = continuous(9000, 3);
        ObjectNode tree = ProfileJson.toTree(p);
        ObjectNode sample = (ObjectNode) tree.get("columns").get(0).get("sample");
        String rows = sample.get("rows").asText();
        sample.put("rows", rows.substring(0, rows.length() / 2 / 4 * 4));
        assertThatThrownBy(() -> ProfileJson.fromTree(tree)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("\"rows\"");
        sample.put("rows", "not base64!");
        assertThatThrownBy(() -> ProfileJson.fromTree(tree)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("\"rows\"");
    }
}
