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
    void invisibleCharactersAndDecomposedLettersAreEscapedSoDifferentValuesNeverPrintAlike() {
        assertThat(ValueText.quote("SE\u00A0")).isEqualTo("\"SE\\u00A0\"").isNotEqualTo(ValueText.quote("SE "));
        assertThat(ValueText.quote("City0002\u200B")).isEqualTo("\"City0002\\u200B\"");
        assertThat(ValueText.quote("Zu\u0308rich")).isEqualTo("\"Zu\\u0308rich\"");
        assertThat(ValueText.quote("Z\u00FCrich")).isEqualTo("\"Z\u00FCrich\"");
        assertThat(ValueText.quote("\uD83D\uDE00 ok")).isEqualTo("\"\uD83D\uDE00 ok\"");
        // a backslash typed in the cell stays distinguishable from an escape
        assertThat(ValueText.quote("SE\\u00A0")).isEqualTo("\"SE\\\\u00A0\"");
    }

    @Test
    void aNewValueEqualToAReferenceValueUpToNormalisationOrUnicodeSpacesIsNamedWithTheFix() {
        CategoryBins bins = CategoryBins.of(Arrays.asList("Z\u00FCrich", "SE", "City0002"), Set.of(), true);
        assertThat(ValueText.lookalikes("city", List.of("Zu\u0308rich", "SE\u00A0", "City0002\u200B", "zu\u0308rich"),
                bins)).containsExactly(
                "\"Zu\\u0308rich\" differs from \"Z\u00FCrich\" only by Unicode normalisation (NFD vs NFC); if it is "
                        + "the same city, normalise to NFC upstream",
                "\"SE\\u00A0\" differs from \"SE\" only by surrounding spaces; if it is the same city, trim spaces "
                        + "upstream",
                "\"City0002\\u200B\" differs from \"City0002\" only by surrounding spaces; if it is the same city, "
                        + "trim spaces upstream",
                "\"zu\\u0308rich\" differs from \"Z\u00FCrich\" only by Unicode normalisation (NFD vs NFC) and case; "
                        + "if it is the same city, normalise to NFC and normalise case upstream");
    }

    @Test
    void valueBinsAndUnrelatedValuesGetNoNote() {
        assertThat(ValueText.lookalikes("country", List.of("DK", "S E"), CategoryBins.of(Arrays.asList("SE"), Set.of(), true)))
                .isEmpty();
        assertThat(ValueText.lookalikes("n", List.of("3"), ValueBins.of(new double[] {1, 2}))).isEmpty();
    }
}
