// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.mi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.surprisal.core.Base;
import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.DataException;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.selection.MiOptions;
import dev.surprisal.selection.MiSelection;
import dev.surprisal.selection.RankedFeature;
import dev.surprisal.selection.TargetShare;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit of 1 Dec (issue 9) on a 3,000-row table of the usual shape: an ID, a timestamp, x ~ U(-3, 3), a 0/1
 * target logistic in x, a copy of the target (leak), a copy with 3% of its labels flipped (nearcopy), a constant,
 * a 30-valued text column and an all-empty column. Known truth: leak determines the target, nearcopy nearly does,
 * x is an ordinary strong predictor; notes state numbers in the caller's unit; every hint works when followed.
 */
class MiLeakageAndHintsTest {
    @TempDir
    Path dir;

    private Path table() throws IOException {
        StringBuilder b = new StringBuilder("id,ts,x,const,cat30,target,leak,nearcopy,allmiss\n");
        SplittableRandom r = new SplittableRandom(2026);
        for (int i = 0; i < 3000; i++) {
            double x = -3 + 6 * r.nextDouble();
            int target = r.nextDouble() < 1 / (1 + Math.exp(-2 * x)) ? 1 : 0;
            int near = r.nextDouble() < 0.03 ? 1 - target : target;
            b.append(100_000 + i).append(',')
                    .append(String.format(Locale.ROOT, "2026-01-%02dT%02d:%02d:00", 1 + i / 1440, i / 60 % 24, i % 60))
                    .append(',').append(x).append(",5,c").append(r.nextInt(30)).append(',').append(target).append(',')
                    .append(target).append(',').append(near).append(",\n");
        }
        return Files.writeString(dir.resolve("t.csv"), b.toString());
    }

    private static RankedFeature feature(RankingResult r, String name) {
        return r.features().stream().filter(f -> f.feature().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aCopyOfTheTargetIsFlaggedAndAnOrdinaryPredictorIsNot() throws IOException {
        MiTable t = MiTable.read(table(), RoleOverrides.none(), 42);
        RankingResult r = t.ranking("target", MiOptions.defaults().withBase(Base.BITS), null);
        assertThat(r.features().get(0).feature()).isEqualTo("leak");
        assertThat(feature(r, "leak").targetShare().flag()).isEqualTo(TargetShare.Flag.DETERMINES);
        // 3% flipped: share about 0.8, a very strong predictor (not "nearly determines", from 0.90)
        assertThat(feature(r, "nearcopy").targetShare().flag()).isEqualTo(TargetShare.Flag.VERY_STRONG);
        RankedFeature x = feature(r, "x");
        assertThat(x.aboveChance() / Math.log(2)).isBetween(0.35, 0.65); // of a ~1-bit target: a strong predictor
        assertThat(x.targetShare().flag()).isEqualTo(TargetShare.Flag.NONE);
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).startsWith("leak: determines the target:")
                .containsPattern("H = 0\\.99\\d+ bits|H = 1\\.000 bits"));
        // every number of a note in the unit the caller asked for
        assertThat(String.join("\n", r.notes())).doesNotContain("nats");
        // brought back as labels, the ID has MI = H(target) by chance alone, and is not flagged
        RankingResult withId = MiTable.read(dir.resolve("t.csv"), RoleOverrides.none().withRole("id", ColumnRole.DISCRETE), 42)
                .ranking("target", MiOptions.defaults().withBootstrap(0, false), null);
        assertThat(feature(withId, "id").targetShare().flag()).isEqualTo(TargetShare.Flag.NONE);
    }

    @Test
    void aSelectionNamesTheCopyItChooses() throws IOException {
        MiSelection.Result s = MiTable.read(table(), RoleOverrides.none(), 42)
                .select("target", 2, MiSelection.Method.MRMR, 3, Base.BITS, null);
        assertThat(s.notes()).anySatisfy(n -> assertThat(n).startsWith("leak: determines the target:").contains("bits"));
    }

    @Test
    void theMatrixNamesAPairWhereOneColumnDeterminesTheOther() throws IOException {
        MatrixResult m = MiTable.read(table(), RoleOverrides.none(), 42).matrix(3, null);
        assertThat(m.notes()).anySatisfy(n -> {
            assertThat(List.of(n.first(), n.second())).containsExactly("target", "leak");
            assertThat(n.message()).startsWith("each determines the other");
        }).anySatisfy(n -> {
            assertThat(List.of(n.first(), n.second())).containsExactly("target", "nearcopy");
            // 3% of labels flipped: share about 0.8, a very strong predictor (audit17 D6), leakage not called likely
            assertThat(n.message()).contains("very strongly predicts").doesNotContain("near-copy");
        }).noneMatch(n -> n.first().equals("x") && (n.message().contains("determines")
                || n.message().contains("predicts")));
    }

