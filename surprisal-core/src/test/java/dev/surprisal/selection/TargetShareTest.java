// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.surprisal.core.Base;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A feature that determines a discrete target is flagged (audit of 1 Dec, issue 9: a copy of the 0/1 target ranked
 * first as "monotone, correlation sees most of this", with nothing saying MI = H(target)). Known truth on 3,000 rows
 * of a fair 0/1 target: a copy (share 1), a copy with 0.5% of labels flipped (1 − H(0.005) ≈ 0.95 of H), copies
 * with 3% and 4% flipped (≈ 0.80 and 0.76: features right 97% and 96% of the time), a 30-valued
 * column the target is a function of, an ID read as labels (MI = H by chance alone: share ≈ 0), and a predictor
 * right 88% of the time (≈ 0.47 of H, an ordinary strong predictor).
 */
class TargetShareTest {
    private static final int N = 3000;
    private static final double[] Y = new double[N];
    private static final double[] COPY = new double[N];
    private static final double[] FLIPPED = new double[N];
    private static final double[] LEVELS = new double[N];
    private static final double[] ID = new double[N];
    private static final double[] GOOD = new double[N];
    private static final double[] CLOSE = new double[N];
    private static final double[] RIGHT96 = new double[N];

    static {
        SplittableRandom r = new SplittableRandom(9);
        for (int i = 0; i < N; i++) {
            LEVELS[i] = r.nextInt(30);
            Y[i] = LEVELS[i] % 2; // a function of the 30 levels
            COPY[i] = Y[i];
            FLIPPED[i] = r.nextDouble() < 0.03 ? 1 - Y[i] : Y[i];
            ID[i] = 100_000 + i;
            GOOD[i] = r.nextDouble() < 0.12 ? 1 - Y[i] : Y[i];
        }
        // drawn after the others, so that their rows stay as they were
        for (int i = 0; i < N; i++) {
            CLOSE[i] = r.nextDouble() < 0.005 ? 1 - Y[i] : Y[i];
            RIGHT96[i] = r.nextDouble() < 0.04 ? 1 - Y[i] : Y[i];
        }
    }

    private static List<String> warnings(String name, double[] feature, MiOptions o) {
        return TargetRanking.score(MiVariable.discrete(name, feature), MiVariable.discrete("churned", Y), o).notes();
    }

    private static TargetShare.Flag flag(String name, double[] feature, MiOptions o) {
        RankedFeature f = TargetRanking.score(MiVariable.discrete(name, feature), MiVariable.discrete("churned", Y), o);
        // the sentence the verdict renders is stored in the note alone (not among the warnings), and rendered once
        // by notes(), and only then
        assertThat(f.warnings()).noneMatch(w -> w.contains("determines the target"));
        if (f.targetShare().flag() == TargetShare.Flag.NONE) {
            assertThat(f.targetShare().sentence()).isNull();
            assertThat(f.notes()).isEqualTo(f.warnings());
        } else {
            assertThat(f.notes()).containsExactlyElementsOf(
                    java.util.stream.Stream.concat(f.warnings().stream(), java.util.stream.Stream.of(
                            f.targetShare().sentence())).toList());
        }
        return f.targetShare().flag();
    }

    private static MiOptions bits() {
        return MiOptions.defaults().withBootstrap(0, false).withBase(Base.BITS);
    }

    @Test
    void aCopyOfTheTargetDeterminesItInTheCallersUnit() {
        assertThat(warnings("leak", COPY, bits())).anySatisfy(w -> assertThat(w).startsWith("determines the target:")
                .containsPattern("the entropy of churned \\(H = (0\\.99\\d\\d|1\\.000) bits").contains("a copy of the target or leakage"));
        assertThat(flag("leak", COPY, bits())).isEqualTo(TargetShare.Flag.DETERMINES);
        // without a test the plug-in's chance part is the same: its exact expected value under independence
        assertThat(flag("leak", COPY, bits().withPermutations(0))).isEqualTo(TargetShare.Flag.DETERMINES);
        // the default unit is stated too
        assertThat(warnings("leak", COPY, MiOptions.defaults().withBootstrap(0, false)))
                .anySatisfy(w -> assertThat(w).containsPattern("\\(H = 0\\.69\\d\\d nats"));
    }

    @Test
    void aManyValuedColumnTheTargetIsAFunctionOfDeterminesIt() {
        assertThat(flag("region", LEVELS, bits())).isEqualTo(TargetShare.Flag.DETERMINES);
    }

    @Test
    void aNearCopyNearlyDeterminesIt() {
        assertThat(flag("nearcopy", CLOSE, bits())).isEqualTo(TargetShare.Flag.NEARLY);
        assertThat(warnings("nearcopy", CLOSE, bits())).anySatisfy(s -> assertThat(s)
                .startsWith("nearly determines the target:").contains("% of the most it can be, the entropy of churned")
                .contains("a near-copy of the target or leakage is likely"));
    }

