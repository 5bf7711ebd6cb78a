// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.config;

import dev.surprisal.drift.rules.MonitorCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A monitor file's {@code max-lag}: read into the monitor and its check (the server's path), a bad one named. */
class MaxLagConfigTest {
    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader(Secrets.of(Map.of()));

    private Path monitor(String lag) throws Exception {
        return Files.writeString(dir.resolve("m.yaml"), "monitors:\n  - name: orders\n    source: { path: d.csv }\n"
                + (lag == null ? "" : "    max-lag: " + lag + "\n"));
    }

    @Test
    void maxLagIsReadIntoTheMonitorAndItsCheck() throws Exception {
        MonitorConfig m = loader.load(monitor("36h")).monitor("orders").orElseThrow();
        assertThat(m.maxLag()).isEqualTo(Duration.ofHours(36));
        assertThat(MonitorCheck.of(m).maxLag()).isEqualTo(Duration.ofHours(36));
        assertThat(loader.load(monitor(null)).monitor("orders").orElseThrow().maxLag()).isNull();
    }

    @Test
    void aBadMaxLagNamesTheKeyLineAndValue() throws Exception {
        Path f = monitor("soon");
        assertThatThrownBy(() -> loader.load(f)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("max-lag: expected a positive duration").hasMessageContaining("'soon'")
                .hasMessageContaining("m.yaml:4");
    }
}
