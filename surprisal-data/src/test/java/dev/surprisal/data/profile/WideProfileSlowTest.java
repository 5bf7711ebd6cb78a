// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.data.TableReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * 2,000 columns × 10,000 rows (DuckDB's one-query scan crashed on this file): every column's role,
 * missing, invalid and bin counts against the truth the writer planted, for a reference and for a
 * day counted on its bins. No timing is asserted; bench/wide_bench.sh measures it.
 */
@Tag("slow")
class WideProfileSlowTest {
    @TempDir
    Path dir;

    @Test
    void twoThousandColumnsGetTheirRolesAndCounts() {
        Wide ref = Wide.write(dir.resolve("ref.csv"), 2000, 10_000, 21);
        Profile p = ProfileBuilder.fit(TableReader.open(ref.file()), ProfileOptions.defaults());
        ref.assertTruth(p);
        Wide day = Wide.write(dir.resolve("day.csv"), 2000, 5_000, 22);
        Profile counted = ProfileBuilder.count(p, TableReader.open(day.file()));
        day.assertTruth(counted);
    }
}
