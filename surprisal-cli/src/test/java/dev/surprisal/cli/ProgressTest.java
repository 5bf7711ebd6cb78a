// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest {
    @Test
    void drawsOnlyOnATerminalWithoutQuiet() {
        assertThat(Progress.visible(true, false)).isTrue();
        assertThat(Progress.visible(true, true)).isFalse();
        assertThat(Progress.visible(false, false)).isFalse();
    }

    @Test
    void silentBarAcceptsWork() {
        try (Progress p = Progress.start("work", 10, false)) {
            assertThat(p.isVisible()).isFalse();
            p.step();
            p.stepBy(9);
        }
        assertThat(Progress.start("nothing to do", 0, true).isVisible()).isFalse();
    }

    @Test
    void visibleBarCountsAndCloses() {
        try (Progress p = Progress.start("work", 3, true)) {
            assertThat(p.isVisible()).isTrue();
            p.step();
            p.stepBy(2);
        }
    }

    @Test
    void rowBarIsSilentWithoutTerminalOrWithQuiet() {
        assertThat(Progress.rows("rows", false, false).isVisible()).isFalse();
        assertThat(Progress.rows("rows", true, true).isVisible()).isFalse();
        try (Progress p = Progress.rows("rows", false, false)) {
            p.accept(1_000);
        }
    }

    @Test
    void visibleRowBarFollowsTheStream() {
        try (Progress p = Progress.rows("rows", true, false)) {
            assertThat(p.isVisible()).isTrue();
            p.accept(500);
            p.accept(1_000);
        }
    }
}
