// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static dev.surprisal.cli.fuzz.CliFuzzTest.SEED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PostgreSQL store whose server stops in the middle of {@code drift check} (issue 11): the
 * check reaches the real server of {@code SURPRISAL_PG_URL} through a {@link CuttingProxy} that
 * stops at a generated moment (which connection, after how many bytes). Whatever the moment, the
 * check ends with exit 0/1 (the stop came after it finished) or 3 saying "lost connection to the
 * store" or "cannot connect to the store", never 4 nor a stack trace ({@link Run#check}); the
 * store then holds whole runs only and at most one for the day ({@link StoreInspection}); and
 * once the server is back, the same check succeeds and leaves exactly one run. Needs a real
 * server: {@code eval "$(.ci/start-postgres.sh)"} (as {@code .ci/run} does); fails, never skips,
 * without one.
 */
@Tag("fuzz")
class PostgresStoppedFuzzTest {
    static Sandbox box;
    static Path reference;
    static Path day;

    @BeforeContainer
    static void sandbox() throws IOException {
        box = new Sandbox("surprisal-fuzz-pg");
        Random rng = new Random(11);
        StringBuilder ref = new StringBuilder("amount,country,items\n");
        StringBuilder cur = new StringBuilder("amount,country,items\n");
        String[] countries = {"FR", "DE", "ES", "IT"};
        for (int i = 0; i < 3000; i++) {
            ref.append(String.format(java.util.Locale.ROOT, "%.3f,%s,%d%n", Math.exp(rng.nextGaussian()),
                    countries[rng.nextInt(4)], rng.nextInt(6)));
            cur.append(String.format(java.util.Locale.ROOT, "%.3f,%s,%d%n", Math.exp(rng.nextGaussian() + 0.3),
                    countries[rng.nextInt(i % 2 == 0 ? 4 : 2)], rng.nextInt(6)));
        }
        reference = Files.writeString(box.root.resolve("ref.csv"), ref);
        day = Files.writeString(box.root.resolve("day.csv"), cur);
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        box.delete();
    }

    static String url() {
        String url = System.getProperty("SURPRISAL_PG_URL", System.getenv("SURPRISAL_PG_URL"));
        if (url == null || url.isBlank()) {
            throw new AssertionError("SURPRISAL_PG_URL is not set: run eval \"$(.ci/start-postgres.sh)\" first "
                    + "(CI: .ci/run does), then mvn -B verify -Pfuzz -pl surprisal-cli -am");
        }
        return url;
    }

    @Provide
    Arbitrary<Long> bytes() {
        // small cuts land in the start-up and the baseline read; large ones inside the write or after it
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(0, 400)),
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(400, 20_000)),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(20_000, 200_000)));
    }

    @Property(tries = 12, seed = SEED)
    @net.jqwik.api.statistics.StatisticsReport(onFailureOnly = false)
    void theServerStopsAnywhereInACheck(@ForAll("bytes") long cutAfter,
                                        @ForAll("connections") int cutConnection) throws Exception {
        Path dir = box.fresh();
        String schema = "fuzz_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = DriverManager.getConnection(url()); Statement st = admin.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        try {
            String direct = url() + "&currentSchema=" + schema;
            Run baseline = Sandbox.run(dir, List.of(), List.of("drift", "baseline", "--monitor", "m", "--data",
                    reference.toString(), "--store", direct));
            assertThat(baseline.code()).as(baseline.err()).isZero();
            URI u = URI.create(url().substring("jdbc:".length()));
            int port = u.getPort() < 0 ? 5432 : u.getPort();
            Run check;
            boolean stopped;
            try (CuttingProxy proxy = new CuttingProxy(u.getHost(), port, cutConnection, cutAfter)) {
                String viaProxy = direct.replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
                check = Sandbox.run(dir, List.of(), List.of("drift", "check", "--monitor", "m", "--data",
                        day.toString(), "--store", viaProxy, "--at", "2024-05-03"));
                stopped = proxy.stopped();
            }
            String what = "server stopped after " + cutAfter + " bytes of connection " + cutConnection + " (stopped: "
                    + stopped + "), exit " + check.code() + "\n" + check.err();
            assertThat(check.code()).as(what).isIn(0, 1, 3);
            net.jqwik.api.statistics.Statistics.collect(check.code() == 3 ? "exit 3" : "exit 0/1",
                    !stopped ? "no stop" : cutConnection == 1 ? "stop in the read" : "stop in the write");
            // the generated moments must reach each part of a check, or this test proves little
            net.jqwik.api.statistics.Statistics.coverage(c -> {
                c.check("exit 3", "stop in the read").count((Integer n) -> n >= 1);
                c.check("exit 3", "stop in the write").count((Integer n) -> n >= 1);
                c.check("exit 0/1", "no stop").count((Integer n) -> n >= 1);
            });
            if (check.code() == 3) {
                assertThat(check.err()).as(what).containsAnyOf("lost connection to the store", "cannot connect to the store");
            }
            int runs;
            try (Connection c = DriverManager.getConnection(direct)) {
                runs = StoreInspection.wholeRuns(c, "m", what);
            }
            assertThat(runs).as(what).isEqualTo(check.code() <= 1 ? 1 : runs).isBetween(0, 1);
            // the server is back: the same check runs, and replaces a run the stop let through
            Run again = Sandbox.run(dir, List.of(), List.of("drift", "check", "--monitor", "m", "--data",
                    day.toString(), "--store", direct, "--at", "2024-05-03"));
            assertThat(again.code()).as(what + "\nretry: " + again.err()).isIn(0, 1);
            assertThat(again.out().contains("replaced run")).as(what + "\nretry: " + again.out()).isEqualTo(runs == 1);
            try (Connection c = DriverManager.getConnection(direct)) {
                assertThat(StoreInspection.wholeRuns(c, "m", "after the retry; " + what)).isEqualTo(1);
            }
        } finally {
            try (Connection admin = DriverManager.getConnection(url()); Statement st = admin.createStatement()) {
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Provide
    Arbitrary<Integer> connections() {
        // 1: the baseline read; 2: the write; 3: none (the stop never comes)
        return Arbitraries.of(1, 2, 2, 3);
    }
}
