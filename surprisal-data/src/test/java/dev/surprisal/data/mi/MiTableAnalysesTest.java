// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.mi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.surprisal.core.Base;
import dev.surprisal.core.ColumnRole;
import dev.surprisal.core.ValidationException;
import dev.surprisal.data.DataException;
import dev.surprisal.data.demo.OrdersTable;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.estimators.EntropyEstimators;
import dev.surprisal.selection.DependenceVerdict;
import dev.surprisal.selection.MiOptions;
import dev.surprisal.selection.MiSelection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code mi --x/--y}, {@code --matrix}, {@code --select} and {@code entropy --data} compute, called from Java. */
class MiTableAnalysesTest {
    private static final int N = 3000;

    /**
     * x ~ N(0,1); near = x + N(0, 0.45²) (ρ = 0.912, true MI −½ ln(1 − ρ²) = 0.893 nats); z ~ N(0,1)
     * independent; w ~ U(0,1) independent; y = x + z (the target of the selection); flag = 1 when
     * x &gt; 0, color ∈ {r, g, b} independent of everything; every 50th z is missing.
     */
    private static Path table(Path dir) throws IOException {
        SplittableRandom r = new SplittableRandom(20261130);
        StringBuilder b = new StringBuilder("x,near,z,w,y,flag,color\n");
        String[] colors = {"r", "g", "b"};
        for (int i = 0; i < N; i++) {
            double x = r.nextGaussian();
            double near = x + 0.45 * r.nextGaussian();
            double z = r.nextGaussian();
            double w = r.nextDouble();
            b.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%d,%s%n", x, near, i % 50 == 0 ? "" : Double.toString(z),
                    w, x + z, x > 0 ? 1 : 0, colors[r.nextInt(3)]));
        }
        return Files.writeString(dir.resolve("t.csv"), b.toString());
    }

    @Test
    void pairOfTheOrdersTableFindsTheUShapeWithRoss(@TempDir Path dir) {
        Path f = OrdersTable.reference(4000, 11).writeCsv(dir.resolve("orders.csv"));
        MiTable t = MiTable.read(f, RoleOverrides.none(), 42);
        PairResult p = t.pair("days_since_last", "churned", MiOptions.defaults());
        assertThat(p.yRole().role()).isEqualTo(ColumnRole.BINARY);
        assertThat(p.feature().estimator()).isEqualTo("Ross");
        assertThat(p.reason()).contains("Ross");
        assertThat(p.discrete()).isNull();
        assertThat(p.feature().pValue()).isLessThanOrEqualTo(0.05);
        assertThat(p.feature().verdict()).isEqualTo(DependenceVerdict.NON_MONOTONE);
        assertThat(Math.abs(p.feature().pearson())).isLessThan(0.1); // correlation misses it
    }

    @Test
    void pairOfTwoDiscreteColumnsAddsEntropiesNmiAndTheGTest(@TempDir Path dir) throws IOException {
        MiTable t = MiTable.read(table(dir), RoleOverrides.none(), 42);
        PairResult p = t.pair("flag", "color", MiOptions.defaults());
        assertThat(p.feature().estimator()).isEqualTo("plug-in");
        PairResult.Discrete d = p.discrete();
        assertThat(d).isNotNull();
        // flag is x > 0: about half and half, so H ≈ ln 2; color is uniform on three values, H ≈ ln 3
        assertThat(d.entropyX()).isCloseTo(Math.log(2), within(0.01));
        assertThat(d.entropyY()).isCloseTo(Math.log(3), within(0.01));
        assertThat(d.nmi()).isCloseTo(p.feature().mi() / ((d.entropyX() + d.entropyY()) / 2), within(1e-12));
        // the G statistic is 2n·MI (nats) of the same table
        assertThat(d.gTest().statistic()).isCloseTo(2.0 * N * p.feature().mi(), within(1e-9));
        assertThat(d.gTest().pValue()).isGreaterThan(0.001); // independent by construction
        assertThat(p.feature().verdict()).isEqualTo(DependenceVerdict.NO_EVIDENCE);
        assertThat(p.tableRows()).isEqualTo(N);
        assertThat(p.rowsLeftOut()).isZero();
    }

    @Test
    void pairLeavesOutRowsWithAMissingValueAndNamesWhy(@TempDir Path dir) throws IOException {
        MiTable t = MiTable.read(table(dir), RoleOverrides.none(), 42);
        PairResult p = t.pair("x", "z", MiOptions.defaults().withPermutations(19));
        assertThat(p.rowsLeftOut()).isEqualTo(N / 50);
        assertThat(p.reason()).contains("two continuous");
        assertThat(p.feature().verdict()).isEqualTo(DependenceVerdict.NO_EVIDENCE);
        assertThatThrownBy(() -> t.pair("x", "nope", MiOptions.defaults()))
                .isInstanceOf(DataException.class).hasMessageContaining("y nope: no such column")
                .hasMessageNotContaining("--y").hasMessageContaining("near"); // the parameter's name, not the option
    }

    @Test
    void matrixIsSymmetricWithAnEmptyDiagonalAndFindsTheDependentPair(@TempDir Path dir) throws IOException {
        MiTable t = MiTable.read(table(dir), RoleOverrides.none().withColumns(List.of("x", "near", "z", "w")), 42);
        int[] calls = new int[1];
        MatrixResult m = t.matrix(3, one -> calls[0] += one);
        assertThat(calls[0]).isEqualTo(6);
        List<String> names = m.columns().stream().map(c -> c.name()).toList();
        assertThat(names).containsExactly("x", "near", "z", "w");
        for (int i = 0; i < 4; i++) {
            assertThat(m.get(i, i)).isNaN();
            for (int j = 0; j < 4; j++) {
                if (i != j) {
                    assertThat(m.get(i, j)).isEqualTo(m.get(j, i));
                }
            }
        }
        double truth = -0.5 * Math.log(1 - 1 / (1 + 0.45 * 0.45));
        assertThat(m.get(0, 1)).isCloseTo(truth, within(0.08));
        assertThat(Math.abs(m.get(0, 2))).isLessThan(0.03);
        assertThat(Math.abs(m.get(2, 3))).isLessThan(0.03);
    }

    @Test
    void selectionTakesTheRelevantFeaturesAndSkipsTheRedundantCopy(@TempDir Path dir) throws IOException {
        MiTable t = MiTable.read(table(dir), RoleOverrides.none().withColumns(List.of("x", "near", "z", "w", "y")), 42);
        MiSelection.Result r = t.select("y", 2, MiSelection.Method.MRMR, 3, null);
        List<String> chosen = r.selected().stream().map(s -> s.name()).toList();
        // y = x + z: x and z each carry half; near only repeats x, w nothing
        assertThat(chosen).containsExactlyInAnyOrder("x", "z");
        // every term on its own rows (issue 9): the rows of the selection are the target's, not the complete rows
        assertThat(r.rows()).isEqualTo(N);
        assertThat(r.total()).isEqualTo(N);
        assertThatThrownBy(() -> t.select("y", 5, MiSelection.Method.JMI, 3, null))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("count: 5");
    }

    @Test
    void columnEntropyFollowsTheRole(@TempDir Path dir) throws IOException {
        Path f = table(dir);
        ColumnEntropy.Result x = ColumnEntropy.of(f, "x", RoleOverrides.none(), null, null, Base.NATS);
        assertThat(x).isInstanceOf(ColumnEntropy.Differential.class);
        // N(0, 1): h = ½ ln(2πe) = 1.4189 nats
        assertThat(((ColumnEntropy.Differential) x).value()).isCloseTo(0.5 * Math.log(2 * Math.PI * Math.E), within(0.05));
        ColumnEntropy.Result w = ColumnEntropy.of(f, "w", RoleOverrides.none(), 4, null, Base.BITS);
        ColumnEntropy.Binned b = (ColumnEntropy.Binned) w;
        // U(0, 1) in 4 equal bins: close to 2 bits
        assertThat(b.value()).isCloseTo(2.0, within(0.01));
        assertThat(b.occupied()).isEqualTo(4);
        assertThat(b.estimator()).isEqualTo("plug-in");
        ColumnEntropy.Binned mm = (ColumnEntropy.Binned) ColumnEntropy.of(f, "w", RoleOverrides.none(), 4,
                EntropyEstimators.byName("miller-madow"), Base.BITS);
        assertThat(mm.value()).isGreaterThan(b.value()); // the bias correction adds (K − 1)/(2n)
        ColumnEntropy.Result flag = ColumnEntropy.of(f, "flag", RoleOverrides.none(), null, null, Base.BITS);
        ColumnEntropy.Counted c = (ColumnEntropy.Counted) flag;
        assertThat(c.counts().total()).isEqualTo(N);
        assertThat(c.counts().size()).isEqualTo(2);
        assertThatThrownBy(() -> ColumnEntropy.of(f, "flag", RoleOverrides.none(), 4, null, Base.BITS))
                .isInstanceOf(DataException.class).hasMessageContaining("bins: flag is").hasMessageContaining("binary");
    }
}
