// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.roles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.surprisal.data.CategoricalColumn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one rule for labels spelt several ways (audit17 D1): spaces and case only, missing cells aside. */
class LabelVariantsTest {
    @Test
    void groupsSpellingsBySpacesAndCaseMostFrequentFirst() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("gold", 47L);
        counts.put("Gold", 739L);
        counts.put("Gold ", 58L);
        counts.put("Silver", 700L);
        counts.put("Sil ver", 5L); // an inner space may be a real distinction: not folded
        counts.put("NA", 9L);      // pandas' missing string: no label
        counts.put("na ", 3L);
        List<LabelVariants.Group> g = LabelVariants.find(counts);
        assertThat(g).hasSize(1);
        assertThat(g.get(0).kept()).isEqualTo("Gold");
        assertThat(g.get(0).spellings()).extracting(Map.Entry::getKey).containsExactly("Gold", "Gold ", "gold");
        assertThat(LabelVariants.warning("segment", g, "--normalize-labels"))
                .contains("\"Gold\" ×739, \"Gold \" ×58, \"gold\" ×47").contains("--normalize-labels");
    }

    @Test
    void foldingKeepsTheMostFrequentSpellingAndMissingCells() {
        CategoricalColumn c = CategoricalColumn.of("y", "yes", "Yes", null, "Yes", "No", "no ");
        List<LabelVariants.Group> g = LabelVariants.find(c);
        CategoricalColumn folded = LabelVariants.fold(c, g);
        assertThat(folded.cardinality()).isEqualTo(2);
        assertThat(folded.labelAt(0)).isEqualTo("Yes");
        assertThat(folded.isMissing(2)).isTrue();
        // a tie (No ×1, no  ×1) is decided by the spelling, not by the order of the rows
        assertThat(folded.labelAt(4)).isEqualTo(LabelVariants.fold(CategoricalColumn.of("y", "no ", "No"),
                LabelVariants.find(CategoricalColumn.of("y", "no ", "No"))).labelAt(0));
    }
}
