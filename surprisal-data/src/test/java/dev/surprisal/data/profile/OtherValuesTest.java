// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The reference's other categories at any cardinality (audit15 D1: past 10,000 new values went silent). */
class OtherValuesTest {
    private static List<String> skus(int n) {
        List<String> v = new ArrayList<>(n);
        IntStream.range(0, n).forEach(i -> v.add(String.format("SKU-%07d", i)));
        return v;
    }

    @Test
    void pastTheNamedCapEveryReferenceValueIsStillKnownAndANewOneIsNot() {
        CategoryBins b = CategoryBins.of(List.of("top"), OtherValues.of(skus(30_000)));
        assertThat(b.othersComplete()).isTrue();
        assertThat(b.otherValues().count()).isEqualTo(30_000);
        assertThat(b.others()).hasSize(OtherValues.NAMED_CAP);
        // the old code sent every value past the 10,000th, and every new one, to "other"
        assertThat(b.binOf("SKU-0029999")).isEqualTo(b.otherBin());
        assertThat(b.binOf("SKU-0000001")).isEqualTo(b.otherBin());
        assertThat(b.binOf("SKU-BRANDNEW")).isEqualTo(b.unseenBin());
        assertThat(b.binOf("SKU-0030000")).isEqualTo(b.unseenBin());
        assertThat(b.binOf("top")).isZero();
    }

    @Test
    void theHashesSurviveTheProfileJson() {
        CategoryBins b = CategoryBins.of(List.of("top"), OtherValues.of(skus(12_345)));
        ObjectNode o = new ObjectMapper().createObjectNode();
        b.otherValues().write(o);
        assertThat(o.has("otherHashes")).isTrue();
        OtherValues back = OtherValues.read(o);
        assertThat(back).isEqualTo(b.otherValues());
        assertThat(back.contains("SKU-0012344")).isTrue();
        assertThat(back.contains("SKU-0012345")).isFalse();
    }

    @Test
    void aProfileFromBeforeTheHashesReadsAndSaysNewValuesAreNotTracked() throws Exception {
        ObjectNode o = (ObjectNode) new ObjectMapper().readTree("{\"others\": [\"a\", \"b\"], \"othersComplete\": false}");
        OtherValues v = OtherValues.read(o);
        assertThat(v.tracked()).isFalse();
        assertThat(v.untracked()).isEqualTo("baseline taken by a version that tracked them only up to 10,000 "
                + "categories; re-baseline");
        assertThat(v.contains("zzz")).isTrue(); // counts as other, as before: never a false new value
        ObjectNode again = new ObjectMapper().createObjectNode();
        v.write(again);
        assertThat(OtherValues.read(again).untracked()).isEqualTo(v.untracked());
        assertThat(OtherValues.read(new ObjectMapper().createObjectNode().put("othersComplete", true)).tracked())
                .isTrue();
    }

    @Test
    void pastTheHashedCapTheBinsSaySoInsteadOfGuessing() {
        OtherValues v = OtherValues.of(skus(OtherValues.HASHED_CAP + 1));
        assertThat(v.tracked()).isFalse();
        assertThat(v.untracked()).isEqualTo("over 1,048,576 categories");
        ObjectNode o = new ObjectMapper().createObjectNode();
        v.write(o);
        assertThat(OtherValues.read(o).untracked()).isEqualTo("over 1,048,576 categories");
        assertThat(OtherValues.of(Set.of("a")).namedComplete()).isTrue();
    }
}
