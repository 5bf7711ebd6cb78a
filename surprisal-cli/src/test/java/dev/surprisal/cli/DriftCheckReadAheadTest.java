// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.data.demo.EventTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code drift check} reads its file while it opens the store and reads the baseline
 * (docs/benchmarks.md, csv14): the baseline's errors still come first, the file's own errors after
 * them as before, and a good day's verdict is unchanged.
 */
class DriftCheckReadAheadTest {
    private static final int PER_DAY = 400;

    @TempDir
    Path dir;

    private String store() {
        return dir.resolve("drift.duckdb").toString();
    }

    private Path day(int day) {
        return EventTable.days(day, day, PER_DAY, 5).writeCsv(dir.resolve("day" + day + ".csv"));
    }

    /** Day {@code day} with a surplus cell in a row halfway down. */
    private Path broken(int day) throws IOException {
        String text = Files.readString(day(day));
        int at = text.indexOf('\n', text.length() / 2);
        Path f = dir.resolve("broken" + day + ".csv");
        Files.writeString(f, text.substring(0, at) + ",surplus" + text.substring(at));
        return f;
    }

    private Cli check(String monitor, Path file) {
        return Cli.run("drift", "check", "--monitor", monitor, "--data", file.toString(), "--store", store(),
                "--at", "2024-05-02");
    }

    @Test
    void theBaselinesErrorComesBeforeTheFilesAndTheFilesAfterIt() throws IOException {
        Cli b = Cli.run("drift", "baseline", "--monitor", "events", "--data", day(1).toString(), "--store", store());
        assertThat(b.code()).as(b.out() + b.err()).isEqualTo(ExitCode.OK);
        Path broken = broken(2);
        // an unknown monitor with a broken file: the monitor is what is wrong first
        Cli unknown = check("orders", broken);
        assertThat(unknown.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(unknown.err()).contains("orders").contains("monitors: events").doesNotContain("surplus");
        // the right monitor: the file's own error, with its line, as a count after the baseline gives it
        Cli bad = check("events", broken);
        assertThat(bad.code()).as(bad.out() + bad.err()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(bad.err()).contains(broken.getFileName().toString()).containsPattern("line \\d+");
        // a good day: checked and recorded as ever
        Cli good = check("events", day(2));
        assertThat(good.code()).as(good.out() + good.err()).isIn(ExitCode.OK, ExitCode.ALARM);
        assertThat(good.out()).contains("run 1 recorded in");
    }
}
