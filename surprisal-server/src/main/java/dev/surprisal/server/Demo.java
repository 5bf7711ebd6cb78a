// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import dev.surprisal.data.demo.OrdersTable;
import dev.surprisal.server.auth.Role;
import dev.surprisal.server.auth.Tokens;
import dev.surprisal.drift.config.Secrets;
import dev.surprisal.drift.config.ServerConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * {@code surprisal serve --demo}: a directory with generated orders data ({@link OrdersTable}: a
 * reference over April 2024 and one file per day from 2024-05-01), a monitor config for it, a store
 * with the baseline and the first days checked, and a demo token. The last day written has a known
 * change (a new country, SE, takes 5% of the orders), so the dashboard shows OK days and then DRIFT.
 */
public final class Demo {
    /** The demo's first day of data. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2024, 5, 1);

    private Demo() {
    }

    /**
     * What {@link #prepare} made.
     *
     * @param dir    the directory
     * @param config its config (port not yet set)
     * @param store  the store file
     * @param token  a write token for this store only
     */
    public record Prepared(Path dir, ServerConfig config, String store, String token) {
    }

    /**
     * @param dir     an empty directory
     * @param rows    rows per file
     * @param days    days of data (the last one drifted)
     * @param checked how many of the first days to check already
     * @return the prepared demo
     */
    public static Prepared prepare(Path dir, int rows, int days, int checked) {
        return prepare(dir, rows, days, checked, dir.resolve("drift.duckdb").toString());
    }

    /**
     * @param dir     an empty directory
     * @param rows    rows per file
     * @param days    days of data (the last one drifted)
     * @param checked how many of the first days to check already
     * @param store   the store to use (a DuckDB file or a PostgreSQL URL)
     * @return the prepared demo
     */
    public static Prepared prepare(Path dir, int rows, int days, int checked, String store) {
        try {
            Path data = Files.createDirectories(dir.resolve("data"));
            OrdersTable.reference(rows, 7).writeCsv(data.resolve("reference.csv"));
            for (int i = 0; i < days; i++) {
                OrdersTable.Change c = i == days - 1 ? OrdersTable.Change.NEW_COUNTRY : OrdersTable.Change.NONE;
                OrdersTable.day(c, rows, 100 + i).writeCsv(data.resolve("orders-" + FIRST_DAY.plusDays(i) + ".csv"));
            }
            Path yaml = dir.resolve("monitors.yaml");
            Files.writeString(yaml, """
                    # surprisal serve --demo: one monitor over generated orders (see README, "Run the server")
                    monitors:
                      - name: orders
                        source: { path: "data/orders-{date}.csv" }
                        reference: { path: data/reference.csv }
                        measure: psi
                        warn: 0.1
                        drift: 0.25
                        # order_id and ts: a key and a timestamp (detected as such anyway);
                        # amount: left out to keep the demo to one known change
                        exclude: [order_id, ts, amount]
                        schedule: { cron: "0 6 * * *", zone: UTC }
                    """, StandardCharsets.UTF_8);
            ServerConfig config = dev.surprisal.server.schedule.Cron.configLoader(Secrets.of(java.util.Map.of())).load(yaml);
            String token;
            try (var gate = new dev.surprisal.server.store.StoreGate(store)) {
                Monitors monitors = new Monitors(config, gate, Clock.system(ZoneOffset.UTC));
                monitors.fitBaseline("orders");
                for (int i = 0; i < checked; i++) {
                    monitors.check("orders", Window.parse(FIRST_DAY.plusDays(i).toString(), ZoneOffset.UTC), "demo");
                }
                token = new Tokens(gate, Clock.systemUTC()).create("demo", Role.WRITE);
            }
            return new Prepared(dir, config, store, token);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo into " + dir + ": " + e.getMessage(), e);
        }
    }
}