    @Test
    void aConstantOrEmptyColumnGetsNoRoleThatWouldFail() throws IOException {
        Path f = table();
        MiTable t = MiTable.read(f, RoleOverrides.none(), 42);
        assertThat(t.leftOutNotes()).anySatisfy(n -> assertThat(n).startsWith("column const: ")
                .endsWith(MiTable.CONSTANT_ADVICE)).noneMatch(n -> n.contains("--role const"))
                .noneMatch(n -> n.contains("--role allmiss"));
        // the old advice, followed, failed: "target const: is constant"
        assertThatThrownBy(() -> t.variable("const", "--target")).isInstanceOf(DataException.class)
                .hasMessageContaining("--target const: is constant").hasMessageNotContaining("--role");
        assertThatThrownBy(() -> ColumnEntropy.of(f, "allmiss", RoleOverrides.none(), null, null, Base.BITS))
                .isInstanceOf(DataException.class).hasMessageContaining("all 3,000 cells are missing");
        assertThatThrownBy(() -> MiTable.read(f, RoleOverrides.none().withRole("allmiss", ColumnRole.CONTINUOUS), 42))
                .isInstanceOf(DataException.class).hasMessageContaining("all 3,000 cells are missing")
                .hasMessageNotContaining("=categorical").hasMessageNotContaining("--exclude"); // entropy refuses --exclude
    }

    /**
     * Audit12 defect 9: a percentage column of 40 distinct integers over 5,000 rows stopped with "order statistics
     * -70 to 72 are tied … use a wider window" (padded indices, an option the CLI lacks). The message now says why
     * in the user's words and gives a role hint that works when followed.
     */
    @Test
    void aHeavilyTiedContinuousColumnSaysWhyAndTheRoleHintWorks() throws IOException {
        StringBuilder b = new StringBuilder("id,discount\n");
        SplittableRandom r = new SplittableRandom(9);
        for (int i = 0; i < 5000; i++) {
            b.append(i).append(',').append(20 + r.nextInt(40)).append("%\n");
        }
        Path f = Files.writeString(dir.resolve("pct.csv"), b.toString());
        assertThatThrownBy(() -> ColumnEntropy.of(f, "discount", RoleOverrides.none(), null, null, Base.BITS))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("discount: only 40 distinct values among 5000 numbers (")
                .hasMessageContaining("no differential entropy")
                // the library's words (issue 9: it wrote the command line's --role and --bins); the CLI maps them
                .hasMessageContaining("RoleOverrides.withRole(\"discount\", ColumnRole.DISCRETE) gives the entropy of"
                        + " their counts, bins = N that of N equal-width bins").hasMessageNotContaining("--")
                .hasMessageNotContaining("order statistics").hasMessageNotContaining("window option")
                .hasMessageNotContaining("wider window");
        ColumnEntropy.Result followed = ColumnEntropy.of(f, "discount",
                RoleOverrides.none().withRole("discount", ColumnRole.DISCRETE), null, null, Base.BITS);
        assertThat(followed).isInstanceOf(ColumnEntropy.Counted.class);
    }

    @Test
    void binningHintsOnlyANumericColumnAndTheHintWorks() throws IOException {
        Path f = table();
        assertThatThrownBy(() -> ColumnEntropy.of(f, "cat30", RoleOverrides.none(), 5, null, Base.BITS))
                .isInstanceOf(ColumnEntropy.Refusal.class).hasMessageContaining("bins: cat30 is")
                .hasMessageContaining("without bins").hasMessageNotContaining("CONTINUOUS").hasMessageNotContaining("--");
        assertThatThrownBy(() -> ColumnEntropy.of(f, "nearcopy", RoleOverrides.none(), 5, null, Base.BITS))
                .hasMessageContaining("RoleOverrides.withRole(\"nearcopy\", ColumnRole.CONTINUOUS) to bin it anyway")
                .hasMessageNotContaining("--");
        ColumnEntropy.Result followed = ColumnEntropy.of(f, "nearcopy",
                RoleOverrides.none().withRole("nearcopy", ColumnRole.CONTINUOUS), 5, null, Base.BITS);
        assertThat(followed).isInstanceOf(ColumnEntropy.Binned.class);
        assertThat(ColumnEntropy.of(f, "cat30", RoleOverrides.none(), null, null, Base.BITS))
                .isInstanceOf(ColumnEntropy.Counted.class);
    }

    @Test
    void notesStateTheirUnitForAJavaCallerWhoKeepsTheDefault() throws IOException {
        RankingResult r = MiTable.read(table(), RoleOverrides.none(), 42).ranking("target", MiOptions.defaults(), null);
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).startsWith("leak: ").contains(" nats"));
        assertThat(List.of(r.options().base())).containsExactly(Base.NATS);
    }
}
