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
}
