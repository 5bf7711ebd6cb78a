// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.data.profile.CategoryBins;
import dev.surprisal.data.profile.ValueBins;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values in drift messages are delimited, and a new value that is a known one re-spelt says so
 * (bins from {@code Arrays.asList}: {@link CategoryBins#of} checks for a null label, which {@code List.of}
 * refuses to be asked about).
 */
class ValueTextTest {
    @Test
    void quotingShowsSpacesQuotesAndControlCharacters() {
        assertThat(ValueText.quote("SE ")).isEqualTo("\"SE \"");
        assertThat(ValueText.quote("")).isEqualTo("\"\"");
        assertThat(ValueText.quote("5\" screen")).isEqualTo("\"5\\\" screen\"");
        assertThat(ValueText.quote("a\tb\\c\u0001\u001b[2J")).isEqualTo("\"a\\tb\\\\c\\x01\\e[2J\"");
    }

    @Test
    void aNewValueEqualToAReferenceValueUpToCaseOrSpacesIsNamedWithTheFix() {
        CategoryBins bins = CategoryBins.of(Arrays.asList("SE", "DE", "FR"), Set.of("Norway "), true);
        assertThat(ValueText.lookalikes("country", List.of("SE ", "se", " se", "Norway", "DK"), bins)).containsExactly(
                "\"SE \" differs from \"SE\" only by surrounding spaces; if it is the same country, trim spaces upstream",
                "\"se\" differs from \"SE\" only by case; if it is the same country, normalise case upstream",
                "\" se\" differs from \"SE\" only by case and surrounding spaces; if it is the same country, trim "
                        + "spaces and normalise case upstream",
                "\"Norway\" differs from \"Norway \" only by surrounding spaces; if it is the same country, trim "
                        + "spaces upstream");
    }

    @Test
    void valueBinsAndUnrelatedValuesGetNoNote() {
        assertThat(ValueText.lookalikes("country", List.of("DK", "S E"), CategoryBins.of(Arrays.asList("SE"), Set.of(), true)))
                .isEmpty();
        assertThat(ValueText.lookalikes("n", List.of("3"), ValueBins.of(new double[] {1, 2}))).isEmpty();
    }
}
