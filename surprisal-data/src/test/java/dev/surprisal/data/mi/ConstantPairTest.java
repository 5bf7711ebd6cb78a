// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.mi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.surprisal.data.demo.CustomersTable;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.selection.CountedPair;
import dev.surprisal.selection.MiOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pair with a column that is constant on its rows has no p-value, in every mode (ent16, issue 9): every joint law
 * with a one-point margin is independent, so nothing is tested. Before, {@code mi --x --y} gave it a G-test p of 1
 * (0 degrees of freedom) and the matrix a p of NaN with no method (read as "a pair with a continuous column"); the
 * Spark engine gave NaN with "untested" (a table too sparse). Now: p NaN, method "constant", a reason in words.
 * The data: {@link CustomersTable}, on which reason_code has a value only where churned = 1 (SparkConstantPairTest
 * reads the same file on Spark).
 */
class ConstantPairTest {
    @Test
    void aConstantPairHasNoPValueInAnyMode(@TempDir Path dir) throws IOException {
        MiTable t = MiTable.read(CustomersTable.writeCsv(dir), RoleOverrides.none(), 42);
        PairResult pair = t.pair("reason_code", "churned", MiOptions.defaults().withBootstrap(0, false));
        assertThat(pair.feature().mi()).isZero();
        assertThat(pair.feature().pValue()).isNaN();
        PairResult.Discrete d = pair.discrete();
        assertThat(d.gTestHolds()).isFalse();
        assertThat(d.gTest()).isNull();
        assertThat(d.noGTest()).contains("a column is constant on the pair's rows (a 3 x 1 table)")
                .contains("nothing to test");
        MatrixResult m = t.matrix(3, null);
        List<String> names = m.columns().stream().map(MatrixResult.Column::name).toList();
        int churned = names.indexOf("churned");
        int code = names.indexOf("reason_code");
        int plan = names.indexOf("plan");
        assertThat(m.pValues()[churned][code]).isNaN();
        assertThat(m.pMethod(churned, code)).isEqualTo(CountedPair.Independence.CONSTANT);
        // not a test: the family that q adjusts for holds the other pairs only
        assertThat(m.qValues()[churned][code]).isNaN();
        assertThat(m.pMethod(churned, plan)).isNotEqualTo(CountedPair.Independence.CONSTANT);
        assertThat(m.pValues()[churned][plan]).isBetween(0.0, 1.0);
    }
}
