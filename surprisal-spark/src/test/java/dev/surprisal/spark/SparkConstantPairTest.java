// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.surprisal.data.demo.CustomersTable;
import dev.surprisal.data.mi.MatrixResult;
import dev.surprisal.data.mi.MiTable;
import dev.surprisal.data.mi.PairResult;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.selection.CountedPair;
import dev.surprisal.selection.MiOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pair with a column constant on its rows gets the same answer on Spark as locally (ent16, issue 9): no p-value,
 * method "constant", in {@code mi --x --y} (before: local G-test p 1, Spark none) and in {@code mi --matrix} (before:
 * local NaN without a method, Spark NaN "untested").
 */
@Tag("spark")
class SparkConstantPairTest {
    @Test
    void aConstantPairHasNoPValueOnEitherEngine(@TempDir Path dir) throws IOException {
        Path f = CustomersTable.writeCsv(dir); // the data module's ConstantPairTest reads the same file
        Dataset<Row> data = TestSpark.session().read().option("header", "true").csv(f.toString());
        MiOptions o = MiOptions.defaults().withPermutations(19).withBootstrap(0, false);
        RoleOverrides pairColumns = RoleOverrides.none().withColumns(List.of("reason_code", "churned"));
        PairResult local = MiTable.read(f, pairColumns, o.seed()).pair("reason_code", "churned", o);
        PairResult onSpark = SparkMi.pair(data, "reason_code", "churned", pairColumns, o, f).result();
        assertThat(onSpark.discrete()).isEqualTo(local.discrete());
        assertThat(local.discrete().gTestHolds()).isFalse();
        assertThat(local.discrete().noGTest()).contains("constant");
        assertThat(onSpark.feature().pValue()).isNaN();
        assertThat(local.feature().pValue()).isNaN();

        MatrixResult m = MiTable.read(f, RoleOverrides.none(), 42).matrix(3, null);
        MatrixResult s = SparkMi.matrix(data, RoleOverrides.none(), 3, 42, f, null).result();
        assertThat(s.columns()).isEqualTo(m.columns());
        for (int i = 0; i < m.columns().size(); i++) {
            for (int j = 0; j < m.columns().size(); j++) {
                assertThat(Double.compare(s.pValues()[i][j], m.pValues()[i][j])).as(i + " " + j).isZero();
                assertThat(s.pMethod(i, j)).as(i + " " + j).isEqualTo(m.pMethod(i, j));
            }
        }
        List<String> names = m.columns().stream().map(MatrixResult.Column::name).toList();
        assertThat(m.pMethod(names.indexOf("churned"), names.indexOf("reason_code")))
                .isEqualTo(CountedPair.Independence.CONSTANT);
    }
}
