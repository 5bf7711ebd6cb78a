// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.mi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.surprisal.core.Base;
import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.selection.DependenceVerdict;
import dev.surprisal.selection.MiOptions;
import dev.surprisal.selection.MiSelection;
import dev.surprisal.selection.RankedFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 (target18): a Yes/No target with blank cells, through the library entry point the command line uses
 * ({@link MiTable#read(TableReader, RoleOverrides, long, boolean, boolean)}, then {@link MiTable#ranking}), must give
 * the ranking of the same target written 1/0 with the same blanks. Before, the text target was labels (its blanks
 * left out, but no order): every feature's verdict was "dependent" (no Pearson r, no monotone MI), where the 0/1
 * file said "non-monotone" for the U-shape and "monotone" for the trend; the pair counted the blanks as a third
 * value and got another MI.
 *
 * <p>Planted truth, 3,000 rows: {@code age} U-shaped (logit −2.5 + 3.5·u², u = (age − 50)/30), {@code tenure} monotone (−1.5·(tenure − 36)/36 on the
 * logit), {@code noise} unrelated, {@code promo} a Yes/No feature with blanks, unrelated; 3% of the target cells
 * blank ({@code ""} or {@code NA}).
 */
class MiTwoLabelTargetBlanksTest {
    private static final int N = 3000;

    @TempDir
    Path dir;

    /** The table with the target cell of each row given by {@code spell} ("Yes", "No" or null for blank). */
    private Path table(String name, Function<String, String> spell) throws IOException {
        SplittableRandom r = new SplittableRandom(9);
        StringBuilder b = new StringBuilder("age,tenure,noise,promo,churned\n");
        for (int i = 0; i < N; i++) {
            double age = 20 + 60 * r.nextDouble();
            double tenure = 1 + 71 * r.nextDouble();
            double u = (age - 50) / 30;
            double p = 1 / (1 + Math.exp(2.5 - 3.5 * u * u + 1.5 * (tenure - 36) / 36));
            String y = r.nextDouble() < p ? "Yes" : "No";
            double blank = r.nextDouble();
            String promo = r.nextDouble() < 0.05 ? "" : r.nextBoolean() ? "Yes" : "No";
            String cell = blank < 0.015 ? "" : blank < 0.03 ? "NA" : spell.apply(y);
            b.append(String.format(Locale.ROOT, "%.1f,%.1f,%.4f,%s,%s%n", age, tenure, r.nextGaussian(), promo, cell));
        }
        return Files.writeString(dir.resolve(name), b);
    }

    private static MiTable read(Path f) {
        return MiTable.read(TableReader.open(f), RoleOverrides.none(), 42, false, false);
    }

    private static RankedFeature feature(RankingResult r, String name) {
        return r.features().stream().filter(f -> f.feature().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aYesNoTargetWithBlanksRanksAsItsZeroOneForm() throws IOException {
        MiTable text = read(table("yesno.csv", s -> s));
        MiTable coded = read(table("coded.csv", s -> s.equals("Yes") ? "1" : "0"));
        MiOptions o = MiOptions.defaults().withBootstrap(0, false).withBase(Base.BITS);
        RankingResult t = text.ranking("churned", o, null);
        RankingResult c = coded.ranking("churned", o, null);

        assertThat(t.targetKind()).isEqualTo("discrete");
        assertThat(t.targetRole().role()).isEqualTo(ColumnRole.BINARY);
        int blank = N - feature(c, "noise").n();
        assertThat(blank).isBetween(60, 120); // about 3% of 3,000
        assertThat(t.targetRole().reason()).contains("'No' and 'Yes'")
                .contains(String.format(Locale.ROOT, "blank on %d of %,d rows", blank, N))
                .contains(String.format(Locale.ROOT, "its %d blank rows are left out", blank));
        // the whole ranking: order, MI, p, q, monotone MI, r, verdicts, notes
        assertThat(t.features()).isEqualTo(c.features()); // records: doubles compared as Double.compare does
        assertThat(feature(t, "age").verdict()).isEqualTo(DependenceVerdict.NON_MONOTONE);
        assertThat(feature(t, "tenure").verdict()).isEqualTo(DependenceVerdict.MONOTONE);
        // the notes, but for the target's role (its reason names the labels and the blanks)
        assertThat(t.notes().stream().filter(n -> !n.startsWith("target churned:")).toList())
                .isEqualTo(c.notes().stream().filter(n -> !n.startsWith("target churned:")).toList());
        // what the command line shows beside the ranking: the role as the ranking used it
        assertThat(text.forTarget("churned").decision("churned")).isEqualTo(t.targetRole());
        assertThat(text.decision("churned").role()).isEqualTo(ColumnRole.CATEGORICAL); // as a feature: labels

        // a pair with it on either side is its 0/1 form's too (before: the blanks were a third value)
        for (String[] xy : List.of(new String[] {"age", "churned"}, new String[] {"churned", "promo"})) {
            PairResult pt = text.pair(xy[0], xy[1], o);
            PairResult pc = coded.pair(xy[0], xy[1], o);
            assertThat(pt.feature()).as(String.join(",", xy)).isEqualTo(pc.feature());
            assertThat(pt.discrete()).isEqualTo(pc.discrete());
        }
        assertThat(text.select("churned", 2, MiSelection.Method.MRMR, o, null).selected())
                .isEqualTo(coded.select("churned", 2, MiSelection.Method.MRMR, o, null)
                        .selected());
    }

    @Test
    void aYesNoFeatureWithBlanksKeepsItsBlanksAsAValue() throws IOException {
        MiTable text = read(table("yesno.csv", s -> s));
        RankingResult r = text.ranking("age", MiOptions.defaults().withBootstrap(0, false).withPermutations(0), null);
        // only the chosen target is binarised: a feature's blanks may carry information
        assertThat(feature(r, "promo").n()).isEqualTo(N);
        assertThat(feature(r, "churned").n()).isEqualTo(N);
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).startsWith("missing cells of text column(s) promo, churned"));
        assertThat(text.forTarget("age")).isSameAs(text);
    }
}
