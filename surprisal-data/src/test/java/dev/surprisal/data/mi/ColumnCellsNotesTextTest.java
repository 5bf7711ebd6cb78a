// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.mi;

import dev.surprisal.data.profile.CellText;
import dev.surprisal.data.profile.InvalidCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code entropy --data}'s notes name invalid and missing cells as drift names them ({@link CellText}): quoted so that
 * a value with a no-break space or a quote inside prints apart from its look-alike, with counts and first lines.
 * Before, entropy had its own copy of the list, which printed {@code "12\u00A0kg"} and {@code "12 kg"} alike.
 */
class ColumnCellsNotesTextTest {
    @TempDir
    Path dir;

    @Test
    void invalidCellsAreNamedAsDriftNamesThem() throws Exception {
        StringBuilder b = new StringBuilder("weight\n");
        for (int i = 0; i < 200; i++) {
            b.append(1 + i % 9).append('\n');
        }
        b.append("12 kg\n12\u00A0kg\n12\u00A0kg\n\"5\"\" x\"\n");
        Path f = Files.writeString(dir.resolve("w.csv"), b.toString());
        ColumnEntropy.Result e = ColumnEntropy.of(f, "weight", dev.surprisal.data.roles.RoleOverrides.none(), null, null,
                dev.surprisal.core.Base.BITS);
        String notes = String.join("\n", e.notes());
        // most frequent first, ties by text
        String expected = CellText.listed(List.of(new InvalidCell("line 203", "12\u00A0kg", 2),
                new InvalidCell("line 202", "12 kg", 1), new InvalidCell("line 205", "5\" x", 1)), 4);
        assertThat(expected).isEqualTo("\"12\\u00A0kg\" ×2 (first: line 203), \"12 kg\" ×1 (line 202), "
                + "\"5\\\" x\" ×1 (line 205)");
        assertThat(notes).contains("weight: 4 cells are not numbers, left out as missing: " + expected);
    }
}
