// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Monitor config files: keys, defaults from the library, secrets from the environment, errors with file:line:key. */
class ConfigLoaderTest {
    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader(Secrets.of(Map.of("HOOK", "http://127.0.0.1:9/hook",
            "PGPW", "s3cret-pw")));

    private Path write(String name, String yaml) throws Exception {
        return Files.writeString(dir.resolve(name), yaml);
    }

    @Test
    void aFullConfigIsRead() throws Exception {
        Path f = write("m.yaml", """
                server: { port: 9090, metrics-public: true }
                notifiers:
                  - { name: oncall, type: alertmanager, url: "${env:HOOK}", retries: 2, backoff: 500ms }
                monitors:
                  - name: orders
                    source: { path: "data/orders-{date}.csv" }
                    reference: { path: data/ref.csv }
                    measure: js
                    warn: 0.05
                    drift: 0.2
                    fail-on: warn
                    exclude: [order_id, ts]
                    schedule: { cron: "30 6 * * MON-FRI", zone: Europe/Berlin }
                    alerts: [oncall]
                    alert-on: warn
                  - name: loans
                    source: { jdbc: "jdbc:postgresql://127.0.0.1:5432/db", user: u, password: "${env:PGPW}",
                              query: "select * from loans where day = :date" }
                """);
        ServerConfig c = loader.load(f);
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(9090);
        assertThat(c.metricsPublic()).isTrue();
        assertThat(c.readsPublic()).isFalse();
        MonitorConfig m = c.monitor("orders").orElseThrow();
        assertThat(m.source().path()).isEqualTo(dir.resolve("data/orders-{date}.csv").toString());
        assertThat(m.settings()).containsEntry("measure", "js").containsEntry("fail-on", "warn");
        assertThat(m.exclude()).containsExactly("order_id", "ts");
        assertThat(m.zone()).isEqualTo("Europe/Berlin");
        assertThat(m.alertOnWarn()).isTrue();
        assertThat(c.notifier("oncall").orElseThrow().url()).isEqualTo("http://127.0.0.1:9/hook");
        MonitorConfig loans = c.monitor("loans").orElseThrow();
        assertThat(loans.source().password()).isEqualTo("s3cret-pw");
        assertThat(loans.source().describe()).doesNotContain("s3cret");
        assertThat(loans.toString()).doesNotContain("s3cret");
    }

