// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.power;

import dev.surprisal.drift.DriftOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A stopped power run keeps its seeds: what {@link SeedLog} writes, a later run reads back as it was. */
class SeedLogTest {
    @TempDir
    Path dir;

    @Test
    void aSeedReadBackIsTheSeedThatWasRun() throws IOException {
        List<PowerTable.Change> changes = PowerTable.changes();
        DriftOptions rule = DriftOptions.defaults();
        SeedLog log = new SeedLog(dir.resolve("power.log"), "all");
        PowerTable.Outcome[] run = new PowerTable.Outcome[3];
        for (int s : new int[] {0, 2}) {
            run[s] = PowerTable.seed(s, 300, 300, changes, rule);
            log.write("300", s, run[s]);
        }
        PowerTable.Outcome[] back = new PowerTable.Outcome[3];
        log.read("300", changes.size(), back);
        for (int s : new int[] {0, 2}) {
            assertThat(back[s].drift()).containsExactly(run[s].drift());
            assertThat(back[s].any()).containsExactly(run[s].any());
            assertThat(back[s].columns()).containsExactly(run[s].columns());
            assertThat(back[s].fails()).isEqualTo(run[s].fails());
        }
        assertThat(back[1]).as("seed 1 was not run: a later run does it").isNull();
    }

    @Test
    void linesOfAnotherSizeOrSetOfChangesAreNotRead() throws IOException {
        Path file = dir.resolve("power.log");
        Files.writeString(file, "all 500 seed=0 drift=11 any=11 columns=1111 fails=1\n"
                + "targets 1000 seed=1 drift=11 any=11 columns=1111 fails=1\n"
                + "all 1000 seed=2 drift=01 any=10 columns=0100 fails=0\n");
        PowerTable.Outcome[] out = new PowerTable.Outcome[3];
        new SeedLog(file, "all").read("1000", 2, out);
        assertThat(out[0]).isNull();
        assertThat(out[1]).isNull();
        assertThat(out[2].drift()).containsExactly(false, true);
        assertThat(out[2].any()).containsExactly(true, false);
        assertThat(out[2].columns()).containsExactly(false, true, false, false);
        assertThat(out[2].fails()).isFalse();
    }

    @Test
    void aLogOfOtherChangesIsRefused() throws IOException {
        Path file = dir.resolve("power.log");
        Files.writeString(file, "all 1000 seed=0 drift=01 any=10 columns=0100 fails=0\n");
        assertThatThrownBy(() -> new SeedLog(file, "all").read("1000", 18, new PowerTable.Outcome[1]))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("power.log")
                .hasMessageContaining("has 2 changes, this run 18");
    }
}
