// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surprisal.core.Base;
import dev.surprisal.counts.Counts;
import dev.surprisal.counts.LabelCounts;
import dev.surprisal.dependence.MutualInformation;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The "determines the target" share where n is not much larger than K·L (issue 9, review of mi10): a zip code of
 * 1,000 levels on 3,000 rows that maps onto 300 cities. The former chance part, Miller–Madow (K − 1)(L − 1)/2n ≈ 45
 * nats, is ten times H(city), so no note appeared; the exact expected MI (4.2 nats) gives a share of 1. Golden values
 * from scikit-learn 1.2.1 ({@code tools/reference/target_share.py}): the MI, the expected MI of
 * {@code adjusted_mutual_info_score}, H, the share and the flag, on the stored labels.
 */
class TargetShareGoldenTest {
    private static final List<JsonNode> CASES = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = TargetShareGoldenTest.class.getResourceAsStream("/golden/target_share.json")) {
            new ObjectMapper().readTree(in).get("cases").forEach(CASES::add);
        }
    }

    private static double[] values(JsonNode a) {
        return java.util.Arrays.stream(labels(a)).asDoubleStream().toArray();
    }

    private static int[] labels(JsonNode a) {
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asInt();
        }
        return v;
    }

    private static JsonNode golden(String prefix) {
        return CASES.stream().filter(c -> c.get("name").asText().startsWith(prefix)).findFirst().orElseThrow();
    }

    private static TargetShare.Flag flag(JsonNode c) {
        return switch (c.get("flag").asText()) {
            case "determines" -> TargetShare.Flag.DETERMINES;
            case "nearly-determines" -> TargetShare.Flag.NEARLY;
            case "very-strong" -> TargetShare.Flag.VERY_STRONG;
            default -> TargetShare.Flag.NONE;
        };
    }

    @Test
    void theChancePartAndTheShareMatchSklearnsExpectedMutualInformation() {
        assertThat(CASES).hasSize(5);
        for (JsonNode c : CASES) {
            String name = c.get("name").asText();
            int[] f = labels(c.get("feature"));
            int[] y = labels(c.get("target"));
            Counts fs = LabelCounts.of(f);
            Counts ys = LabelCounts.of(y);
            double mi = MutualInformation.of(f, y, Base.NATS);
            double emi = TargetShare.plugInChance(fs, ys);
            assertThat(mi).as(name + " MI").isCloseTo(c.get("mi").asDouble(), within(1e-9));
            assertThat(emi).as(name + " E[MI]").isCloseTo(c.get("emi").asDouble(), within(1e-9));
            double h = TargetShare.entropyNats(y);
            double share = TargetShare.share(mi, emi, h, y.length);
            if (c.get("share").isNull()) {
                assertThat(share).as(name + " share").isNaN();
            } else {
                assertThat(share).as(name + " share").isCloseTo(c.get("share").asDouble(), within(1e-6));
            }
            TargetShare.Note note = TargetShare.note("city", mi, fs, ys, Base.BITS);
            assertThat(note.flag()).as(name).isEqualTo(flag(c));
            assertThat(note.sentence() == null).as(name).isEqualTo(note.flag() == TargetShare.Flag.NONE);
        }
    }

    /** The old rule: Miller–Madow exceeds H(city) by far, so the exact recoding got no note. */
    @Test
    void millerMadowOverstatesChanceOnSparseTables() {
        JsonNode c = golden("zip determines city");
        assertThat(c.get("miller_madow").asDouble()).isGreaterThan(5 * c.get("entropy").asDouble());
        assertThat(c.get("emi").asDouble()).isLessThan(c.get("entropy").asDouble());
    }

    @Test
    void aZipCodeDeterminesItsCityInTheRankingWithAndWithoutATest() {
        JsonNode c = golden("zip determines city");
        MiVariable zip = MiVariable.discrete("zip", values(c.get("feature")));
        MiVariable city = MiVariable.discrete("city", values(c.get("target")));
        MiOptions o = MiOptions.defaults().withBootstrap(0, false).withBase(Base.BITS);
        for (MiOptions options : List.of(o, o.withPermutations(0))) {
            RankedFeature f = TargetRanking.score(zip, city, options);
            assertThat(f.targetShare().flag()).as("permutations " + options.permutations())
                    .isEqualTo(TargetShare.Flag.DETERMINES);
            assertThat(f.notes()).containsOnlyOnce(f.targetShare().sentence());
            assertThat(f.warnings()).doesNotContain(f.targetShare().sentence());
            assertThat(f.targetShare().sentence()).startsWith("determines the target: its MI equals the entropy of city");
        }
        // the counted pair (an engine that counts tables) gives the same note as the rows
        CountedPair counted = counted("zip", labels(c.get("feature")), labels(c.get("target")));
        RankedFeature fromTable = TargetRanking.score(counted, "city", o.withPermutations(0), 0);
        assertThat(fromTable.targetShare()).isEqualTo(TargetRanking.score(zip, city, o.withPermutations(0)).targetShare());
        // a selection of the zip notes it too
        MiSelection.Result s = MiSelection.select(List.of(zip), city, 1, MiSelection.Method.MRMR, 3, Base.BITS, null);
        assertThat(s.notes()).singleElement().asString().startsWith("zip: determines the target:");
    }

    @Test
    void aZipWithSomeRowsMovedNearlyDeterminesOrNot() {
        JsonNode three = golden("zip with 3%");
        JsonNode thirty = golden("zip with 30%");
        MiOptions o = MiOptions.defaults().withBootstrap(0, false).withPermutations(0);
        MiVariable zip = MiVariable.discrete("zip", values(three.get("feature")));
        assertThat(TargetRanking.score(zip, MiVariable.discrete("city", values(three.get("target"))), o)
                .targetShare().flag()).isEqualTo(TargetShare.Flag.NEARLY);
        assertThat(TargetRanking.score(zip, MiVariable.discrete("city", values(thirty.get("target"))), o)
                .targetShare().flag()).isEqualTo(TargetShare.Flag.NONE);
    }

    @Test
    void independentManyValuedColumnsAndANearIdGetNoNote() {
        for (String prefix : List.of("two independent", "a near-ID")) {
            JsonNode c = golden(prefix);
            int[] f = labels(c.get("feature"));
            int[] y = labels(c.get("target"));
            double mi = MutualInformation.of(f, y, Base.NATS);
            // in the matrix, in neither direction
            assertThat(TargetShare.pairNote("a", "b", mi, LabelCounts.of(f), LabelCounts.of(y))).as(prefix).isNull();
            RankedFeature r = TargetRanking.score(MiVariable.discrete("f", values(c.get("feature"))),
                    MiVariable.discrete("y", values(c.get("target"))), MiOptions.defaults().withBootstrap(0, false));
            assertThat(r.targetShare()).as(prefix).isEqualTo(TargetShare.Note.NONE);
        }
        // the near-ID column repeats 10 values: too few rows to show anything (evidence 6.9 nats < 20)
        assertThat(golden("a near-ID").get("evidence").asDouble()).isLessThan(TargetShare.MIN_EVIDENCE_NATS);
    }

    @Test
    void theMatrixNoteSaysWhichColumnDeterminesWhich() {
        JsonNode c = golden("zip determines city");
        int[] f = labels(c.get("feature"));
        int[] y = labels(c.get("target"));
        double mi = MutualInformation.of(f, y, Base.NATS);
        assertThat(TargetShare.pairNote("zip", "city", mi, LabelCounts.of(f), LabelCounts.of(y)))
                .startsWith("zip determines city (MI above chance is 100.0% of the most it can be, H(city))");
        assertThat(TargetShare.pairNote("city", "zip", mi, LabelCounts.of(y), LabelCounts.of(f)))
                .startsWith("zip determines city");
    }

    private static CountedPair counted(String name, int[] f, int[] y) {
        int kf = 0;
        int ky = 0;
        for (int i = 0; i < f.length; i++) {
            kf = Math.max(kf, f[i] + 1);
            ky = Math.max(ky, y[i] + 1);
        }
        long[][] t = new long[kf][ky];
        for (int i = 0; i < f.length; i++) {
            t[f[i]][y[i]]++;
        }
        double[] fl = new double[kf];
        double[] yl = new double[ky];
        for (int i = 0; i < kf; i++) {
            fl[i] = i;
        }
        for (int j = 0; j < ky; j++) {
            yl[j] = j;
        }
        return CountedPair.of(name, t, fl, yl);
    }
}
