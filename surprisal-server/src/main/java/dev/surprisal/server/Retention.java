// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import dev.surprisal.drift.config.MonitorConfig;
import dev.surprisal.drift.config.ServerConfig;
import dev.surprisal.server.store.ServerTables;
import dev.surprisal.server.store.StoreGate;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The server's retention of checks ({@code retention-days}), for {@link Monitors#applyRetention}. */
final class Retention {
    private Retention() {
    }

    /**
     * Applies {@code retention-days}: a check older than that (by this server's clock) is deleted
     * everywhere at once, its run with its scores and alarms from the drift store that {@code /history},
     * the dashboard, trends and rolling references read, and its record (exclusion and reports included)
     * from the server's table; so an excluded run cannot come back into a trend by losing its record.
     * Runs of this server's monitors recorded by the command line (no server record) go when the store
     * recorded them longer ago than that.
     *
     * @param config the monitors and the retention
     * @param gate   the store
     * @param now    the time
     * @return the runs deleted
     */
    static int apply(ServerConfig config, StoreGate gate, Instant now) {
        Instant cutoff = now.minus(Duration.ofDays(config.retentionDays()));
        List<String> names = config.monitors().stream().map(MonitorConfig::name).toList();
        Set<Long> expired = gate.fresh(s -> {
            Set<Long> ids = new java.util.TreeSet<>(ServerTables.checkRunsBefore(s.connection(), cutoff));
            for (String m : names) {
                Set<Long> recorded = new HashSet<>(ServerTables.checkRuns(s.connection(), m));
                s.runsRecordedBefore(m, cutoff).stream().filter(id -> !recorded.contains(id)).forEach(ids::add);
            }
            return ids;
        });
        if (expired.isEmpty()) {
            return 0;
        }
        return gate.with(s -> {
            // the runs first: if the process stops between the two, the records are still expired next time
            int runs = s.deleteRuns(expired);
            ServerTables.deleteChecks(s.connection(), expired);
            return runs;
        });
    }
}
