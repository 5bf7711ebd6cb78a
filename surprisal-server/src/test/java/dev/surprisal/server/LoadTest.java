// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import dev.surprisal.drift.config.MonitorConfig;
import dev.surprisal.server.store.ServerTables;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Load: 20 concurrent API clients for 60 s on 4 monitors, each request a read (monitor list, one
 * monitor, its checks, one of its recorded checks, history) or, one time in ten, a check of a random window. Asserts
 * correctness only: no error but 409 (a check of that monitor running), no lost run (every answered
 * check is recorded), no duplicated run (one recorded check per monitor and window). The read
 * latencies' percentiles go to target/load-test.txt; docs/benchmarks.md quotes them with the
 * machine's load. Not a timed assertion: performance is reported, not tested.
 */
@Tag("slow")
class LoadTest {
    private static final int CLIENTS = 20;
    private static final long MILLIS = 60_000;
    private static final Pattern RUN_ID = Pattern.compile("\"run_id\"\\s*:\\s*(\\d+)");

    @Test
    void twentyClientsSixtySecondsFourMonitors(@TempDir Path dir) throws Exception {
        try (ServerLog serverLog = ServerLog.capture(); TestServer t = new TestServer(dir, 2000, 4, c -> {
            List<MonitorConfig> ms = new ArrayList<>();
            MonitorConfig m = c.monitors().get(0);
            for (int i = 1; i <= 4; i++) {
                ms.add(new MonitorConfig("orders" + i, m.file(), m.line(), m.source(), m.reference(), m.settings(),
                        m.columns(), m.exclude(), null, m.zone(), List.of(), false, false));
            }
            return c.withMonitors(ms);
        }, Clock.systemUTC())) {
            List<Long> reads = Collections.synchronizedList(new ArrayList<>());
            // the same latencies by kind of read, so that a slow kind shows in the report
            Map<String, List<Long>> byKind = new ConcurrentHashMap<>();
            Map<String, Set<String>> answered = new ConcurrentHashMap<>();
            Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
            // per monitor, the latest run id of each window (a re-run replaces the earlier run and its id), so
            // a read of one check reads a run that exists unless a re-run of its window replaces it meanwhile
            Map<String, Map<String, Long>> runIds = new ConcurrentHashMap<>();
            // the answer of any status the assertion below refuses, and what the server logged, so that a
            // failure on a CI machine says why (the log alone is cut short there)
            List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
            long end = System.currentTimeMillis() + MILLIS;
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                long seed = c;
                pool.submit(() -> {
                    SplittableRandom r = new SplittableRandom(seed);
                    while (System.currentTimeMillis() < end) {
                        String m = "orders" + (1 + r.nextInt(4));
                        int kind = r.nextInt(10);
                        long t0 = System.nanoTime();
                        HttpResponse<String> resp;
                        if (kind == 0) {
                            String w = "2024-05-0" + (1 + r.nextInt(4));
                            // recheck: a window posted again is re-run on purpose (otherwise 409 "already
                            // checked"), so checks keep replacing runs under load
                            resp = t.post("/api/v1/monitors/" + m + "/checks", t.writeToken, "{\"window\":\"" + w
                                    + "\",\"recheck\":true}");
                            if (resp.statusCode() == 200) {
                                answered.computeIfAbsent(m, k -> ConcurrentHashMap.newKeySet()).add(w);
                                Matcher id = RUN_ID.matcher(resp.body());
                                if (id.find()) {
                                    runIds.computeIfAbsent(m, k -> new ConcurrentHashMap<>()).put(w, Long.parseLong(id.group(1)));
                                } else { // an answer the assertion on statuses below refuses
                                    statuses.computeIfAbsent("check 200 without run_id", k -> new AtomicInteger()).incrementAndGet();
                                }
                            }
                        } else {
                            List<Long> ids = List.copyOf(runIds.getOrDefault(m, Map.of()).values());
                            String path = switch (kind) {
                                case 1, 2 -> "/api/v1/monitors";
                                case 3, 4 -> "/api/v1/monitors/" + m;
                                case 5, 6 -> "/api/v1/monitors/" + m + "/checks?limit=20";
                                case 7 -> "/api/v1/monitors/" + m + "/history?column=country";
                                default -> ids.isEmpty() ? "/api/v1/monitors/" + m + "/checks?limit=1"
                                        : "/api/v1/monitors/" + m + "/checks/" + ids.get(r.nextInt(ids.size()));
                            };
                            resp = t.get(path, t.readToken);
                            long took = System.nanoTime() - t0;
                            reads.add(took);
                            String what = switch (kind) {
                                case 1, 2 -> "list";
                                case 3, 4 -> "monitor";
                                case 5, 6 -> "checks";
                                case 7 -> "history";
                                default -> "check";
                            };
                            byKind.computeIfAbsent(what, k -> Collections.synchronizedList(new ArrayList<>())).add(took);
                        }
                        String status = (kind == 0 ? "check " : "read ") + resp.statusCode();
                        statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                        if (resp.statusCode() >= 500 && unexpected.size() < 20) {
                            unexpected.add(status + " " + resp.uri().getPath() + ": " + resp.body());
                        }
                    }
                    return null;
                });
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(MILLIS + 300_000, TimeUnit.MILLISECONDS)).isTrue();

            // a read of one check is 404 only when a re-run of its window replaced it after the id was taken
            Set<String> allowed = new HashSet<>(List.of("read 200", "read 404", "check 200", "check 409"));
            assertThat(allowed).as("statuses %s; unexpected answers %s; server log %s", statuses, unexpected,
                    serverLog.records()).containsAll(statuses.keySet());
            for (int i = 1; i <= 4; i++) {
                String m = "orders" + i;
                List<ServerTables.CheckRow> rows = t.server.monitors().checks(m, Long.MAX_VALUE, 1000);
                Map<String, Integer> perWindow = new HashMap<>();
                rows.forEach(row -> perWindow.merge(row.window(), 1, Integer::sum));
                assertThat(perWindow.values()).as(m + " duplicated runs").allMatch(n -> n == 1);
                assertThat(perWindow.keySet()).as(m + " lost runs").isEqualTo(answered.getOrDefault(m, Set.of()));
                long storeRuns = t.server.monitors().history(m, "country").stream().map(h -> h.runId()).distinct().count();
                assertThat(storeRuns).as(m + " runs in the drift store").isEqualTo(perWindow.size());
            }

            long[] ns = reads.stream().mapToLong(Long::longValue).sorted().toArray();
            double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            String report = String.format(Locale.ROOT, "load test: %d clients, %d s, 4 monitors; %d reads, %s; "
                            + "read latency ms p50 %.1f p95 %.1f p99 %.1f max %.1f; 1-min load average at the end %.1f on "
                            + "%d cores%n", CLIENTS, MILLIS / 1000, ns.length, statuses, pct(ns, 0.50), pct(ns, 0.95),
                    pct(ns, 0.99), ns[ns.length - 1] / 1e6, load, Runtime.getRuntime().availableProcessors());
            StringBuilder kinds = new StringBuilder("read latency ms p50 / p95 by kind:");
            new java.util.TreeMap<>(byKind).forEach((k, v) -> {
                long[] sorted = v.stream().mapToLong(Long::longValue).sorted().toArray();
                kinds.append(String.format(Locale.ROOT, " %s (%d) %.1f / %.1f;", k, sorted.length, pct(sorted, 0.50),
                        pct(sorted, 0.95)));
            });
            report += kinds.append(System.lineSeparator());
            System.out.print(report);
            Files.writeString(Path.of("target", "load-test.txt"), report);
            assertThat(ns.length).as("reads measured").isPositive();
        }
    }

    private static double pct(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
