// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key order's number test and integer comparison are written by hand for speed (every cell of an unscored
 * column goes through them); here they are held to the regex and to BigDecimal they replace.
 */
class KeyStatsScannerTest {
    private static final Pattern NUMBER = Pattern.compile(KeyStats.NUMBER_REGEX);

    @Property(tries = 5000)
    void theScannerAcceptsExactlyWhatTheRegexAccepts(
            @ForAll @StringLength(max = 8) @Chars({'+', '-', '.', 'e', 'E', ' ', 'x'}) @CharRange(from = '0', to = '9')
            String s) {
        assertThat(KeyStats.isNumber(s)).as("'%s'", s).isEqualTo(NUMBER.matcher(s).matches());
    }

    @Property(tries = 5000)
    void digitOnlyIntegersCompareAsTheirValuesThenTheirText(
            @ForAll @StringLength(min = 1, max = 22) @CharRange(from = '0', to = '9') String a,
            @ForAll @StringLength(min = 1, max = 22) @CharRange(from = '0', to = '9') String b) {
        int byValue = new BigDecimal(a).compareTo(new BigDecimal(b));
        int expected = byValue != 0 ? byValue : a.compareTo(b);
        assertThat(Integer.signum(KeyStats.compareValues(a, b))).as("%s vs %s", a, b).isEqualTo(Integer.signum(expected));
    }
}