    @Test
    void errorsNameFileLineAndKey() throws Exception {
        Path f = write("bad.yaml", """
                monitors:
                  - name: orders
                    source: { path: a.csv }
                    warn: high
                """);
        assertThatThrownBy(() -> loader.load(f)).isInstanceOf(ConfigException.class)
                .hasMessage(f + ":4: monitors[0].warn: --warn: expected a number, got 'high'");
        Path g = write("bad2.yaml", """
                monitors:
                  - name: orders
                    source: { path: a.csv }
                    treshold: 0.3
                """);
        Path spark = write("spark.yaml", """
                monitors:
                  - name: orders
                    source: { path: a.csv }
                    engine: spark
                """);
        assertThatThrownBy(() -> loader.load(spark)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(spark + ":4: monitors[0].engine: 'spark': the server checks its monitors on the"
                        + " local engine only; run a Spark check with surprisal drift check --engine spark");
        Path local = write("local.yaml", """
                monitors:
                  - name: orders
                    source: { path: a.csv }
                    engine: local
                """);
        assertThat(loader.load(local).monitors()).hasSize(1);
        assertThatThrownBy(() -> loader.load(g)).hasMessageStartingWith(g + ":4: monitors[0].treshold: unknown key; did you mean thresholds?; "
                + "allowed here:")
                .hasMessageContaining("drift");
        Path h = write("bad3.yaml", """
                monitors:
                  - name: orders
                    source: { path: a.csv }
                    schedule: { cron: "0 6 1 * MON" }
                """);
        // the library keeps a schedule as written; a loader that runs schedules (the server's Cron) checks it,
        // and its complaint is placed at the key (the real rule: surprisal-server's CronTest)
        assertThat(loader.load(h).monitors().get(0).schedule()).isEqualTo("0 6 1 * MON");
        ConfigLoader scheduling = new ConfigLoader(Secrets.of(Map.of()), (cron, zone) -> {
            if (cron.endsWith("MON") && !cron.split(" ")[2].equals("*")) {
                throw new dev.surprisal.core.ValidationException("cron: '" + cron + "' restricts both days");
            }
        });
        assertThatThrownBy(() -> scheduling.load(h)).hasMessage(h + ":4: monitors[0].schedule.cron: cron: '0 6 1 * MON' "
                + "restricts both days");
        Path i = write("bad4.yaml", "monitors:\n  - name: x\n    source: { path: a.csv }\n    alerts: [nobody]\n");
        assertThatThrownBy(() -> loader.load(i)).hasMessageContaining("unknown notifier 'nobody'");
        Path j = write("bad5.yaml", "monitors: [ { name: x, source: { path: a.csv }\n");
        assertThatThrownBy(() -> loader.load(j)).hasMessageStartingWith(j + ":").hasMessageContaining("not valid YAML");
        Path k = write("bad6.yaml", "monitors:\n  - name: ../etc\n    source: { path: a.csv }\n");
        assertThatThrownBy(() -> loader.load(k)).hasMessageContaining(":2: monitors[0].name: names are");
    }

    @Test
    void secretsComeOnlyFromTheEnvironmentAndAreNeverEchoed() throws Exception {
        Path f = write("lit.yaml", """
                monitors:
                  - name: loans
                    source: { jdbc: "jdbc:postgresql://h/db", password: "hunter2", query: "select 1" }
                """);
        assertThatThrownBy(() -> loader.load(f)).hasMessageContaining("must come from the environment")
                .hasMessageNotContaining("hunter2");
        Path g = write("missing.yaml", """
                notifiers: [ { name: n, type: slack, url: "${env:NOT_SET_ANYWHERE}" } ]
                """);
        assertThatThrownBy(() -> loader.load(g)).hasMessageContaining(g + ":1: notifiers[0].url: environment variable "
                + "NOT_SET_ANYWHERE is not set");
        Path h = write("inurl.yaml", """
                monitors:
                  - name: loans
                    source: { jdbc: "jdbc:postgresql://h/db?password=hunter2", query: "select 1" }
                """);
        assertThatThrownBy(() -> loader.load(h)).hasMessageContaining("not in the URL");
        // a Slack or webhook URL is a credential: a literal one is refused, naming file, line and key only
        Path u = write("literal-hook.yaml", """
                notifiers:
                  - name: chat
                    type: slack
                    url: "https://hooks.slack.com/services/T000/B000/XXXXsecretXXXX"
                """);
        assertThatThrownBy(() -> loader.load(u)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(u + ":4: notifiers[0].url: a secret must come from the environment")
                .hasMessageNotContaining("XXXXsecretXXXX");
    }

    @Test
    void aDirectoryIsReadInNameOrderAndDuplicatesAreRefused() throws Exception {
        Path d = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(d.resolve("a.yaml"), "monitors: [ { name: m1, source: { path: a.csv } } ]\n");
        Files.writeString(d.resolve("b.yml"), "monitors: [ { name: m2, source: { glob: 'x/*.csv' } } ]\n");
        Files.writeString(d.resolve("notes.txt"), "not yaml {");
        assertThat(loader.load(d).monitors()).extracting(MonitorConfig::name).containsExactly("m1", "m2");
        Files.writeString(d.resolve("c.yaml"), "monitors: [ { name: m1, source: { path: b.csv } } ]\n");
        assertThatThrownBy(() -> loader.load(d)).hasMessageContaining("monitor 'm1' defined twice");
    }

    @Test
    void rolesAndPerColumnBandsAreReadAndCheckedWithTheirLineAndKey() throws Exception {
        Path f = write("roles.yaml", """
                monitors:
                  - name: orders
                    source: { path: "orders-{date}.csv" }
                    role: { zip: categorical, is_fraud: binary }
                    discrete: [n_items]
                    continuous: score
                    dayfirst: [day]
                    thresholds: { amount: { warn: 0.05, w1-drift: 0.2 } }
                """);
        MonitorConfig m = loader.load(f).monitor("orders").orElseThrow();
        assertThat(m.roleOverrides().roles()).containsEntry("zip", dev.surprisal.core.ColumnRole.CATEGORICAL)
                .containsEntry("is_fraud", dev.surprisal.core.ColumnRole.BINARY);
        assertThat(m.roleOverrides().discrete()).containsExactly("n_items");
        assertThat(m.roleOverrides().continuous()).containsExactly("score");
        assertThat(m.roleOverrides().dayFirst()).as("dayfirst: as --dayfirst").containsExactly("day");
        assertThat(m.bands().settings().get("amount")).containsEntry("warn", "0.05").containsEntry("w1-drift", "0.2");

        Path badRole = write("bad-role.yaml", """
                monitors:
                  - name: orders
                    source: { path: "orders-{date}.csv" }
                    role:
                      zip: postcode
                """);
        assertThatThrownBy(() -> loader.load(badRole)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(badRole + ":5: monitors[0].role.zip: role: expected one of");
        Path badBand = write("bad-band.yaml", """
                monitors:
                  - name: orders
                    source: { path: "orders-{date}.csv" }
                    thresholds:
                      amount: { alpha: 0.05 }
                """);
        assertThatThrownBy(() -> loader.load(badBand)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(badBand + ":5: monitors[0].thresholds.amount.alpha: unknown key; allowed here: "
                        + "drift, tv-drift, tv-warn, w1-drift, w1-warn, warn");
        Path both = write("both.yaml", """
                monitors:
                  - name: orders
                    source: { path: "orders-{date}.csv" }
                    discrete: [zip]
                    continuous: [zip]
                """);
        assertThatThrownBy(() -> loader.load(both)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("monitors[0]: discrete, continuous: column 'zip' is given to both");
    }

    @Test
    void aMistypedKeyGetsTheNearestAllowedOne() throws Exception {
        Path f = write("typo.yaml", """
                monitors:
                  - name: orders
                    source: { path: a.csv }
                    mesure: psi
                """);
        assertThatThrownBy(() -> loader.load(f)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(f + ":4: monitors[0].mesure: unknown key; did you mean measure?; allowed here: ");
        Path wild = write("wild.yaml", """
                monitors:
                  - name: orders
                    source: { path: a.csv }
                    colour: red
                """);
        assertThatThrownBy(() -> loader.load(wild)).hasMessageStartingWith(wild + ":4: monitors[0].colour: unknown key; "
                + "allowed here: ");
    }

    @Test
    void aMissingLocalReferenceStopsAMonitorOnlyWithoutAStoredBaseline() throws Exception {
        Path f = write("noref.yaml", """
                monitors:
                  - name: orders
                    source: { path: "data/orders-{date}.csv" }
                    reference: { path: data/nothere.csv }
                  - name: fine
                    source: { path: "data/orders-{date}.csv" }
                    reference: { path: here.csv }
                """);
        Files.writeString(dir.resolve("here.csv"), "a\n1\n");
        ServerConfig cfg = new ConfigLoader(Secrets.of(Map.of())).load(f);
        assertThat(cfg.monitors()).as("still loads: a stored baseline needs no file").hasSize(2);
        assertThat(cfg.monitors().get(0).reference().localFileMissing()).isTrue();
        assertThat(cfg.monitors().get(1).reference().localFileMissing()).isFalse();
        assertThat(cfg.unrunnable(name -> false)).singleElement().satisfies(r -> assertThat(r)
                .startsWith(f + ":2: monitor 'orders': no baseline in the store and its reference "
                        + dir.resolve("data/nothere.csv").toAbsolutePath() + " does not exist"));
        assertThat(cfg.unrunnable(name -> name.equals("orders"))).as("its baseline is stored").isEmpty();
    }
}