    /**
     * Audit17 D6: a feature right 95% of the time (here 96% and 97%) was called "a near-copy of the target or leakage is likely";
     * the share (1 − H(0.04) ≈ 0.76, 1 − H(0.03) ≈ 0.80 of a bit) cannot tell it from a near-copy, so the note says
     * what the number says: a very strong predictor, to check for leakage.
     */
    @Test
    void aFeatureRightMostOfTheTimeIsAVeryStrongPredictorNotLikelyLeakage() {
        for (double[] feature : new double[][] {FLIPPED, RIGHT96}) {
            // its own flag value (was NEARLY, the near-copy's, so JSON said "nearly-determines" beside these words)
            assertThat(flag("f", feature, bits())).isEqualTo(TargetShare.Flag.VERY_STRONG);
            assertThat(warnings("f", feature, bits())).anySatisfy(s -> assertThat(s)
                    .startsWith("very strong predictor of the target: its MI above chance is ")
                    .containsPattern("is (7\\d|8[0-5])\\.\\d% of the most it can be")
                    .contains("check that it is not recorded after the outcome (leakage)")
                    .doesNotContain("likely").doesNotContain("nearly determines"));
        }
    }

    /**
     * One flag value per wording of the note (target18): the very strong predictor (share in [0.70, 0.90)) and the
     * near-copy (share in [0.90, 0.98)) were both NEARLY, so a JSON reader could not tell them apart.
     */
    @Test
    void eachWordingOfTheNoteHasItsOwnFlag() {
        assertThat(TargetShare.Flag.of(0.69)).isEqualTo(TargetShare.Flag.NONE);
        assertThat(TargetShare.Flag.of(Double.NaN)).isEqualTo(TargetShare.Flag.NONE);
        assertThat(TargetShare.Flag.of(0.70)).isEqualTo(TargetShare.Flag.VERY_STRONG);
        assertThat(TargetShare.Flag.of(0.8)).isEqualTo(TargetShare.Flag.VERY_STRONG);
        assertThat(TargetShare.Flag.of(0.90)).isEqualTo(TargetShare.Flag.NEARLY);
        assertThat(TargetShare.Flag.of(0.95)).isEqualTo(TargetShare.Flag.NEARLY);
        assertThat(TargetShare.Flag.of(0.98)).isEqualTo(TargetShare.Flag.DETERMINES);
        assertThat(TargetShare.Flag.VERY_STRONG.label()).isEqualTo("very-strong");
        assertThat(TargetShare.Flag.NEARLY.label()).isEqualTo("nearly-determines");
        // the sentence follows the flag, in the ranking's note and in a pair's
        for (double share : new double[] {0.75, 0.85, 0.92, 0.97}) {
            double h = Math.log(2);
            TargetShare.Note note = TargetShare.note("y", share * h, 0.0, h, 4000, Base.BITS);
            assertThat(note.flag()).isEqualTo(TargetShare.Flag.of(share));
            assertThat(note.sentence()).startsWith(note.flag() == TargetShare.Flag.NEARLY
                    ? "nearly determines the target:" : "very strong predictor of the target:");
            String pair = TargetShare.pairNote("a", "b", share * h, 0.0, Double.NaN, h, 4000);
            assertThat(pair).contains(note.flag() == TargetShare.Flag.NEARLY ? "a nearly determines b"
                    : "a very strongly predicts b");
        }
    }

    @Test
    void anOrdinaryStrongPredictorAndAnIdAreNotFlagged() {
        RankedFeature good = TargetRanking.score(MiVariable.discrete("good", GOOD), MiVariable.discrete("churned", Y), bits());
        assertThat(good.mi() / Math.log(2)).isBetween(0.4, 0.6); // bits of the 1-bit target: a strong predictor
        assertThat(good.targetShare().flag()).isEqualTo(TargetShare.Flag.NONE);
        // an ID read as labels has MI = H(target) in every sample, by chance alone
        RankedFeature id = TargetRanking.score(MiVariable.discrete("id", ID), MiVariable.discrete("churned", Y), bits());
        assertThat(id.mi()).isCloseTo(Math.log(2), org.assertj.core.api.Assertions.within(1e-3));
        assertThat(id.targetShare().flag()).isEqualTo(TargetShare.Flag.NONE);
        assertThat(flag("id", ID, bits().withPermutations(0))).isEqualTo(TargetShare.Flag.NONE);
    }

    @Test
    void aContinuousTargetHasNoShare() {
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            y[i] = ID[i] * 0.5;
        }
        RankedFeature f = TargetRanking.score(MiVariable.discrete("g", GOOD), MiVariable.continuous("amount", y, 1), bits());
        assertThat(f.targetShare()).isEqualTo(TargetShare.Note.NONE);
    }

    @Test
    void aSelectionFlagsTheCopyItChooses() {
        List<MiVariable> features = List.of(MiVariable.discrete("leak", COPY), MiVariable.discrete("good", GOOD));
        MiSelection.Result r = MiSelection.select(features, MiVariable.discrete("churned", Y), 2, MiSelection.Method.MRMR,
                3, Base.BITS, null);
        assertThat(r.notes()).hasSize(1).first().asString().startsWith("leak: determines the target:")
                .contains("bits");
    }
}
