// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link KeyStats.Range} keeps a column's range with each value scanned once; it must give exactly the
 * range of {@link KeyStats#lower} and {@link KeyStats#higher} folded over the values, ties included
 * (equal values in key order are kept apart by their text, and the first of equal texts is kept).
 */
class KeyStatsRangeTest {

    @Property(tries = 3000)
    void theRangeIsTheFoldOfLowerAndHigher(@ForAll("keys") List<String> values) {
        KeyStats.Range range = new KeyStats.Range();
        String min = null;
        String max = null;
        for (String v : values) {
            range.add(v);
            min = KeyStats.lower(min, v);
            max = KeyStats.higher(max, v);
        }
        assertThat(range.min()).isSameAs(min);
        assertThat(range.max()).isSameAs(max);
    }

    /** Ids, padded ids, decimals, exponents, signs, timestamps (some with offsets) and words, often equal in value but not in text. */
    @Provide
    Arbitrary<List<String>> keys() {
        Arbitrary<String> digits = Arbitraries.integers().between(0, 120).map(String::valueOf);
        Arbitrary<String> padded = Arbitraries.integers().between(0, 120).map(i -> String.format("%04d", i));
        Arbitrary<String> decimals = Arbitraries.integers().between(-50, 50).map(i -> i / 4.0 + "");
        Arbitrary<String> other = Arbitraries.of("1e2", "-0", "+7", ".5", "5.", "100.0", "1E2", "-3.25",
                "2024-05-01T00:00:00", "2024-05-01", "2023-12-31T23:59:59", "Oslo", "same", "x?", "NaNx", "",
                // instants: one written four ways, and one between them in text but not in time
                "2024-05-01T00:00:00Z", "2024-05-01T02:00:00+02:00", "2024-04-30T23:00-01", "2024-05-01 09:00+0900",
                "2024-05-01T01:30:00.000001+02:00");
        // each list also holds copies (new String objects) of its values: the first of equal texts must win
        return Arbitraries.oneOf(digits, padded, decimals, other).map(String::new).list().ofMaxSize(40);
    }

    @Test
    void numbersOrderBeforeTextAndByValue() {
        KeyStats.Range range = new KeyStats.Range();
        List.of("Oslo", "10", "9", "1e1", "2024-05-01T00:00:00", "-3.5").forEach(range::add);
        assertThat(range.min()).isEqualTo("-3.5");
        assertThat(range.max()).isEqualTo("Oslo");
        KeyStats.Range ids = new KeyStats.Range();
        List.of("999999999", "1000000000", "10", "0010").forEach(ids::add);
        assertThat(ids.min()).isEqualTo("0010"); // 10 and 0010 are equal in value: by text, "0010" < "10"
        assertThat(ids.max()).isEqualTo("1000000000");
        assertThat(new KeyStats.Range().min()).isNull();
    }
}
