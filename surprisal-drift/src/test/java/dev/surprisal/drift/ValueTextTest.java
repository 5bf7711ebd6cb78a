// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.data.profile.CategoryBins;
import dev.surprisal.data.profile.ValueBins;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
        assertThat(dev.surprisal.data.profile.CellText.quote("SE ")).isEqualTo("\"SE \"");
        assertThat(dev.surprisal.data.profile.CellText.quote("")).isEqualTo("\"\"");
        assertThat(dev.surprisal.data.profile.CellText.quote("5\" screen")).isEqualTo("\"5\\\" screen\"");
        assertThat(dev.surprisal.data.profile.CellText.quote("a\tb\\c\u0001\u001b[2J")).isEqualTo("\"a\\tb\\\\c\\x01\\e[2J\"");
    }

    @Test
    void aNewValueEqualToAReferenceValueUpToCaseOrSpacesIsNamedWithTheFix() {
        CategoryBins bins = CategoryBins.of(Arrays.asList("SE", "DE", "FR"), Set.of("Norway "), true);
        assertThat(ValueText.variants(List.of("SE ", "se", " se", "Norway", "DK"), bins)).containsExactly(
                Map.entry("SE ", "SE"), Map.entry("se", "SE"), Map.entry(" se", "SE"), Map.entry("Norway", "Norway "));
        assertThat(ValueText.variantWords("SE ", "SE")).isEqualTo("the reference's \"SE\" with other surrounding spaces");
        assertThat(ValueText.variantWords("se", "SE")).isEqualTo("the reference's \"SE\" with other case");
        assertThat(ValueText.variantWords(" se", "SE"))
                .isEqualTo("the reference's \"SE\" with other case and surrounding spaces");
        assertThat(ValueText.named(Map.of("se", 51L), 1000, bins))
                .isEqualTo("\"se\" 5.1% (the reference's \"SE\" with other case)");
        assertThat(ValueText.lookalikes("country", List.of("SE ", "se", "DK"), bins)).containsExactly(
                "\"SE \", \"se\" are reference labels written another way; if they are the same country, trim spaces "
                        + "and normalise case upstream, or count the spellings as one label with "
                        + dev.surprisal.data.profile.ProfileOptions.NORMALIZE_LABELS);
        assertThat(ValueText.lookalikes("country", List.of("SE "), bins)).containsExactly(
                "\"SE \" is a reference label written another way; if it is the same country, trim spaces upstream, "
                        + "or count the spellings as one label with "
                        + dev.surprisal.data.profile.ProfileOptions.NORMALIZE_LABELS);
    }

    @Test
    void foldedBinsHaveNoVariantsToName() {
        CategoryBins folded = CategoryBins.of(List.of("SE"), dev.surprisal.data.profile.OtherValues.of(List.of()), true,
                List.of());
        assertThat(ValueText.variants(List.of("Platinum"), folded)).isEmpty();
        assertThat(ValueText.lookalikes("country", List.of("Platinum"), folded)).isEmpty();
    }

    @Test
    void invisibleCharactersAndDecomposedLettersAreEscapedSoDifferentValuesNeverPrintAlike() {
        assertThat(dev.surprisal.data.profile.CellText.quote("SE\u00A0")).isEqualTo("\"SE\\u00A0\"").isNotEqualTo(dev.surprisal.data.profile.CellText.quote("SE "));
        assertThat(dev.surprisal.data.profile.CellText.quote("City0002\u200B")).isEqualTo("\"City0002\\u200B\"");
        assertThat(dev.surprisal.data.profile.CellText.quote("Zu\u0308rich")).isEqualTo("\"Zu\\u0308rich\"");
        assertThat(dev.surprisal.data.profile.CellText.quote("Z\u00FCrich")).isEqualTo("\"Z\u00FCrich\"");
        assertThat(dev.surprisal.data.profile.CellText.quote("\uD83D\uDE00 ok")).isEqualTo("\"\uD83D\uDE00 ok\"");
        // a backslash typed in the cell stays distinguishable from an escape
        assertThat(dev.surprisal.data.profile.CellText.quote("SE\\u00A0")).isEqualTo("\"SE\\\\u00A0\"");
    }

    @Test
    void aNewValueEqualToAReferenceValueUpToNormalisationOrUnicodeSpacesIsNamedWithTheFix() {
        CategoryBins bins = CategoryBins.of(Arrays.asList("Z\u00FCrich", "SE", "City0002"), Set.of(), true);
        assertThat(ValueText.variants(List.of("Zu\u0308rich", "SE\u00A0", "City0002\u200B", "zu\u0308rich"), bins))
                .containsExactly(Map.entry("Zu\u0308rich", "Z\u00FCrich"), Map.entry("SE\u00A0", "SE"),
                        Map.entry("City0002\u200B", "City0002"), Map.entry("zu\u0308rich", "Z\u00FCrich"));
        assertThat(ValueText.variantWords("Zu\u0308rich", "Z\u00FCrich"))
                .isEqualTo("the reference's \"Z\u00FCrich\" in another Unicode form (NFD vs NFC)");
        assertThat(ValueText.variantWords("SE\u00A0", "SE")).isEqualTo("the reference's \"SE\" with other surrounding "
                + "spaces");
        assertThat(ValueText.variantWords("zu\u0308rich", "Z\u00FCrich")).isEqualTo("the reference's \"Z\u00FCrich\" in "
                + "another Unicode form (NFD vs NFC) and with other case");
        assertThat(ValueText.lookalikes("city", List.of("Zu\u0308rich", "SE\u00A0"), bins)).singleElement().asString()
                .startsWith("\"Zu\\u0308rich\", \"SE\\u00A0\" are reference labels written another way; if they are the "
                        + "same city, trim spaces and normalise to NFC upstream");
    }

    @Test
    void valueBinsAndUnrelatedValuesGetNoNote() {
        assertThat(ValueText.lookalikes("country", List.of("DK", "S E"), CategoryBins.of(Arrays.asList("SE"), Set.of(), true)))
                .isEmpty();
        assertThat(ValueText.lookalikes("n", List.of("3"), ValueBins.of(new double[] {1, 2}))).isEmpty();
    }
}
