// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.data.TableReader;
import dev.surprisal.data.roles.LabelVariants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Label folding frozen in a reference ({@link ProfileOptions#normalizeLabels()}): known truth, a tier column of 600
 * rows, 120 × {@code Gold} (100 written {@code Gold}, 12 {@code gold }, 8 {@code GOLD}), 200 × {@code Silver}, 280 ×
 * {@code Bronze}, with an id and an amount beside it; a later day of 100 rows writes 20 {@code Gold} as
 * {@code " gold"} (a spelling the reference never wrote), 30 {@code Silver} and 50 {@code Bronze}. Folded, every
 * path (Java, DuckDB fit and count, the JSON round trip) has one Gold bin of 120 and today's 20 in it, with no new
 * value; not folded, the reference keeps three Gold bins and names the variants for the baseline's note.
 */
class LabelFoldingPathsTest {
    @TempDir
    Path dir;

    private Path reference() throws IOException {
        StringBuilder b = new StringBuilder("id,tier,amount\n");
        for (int i = 0; i < 600; i++) {
            String t = i < 100 ? "Gold" : i < 112 ? "gold " : i < 120 ? "GOLD" : i < 320 ? "Silver" : "Bronze";
            b.append(i).append(',').append(t).append(',').append(10 + i % 37).append('\n');
        }
        return Files.writeString(dir.resolve("ref.csv"), b);
    }

    private Path day() throws IOException {
        StringBuilder b = new StringBuilder("id,tier,amount\n");
        for (int i = 0; i < 100; i++) {
            String t = i < 20 ? " gold" : i < 50 ? "Silver" : "Bronze";
            b.append(1000 + i).append(',').append(t).append(',').append(10 + i % 37).append('\n');
        }
        return Files.writeString(dir.resolve("day.csv"), b);
    }

    private static long count(ColumnProfile c, String label) {
        return c.counts()[c.categoryBins().binOf(label)];
    }

    @Test
    void foldedBinsCountEverySpellingOfALabelInItsBinOnEveryPath() throws IOException {
        Path ref = reference();
        Path day = day();
        ProfileOptions fold = ProfileOptions.defaults().withNormalizeLabels(true);
        Profile java = ProfileBuilder.fit(TableReader.open(ref), fold);
        Profile sql = CsvPathTest.viaDuckDb(() -> ProfileBuilder.fit(TableReader.open(ref), fold));
        for (Profile p : new Profile[] {java, sql, ProfileJson.read(ProfileJson.write(java))}) {
            ColumnProfile tier = p.column("tier");
            assertThat(tier.categoryBins().folded()).isTrue();
            assertThat(tier.categoryBins().top()).containsExactly("Bronze", "Silver", "Gold");
            assertThat(count(tier, "Gold")).isEqualTo(120);
            assertThat(tier.categoryBins().variants()).hasSize(1);
            assertThat(p.labelVariantNotes(ProfileOptions.NORMALIZE_LABELS)).containsExactly("tier: 3 spellings that "
                    + "differ only by surrounding spaces or letter case counted as 1 label (\"Gold\" ×100, \"gold \" ×12, "
                    + "\"GOLD\" ×8 as \"Gold\")");
            for (Profile today : new Profile[] {ProfileBuilder.count(p, TableReader.open(day)),
                CsvPathTest.viaDuckDb(() -> ProfileBuilder.count(p, TableReader.open(day)))}) {
                ColumnProfile t = today.column("tier");
                assertThat(count(t, "Gold")).isEqualTo(20);
                assertThat(count(t, "GOLD ")).as("any spelling finds the bin").isEqualTo(20);
                assertThat(t.unseen()).isEmpty();
                assertThat(t.counts()[t.categoryBins().unseenBin()]).isZero();
            }
        }
    }

    @Test
    void withoutFoldingEachSpellingIsACategoryAndTheVariantsAreNamed() throws IOException {
        Profile p = ProfileBuilder.fit(TableReader.open(reference()), ProfileOptions.defaults());
        ColumnProfile tier = p.column("tier");
        assertThat(tier.categoryBins().folded()).isFalse();
        assertThat(tier.categoryBins().top()).containsExactly("Bronze", "Silver", "Gold", "gold ");
        assertThat(tier.categoryBins().others()).containsExactly("GOLD"); // 8 < 10 times
        assertThat(p.labelVariantNotes(ProfileOptions.NORMALIZE_LABELS)).singleElement().asString()
                .startsWith("tier: 3 spellings are 1 label written differently only by surrounding spaces or letter "
                        + "case (\"Gold\" ×100, \"gold \" ×12, \"GOLD\" ×8)")
                .endsWith("if they are one label, " + ProfileOptions.NORMALIZE_LABELS + " counts each group as its "
                        + "most frequent spelling");
        Profile today = ProfileBuilder.count(p, TableReader.open(day()));
        assertThat(today.column("tier").unseen()).containsExactly(Map.entry(" gold", 20L));
        // the round trip keeps the variants, and a profile without them (every one stored before) reads as none
        Profile back = ProfileJson.read(ProfileJson.write(p));
        assertThat(back.column("tier").categoryBins().variants()).isEqualTo(tier.categoryBins().variants());
        String old = ProfileJson.write(p).replaceAll(",\"labelVariants\":\\[\\[.*?\\]\\]\\]", "");
        assertThat(old).doesNotContain("labelVariants");
        assertThat(ProfileJson.read(old).column("tier").categoryBins().variants()).isEmpty();
        assertThat(ProfileJson.read(old).labelVariantNotes("x")).isEmpty();
    }

    @Test
    void theKeyFoldsUnicodeSpacesAndComposition() {
        assertThat(LabelVariants.key("Gold\u00A0")).isEqualTo("gold");
        assertThat(LabelVariants.key("\u200BGOLD")).isEqualTo("gold");
        assertThat(LabelVariants.key("Zu\u0308rich")).isEqualTo(LabelVariants.key("z\u00FCrich "));
        assertThat(LabelVariants.key("Gol d")).isNotEqualTo("gold");
        List<LabelVariants.Group> g = LabelVariants.find(Map.of("Gold", 5L, "Gold\u00A0", 2L));
        assertThat(g).singleElement().extracting(LabelVariants.Group::kept).isEqualTo("Gold");
    }
}
