// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.mi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.surprisal.core.Base;
import dev.surprisal.core.ValidationException;
import dev.surprisal.data.DataException;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.selection.MiOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code mi} and {@code entropy} say about a table (audit of 1 Dec, issue 9): the same words for the same
 * cell as drift, advice that works when followed, the option the user typed, and a file with no rows.
 */
class MiTableMessagesTest {
    @TempDir
    Path dir;

    /** 200 rows: a unique timestamp, a continuous x, a binary y, a text-free id; row 30 (line 32) of x is "abc". */
    private Path orders() throws IOException {
        StringBuilder b = new StringBuilder("id,ts,x,y\n");
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int i = 0; i < 200; i++) {
            b.append("k").append(i * 7919 % 1000).append(',')
                    .append(String.format(java.util.Locale.ROOT, "2026-03-01 %02d:%02d:%02d", i / 3600, i / 60 % 60, i % 60))
                    .append(',').append(i == 30 ? "abc" : Double.toString(r.nextGaussian())).append(',')
                    .append(r.nextInt(2)).append('\n');
        }
        return Files.writeString(dir.resolve("orders.csv"), b.toString());
    }

    @Test
    void invalidCellsAreLocatedByFileLineAsDriftDoes() throws IOException {
        MiTable t = MiTable.read(orders(), RoleOverrides.none(), 1);
        assertThat(t.notes()).containsExactly("x: 1 cell(s) are not numbers (first: line 32: 'abc'); they are left out as missing");
    }

    @Test
    void notesOfColumnsPreparedInParallelKeepFileOrder() throws IOException {
        // the columns are prepared in parallel; their notes must still come in file order, every time
        StringBuilder b = new StringBuilder("a,b,c,d\n");
        java.util.SplittableRandom r = new java.util.SplittableRandom(8);
        for (int i = 0; i < 300; i++) {
            b.append(i == 250 ? "x1" : Double.toString(r.nextGaussian())).append(',')
                    .append(i == 10 ? "inf" : Double.toString(r.nextGaussian())).append(',')
                    .append(i == 5 ? "x3" : Double.toString(r.nextGaussian())).append(',')
                    .append(r.nextInt(2)).append('\n');
        }
        Path f = Files.writeString(dir.resolve("four.csv"), b.toString());
        for (int round = 0; round < 20; round++) {
            MiTable t = MiTable.read(f, RoleOverrides.none(), 1);
            assertThat(t.notes()).hasSize(3);
            assertThat(t.notes().get(0)).startsWith("a: 1 cell(s) are not numbers (first: line 252: 'x1')");
            assertThat(t.notes().get(1)).startsWith("b: ").contains("line 12");
            assertThat(t.notes().get(2)).startsWith("c: 1 cell(s) are not numbers (first: line 7: 'x3')");
            assertThat(t.variables()).extracting(dev.surprisal.selection.MiVariable::name).containsExactly("a", "b", "c", "d");
        }
    }

    /** Audit12 defect 11: "--role order id=discrete" pasted is two arguments; the hint quotes the option. */
    @Test
    void aRoleHintForANameWithASpaceIsShellQuoted() throws IOException {
        StringBuilder b = new StringBuilder("order id,x,y\n");
        for (int i = 0; i < 300; i++) {
            b.append(1000 + 7 * i).append(',').append(i % 5).append(',').append(i % 3).append('\n');
        }
        Path f = Files.writeString(dir.resolve("spaced.csv"), b.toString());
        MiTable t = MiTable.read(f, RoleOverrides.none(), 1);
        assertThat(t.leftOutNotes()).anyMatch(n -> n.startsWith("column order id: ")
                && n.endsWith("--role 'order id=discrete' (or 'order id=continuous') brings it back"));
        assertThat(MiTable.roleHint("it's", "=categorical")).isEqualTo("--role 'it'\\''s=categorical'");
        assertThat(MiTable.roleHint("zip", "=categorical")).isEqualTo("--role zip=categorical");
    }

    @Test
    void theAdviceForALeftOutColumnWorksWhenFollowed() throws IOException {
        Path f = orders();
        MiTable t = MiTable.read(f, RoleOverrides.none(), 1);
        assertThat(t.leftOutNotes()).anyMatch(n -> n.startsWith("column ts: ") && n.endsWith("--role ts=categorical brings it back"))
                .anyMatch(n -> n.startsWith("column id: ") && n.endsWith("--role id=categorical brings it back"));
        assertThatThrownBy(() -> t.variable("ts", "--x")).hasMessageEndingWith("--role ts=categorical to use it");
        // the advice, followed, gives a table with ts in it; a numeric role is refused naming the file and the way out
        assertThat(MiTable.read(f, RoleOverrides.none().withRole("ts", dev.surprisal.core.ColumnRole.CATEGORICAL), 1)
                .variable("ts", "--x").name()).isEqualTo("ts");
        assertThatThrownBy(() -> MiTable.read(f, RoleOverrides.none().withRole("ts", dev.surprisal.core.ColumnRole.DISCRETE), 1))
                .isInstanceOf(DataException.class).hasMessageStartingWith(f + ": column 'ts': --role: cannot be discrete")
                .hasMessageEndingWith("--role ts=categorical uses its values as labels");
    }

    @Test
    void anUnknownColumnNamesTheOptionTypedAndTheFile() throws IOException {
        Path f = orders();
        assertThatThrownBy(() -> MiTable.read(f, RoleOverrides.none().withColumns(List.of("x", "nope"), List.of("--x", "--y")), 1))
                .isInstanceOf(DataException.class).hasMessageStartingWith(f + ": --y: no column 'nope'; available: id, ts, x, y");
        assertThatThrownBy(() -> ColumnEntropy.of(f, "nope", RoleOverrides.none().withColumns(List.of("nope"), List.of("--column")),
                null, null, Base.BITS)).hasMessageStartingWith(f + ": --column: no column 'nope'");
        assertThatThrownBy(() -> MiTable.read(f, RoleOverrides.none().withColumns(List.of("nope")), 1))
                .hasMessageStartingWith(f + ": --columns: no column 'nope'");
    }

    @Test
    void aColumnWithItselfIsRefused() throws IOException {
        MiTable t = MiTable.read(orders(), RoleOverrides.none(), 1);
        assertThatThrownBy(() -> t.pair("x", "x", MiOptions.defaults().withPermutations(0)))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("y: 'x' is also --x")
                .hasMessageContaining("infinite for a continuous column");
    }

    @Test
    void aHeaderOnlyFileHasNoRows() throws IOException {
        Path f = Files.writeString(dir.resolve("hdr.csv"), "a,b,y\n");
        assertThatThrownBy(() -> MiTable.read(f, RoleOverrides.none(), 1)).isInstanceOf(DataException.class)
                .hasMessage(f + ": no rows: the file has a header but no data");
        assertThatThrownBy(() -> ColumnEntropy.of(f, "a", RoleOverrides.none(), null, null, Base.BITS))
                .isInstanceOf(DataException.class).hasMessage(f + ": no rows: the file has a header but no data");
    }

    @Test
    void aTimestampOfDistinctInstantsGetsTheLogNNote() throws IOException {
        ColumnEntropy.Result r = ColumnEntropy.of(orders(), "ts", RoleOverrides.none(), null, null, Base.BITS);
        assertThat(r.notes()).anyMatch(n -> n.equals("ts: nearly every timestamp is distinct, so its entropy is about"
                + " log(n): it counts the instants recorded, not how the data vary"));
    }
}
