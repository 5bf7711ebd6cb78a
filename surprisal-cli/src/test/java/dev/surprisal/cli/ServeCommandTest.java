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
        String store = dir.resolve("none.duckdb").toString();
        Cli missing = Cli.run("serve", "--config", noRef.toString(), "--check-config", "--store", store);
        assertThat(missing.code()).as("a reference file that does not exist: " + missing.out()).isEqualTo(2);
        assertThat(missing.err()).contains(noRef + ":2: monitor 'orders': no baseline in the store and its reference "
                + dir.resolve("nothere.csv").toAbsolutePath() + " does not exist");
        assertThat(dir.resolve("none.duckdb")).as("--check-config creates no store").doesNotExist();
        Files.writeString(dir.resolve("nothere.csv"), "a\n1\n");
        assertThat(Cli.run("serve", "--config", noRef.toString(), "--check-config").code()).isZero();
        assertThat(Cli.run("serve", "--demo", "--config", good.toString()).code()).isEqualTo(2);
        Cli demoStore = Cli.run("serve", "--demo", "--store", dir.resolve("mine.duckdb").toString());
        assertThat(demoStore.code()).isEqualTo(2);
        assertThat(demoStore.err()).contains("--demo: brings its own temporary store; leave out --store");
        assertThat(dir.resolve("mine.duckdb")).doesNotExist();
    }

    /**
     * {@code --check-config} and the server's {@code /readyz} apply one rule to one config and store: a
     * monitor whose reference file is gone can run when the store holds its baseline. Before, --check-config
     * failed on the missing file alone (exit 2) while the server said ready and its checks ran.
     */
    @Test
    void checkConfigAndReadinessAgreeOnAMissingReferenceWithAStoredBaseline(@TempDir Path dir) throws Exception {
        Path reference = Files.writeString(dir.resolve("orders-ref.csv"), orders(400));
        Path yaml = Files.writeString(dir.resolve("monitors.yaml"), """
                monitors:
                  - name: orders
                    source: { path: "orders-{date}.csv" }
                    reference: { path: orders-ref.csv }
                """);
        String store = dir.resolve("drift.duckdb").toString();
        assertThat(Cli.run("drift", "baseline", "--monitor", "orders", "--data", reference.toString(), "--store",
                store).code()).isZero();
        Files.delete(reference); // archived after the baseline was fitted
        Cli stored = Cli.run("serve", "--config", yaml.toString(), "--check-config", "--store", store);
        assertThat(stored.code()).as(stored.err()).isZero();
        assertThat(unrunnable(yaml, store)).as("/readyz's reasons on the same config and store").isEmpty();

        String other = dir.resolve("other.duckdb").toString();
        assertThat(Cli.run("drift", "baseline", "--monitor", "returns", "--data", Files.writeString(
                dir.resolve("returns.csv"), orders(200)).toString(), "--store", other).code()).isZero();
        Cli none = Cli.run("serve", "--config", yaml.toString(), "--check-config", "--store", other);
        assertThat(none.code()).isEqualTo(2);
        assertThat(unrunnable(yaml, other)).singleElement().satisfies(r -> assertThat(none.err()).contains(r));
    }

    /** What the server's /readyz reports for {@code yaml} on {@code store}. */
    private static java.util.List<String> unrunnable(Path yaml, String store) {
        dev.surprisal.drift.config.ServerConfig cfg = new dev.surprisal.drift.config.ConfigLoader(
                dev.surprisal.drift.config.Secrets.of(java.util.Map.of())).load(yaml);
        try (dev.surprisal.server.store.StoreGate gate = new dev.surprisal.server.store.StoreGate(store)) {
            return new dev.surprisal.server.Monitors(cfg, gate, java.time.Clock.systemUTC()).unrunnable();
        }
    }

    /** An orders table: id, amount, country. */
    private static String orders(int rows) {
        StringBuilder csv = new StringBuilder("order_id,amount,country\n");
        String[] countries = {"DE", "FR", "SE", "US"};
        for (int i = 1; i <= rows; i++) {
            csv.append(i).append(',').append(5 + (i * 7919 % 211) * 0.25).append(',').append(countries[i % 4])
                    .append('\n');
        }
        return csv.toString();
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
