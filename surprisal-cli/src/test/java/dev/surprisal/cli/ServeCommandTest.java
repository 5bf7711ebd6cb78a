// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code surprisal serve}'s parsing: config validation, tokens shown once and listed without values. */
class ServeCommandTest {
    @Test
    void checkConfigSaysWhereTheErrorIs(@TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("good.yaml"), """
                monitors:
                  - name: orders
                    source: { path: "orders-{date}.csv" }
                    schedule: { cron: "0 6 * * *" }
                """);
        Cli ok = Cli.run("serve", "--config", good.toString(), "--check-config");
        assertThat(ok.code()).isZero();
        assertThat(ok.out()).contains("valid, 1 monitor(s), 0 notifier(s)");
        Path bad = Files.writeString(dir.resolve("bad.yaml"), """
                monitors:
                  - name: orders
                    source: { path: "orders-{date}.csv" }
                    drift: lots
                """);
        Cli err = Cli.run("serve", "--config", bad.toString(), "--check-config");
        assertThat(err.code()).isEqualTo(2);
        assertThat(err.err()).contains(bad + ":4: monitors[0].drift: --drift: expected a number, got 'lots'");
        assertThat(Cli.run("serve", "--check-config").code()).isEqualTo(2);
        Path noRef = Files.writeString(dir.resolve("noref.yaml"), """
                monitors:
                  - name: orders
                    source: { path: "orders-{date}.csv" }
                    reference: { path: nothere.csv }
                """);
        Cli missing = Cli.run("serve", "--config", noRef.toString(), "--check-config");
        assertThat(missing.code()).as("a reference file that does not exist: " + missing.out()).isEqualTo(2);
        assertThat(missing.err()).contains(noRef + ":4: monitors[0].reference.path: no file or directory at "
                + dir.resolve("nothere.csv").toAbsolutePath());
        Files.writeString(dir.resolve("nothere.csv"), "a\n1\n");
        assertThat(Cli.run("serve", "--config", noRef.toString(), "--check-config").code()).isZero();
        assertThat(Cli.run("serve", "--demo", "--config", good.toString()).code()).isEqualTo(2);
        Cli demoStore = Cli.run("serve", "--demo", "--store", dir.resolve("mine.duckdb").toString());
        assertThat(demoStore.code()).isEqualTo(2);
        assertThat(demoStore.err()).contains("--demo: brings its own temporary store; leave out --store");
        assertThat(dir.resolve("mine.duckdb")).doesNotExist();
    }

    @Test
    void tokensAreShownOnceAndListedWithoutValues(@TempDir Path dir) {
        String store = dir.resolve("drift.duckdb").toString();
        Cli made = Cli.run("serve", "token", "new", "--name", "grafana", "--role", "read", "--store", store);
        assertThat(made.code()).isZero();
        String token = made.out().trim();
        assertThat(token).startsWith("sps_").hasSizeGreaterThan(40);
        Cli list = Cli.run("serve", "token", "list", "--store", store);
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("grafana").contains("read").doesNotContain(token)
                .doesNotContain(token.substring(4, 20));
        assertThat(Cli.run("serve", "token", "new", "--name", "grafana", "--role", "read", "--store", store).code())
                .isEqualTo(2);
        assertThat(Cli.run("serve", "token", "new", "--name", "x", "--role", "root", "--store", store).code())
                .isEqualTo(2);
        assertThat(Cli.run("serve", "token", "revoke", "--name", "grafana", "--store", store).code()).isZero();
        assertThat(Cli.run("serve", "token", "list", "--store", store).out()).doesNotContain("  -\n");
        assertThat(Cli.run("serve", "token", "revoke", "--name", "grafana", "--store", store).code()).isEqualTo(3);
    }
}
