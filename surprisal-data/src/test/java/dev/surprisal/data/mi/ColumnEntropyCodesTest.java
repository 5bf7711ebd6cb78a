// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.mi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.surprisal.core.Base;
import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.roles.RoleOverrides;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code entropy --data} of order IDs beyond 2^53 (spark19): DuckDB types the column BIGINT, the role is text
 * ({@code RoleRules.codes}), and the counts must be those of the IDs as written. Read through a double,
 * 9007199254740993 was ...992 and the GROUP BY's two rows one value: 3 values and 1.5 bits instead of 4 and 2.
 */
class ColumnEntropyCodesTest {
    @TempDir
    Path dir;

    @Test
    void idsBeyond2To53AreFourValuesAndTwoBits() throws IOException {
        StringBuilder b = new StringBuilder("order_id,status\n");
        for (int i = 0; i < 400; i++) {
            b.append(9007199254740992L + i % 4).append(',').append(i % 3 == 0 ? "shipped" : "open").append('\n');
        }
        Path f = Files.writeString(dir.resolve("orders.csv"), b.toString());
        ColumnEntropy.Result r = ColumnEntropy.of(TableReader.open(f), "order_id", RoleOverrides.none(), null, null,
                Base.BITS);
        assertThat(r.role().role()).isEqualTo(ColumnRole.CATEGORICAL);
        ColumnEntropy.Counted c = (ColumnEntropy.Counted) r;
        assertThat(c.counts().nonZero()).isEqualTo(4);
        assertThat(c.counts().total()).isEqualTo(400);
        assertThat(c.value()).isCloseTo(2.0, within(1e-12));
    }
}
