// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server.store;

import dev.surprisal.drift.store.DriftStore;
import dev.surprisal.drift.store.StoreException;
import dev.surprisal.drift.store.StoreUrl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reads come from memory until this process writes; a write is visible to the next read. */
class StoreGateTest {
    @TempDir
    Path dir;

    @Test
    void aReadIsKeptUntilAWriteAndAWriteIsSeenAtOnce() {
        StoreGate gate = new StoreGate(dir.resolve("s.duckdb").toString());
        gate.with(s -> s.monitors()); // creates the store
        AtomicInteger opened = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
            java.util.List<String> names = gate.read("monitors", s -> {
                opened.incrementAndGet();
                return s.monitors();
            });
            assertThat(names).isEmpty();
        }
        assertThat(opened).hasValue(1);
        gate.with(s -> {
            try (var st = s.connection().createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS probe(x INTEGER)");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        gate.read("monitors", s -> {
            opened.incrementAndGet();
            return s.monitors();
        });
        assertThat(opened).hasValue(2);
        gate.read("other-key", s -> {
            opened.incrementAndGet();
            return s.monitors();
        });
        assertThat(opened).hasValue(3);
        gate.close();
    }

    /**
     * Whether another process (as the command line would be) can open the DuckDB file within
     * {@code waitMillis}: a child JVM, since DuckDB shares one open file within a process.
     */
    private static boolean othersCanOpen(Path file, long waitMillis) {
        return othersCanOpen(file, waitMillis, true);
    }

    /** As above; {@code signal} false: the other process waits without touching the wait signal, as another program would. */
    private static boolean othersCanOpen(Path file, long waitMillis, boolean signal) {
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), OtherProcess.class.getName(), file.toString(),
                    Long.toString(waitMillis), signal ? "signal" : "silent").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int rc = p.waitFor();
            assertThat(rc).as(out).isIn(0, 1);
            return rc == 0;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The other process: exits 0 when it opened the store, 1 when another process held it, 2 on any other failure. */
    public static final class OtherProcess {
        public static void main(String[] args) throws Exception {
            if (args[2].equals("silent")) { // plain DuckDB JDBC, retried every 100 ms, no wait signal
                long deadline = System.currentTimeMillis() + Long.parseLong(args[1]);
                while (true) {
                    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + args[0])) {
                        System.exit(0);
                    } catch (java.sql.SQLException e) {
                        if (!String.valueOf(e.getMessage()).contains("lock")) {
                            System.out.println(e.getMessage());
                            System.exit(2);
                        }
                        if (System.currentTimeMillis() >= deadline) {
                            System.exit(1);
                        }
                        Thread.sleep(100);
                    }
                }
            }
            try (DriftStore s = DriftStore.open(StoreUrl.parse(args[0]), true, Long.parseLong(args[1]))) {
                System.exit(0);
            } catch (StoreException e) {
                System.out.println(e.getMessage());
                System.exit(e.getMessage().contains("in use by another process") ? 1 : 2);
            }
        }
    }

    @Test
    void theStoreStaysOpenWhileBusyAndIsLetGoWhenIdleOrClosed() {
        Path file = dir.resolve("held.duckdb");
        try (StoreGate gate = new StoreGate(StoreUrl.parse(file.toString()), 60_000, 60_000)) {
            gate.with(s -> s.monitors());
            gate.read("monitors", s -> s.monitors());
            assertThat(othersCanOpen(file, 0)).as("held between two pieces of work").isFalse();
            gate.close();
            assertThat(othersCanOpen(file, 0)).as("after close").isTrue();
            assertThatThrownBy(() -> gate.fresh(s -> s.monitors())).isInstanceOf(IllegalStateException.class);
        }
        try (StoreGate gate = new StoreGate(StoreUrl.parse(file.toString()), 50, 60_000)) {
            gate.with(s -> s.monitors());
            gate.read("monitors", s -> s.monitors()); // a reading connection too, which must close with the store
            assertThat(othersCanOpen(file, 10_000)).as("closed after 50 ms idle").isTrue();
            assertThat(gate.<java.util.List<String>>fresh(s -> s.monitors())).as("opened again").isEmpty();
        }
    }

    @Test
    void aFileHeldUnderConstantLoadIsLetGoForAnOpenerThatGivesNoSignal() throws Exception {
        Path file = dir.resolve("busy.duckdb");
        try (StoreGate gate = new StoreGate(StoreUrl.parse(file.toString()), 60_000, 200)) {
            // never idle and no signal, so only the longest hold lets the other opener in (it tries every 100 ms)
            underConstantLoad(gate, () -> assertThat(othersCanOpen(file, 20_000, false)).isTrue());
        }
    }

    @Test
    void aWaitingProcessSignalsAndTheFileIsLetGoAtOnceUnderConstantLoad() throws Exception {
        Path file = dir.resolve("signalled.duckdb");
        // no idle pause and no hold limit within the test: only the waiter's signal lets it in
        try (StoreGate gate = new StoreGate(StoreUrl.parse(file.toString()), 60_000, 600_000)) {
            java.util.concurrent.atomic.AtomicLong work = underConstantLoad(gate, () -> assertThat(
                    othersCanOpen(file, 20_000, true)).as("the waiter's turn within 20 s of a 600 s hold").isTrue());
            long before = work.get();
            underConstantLoad(gate, () -> Thread.sleep(500));
            assertThat(work.get()).as("the gate took the file again and works on").isGreaterThan(before);
            assertThat(DriftStore.waitSignal(StoreUrl.parse(file.toString()))).as("the waiter cleared its signal")
                    .doesNotExist();
        }
    }

    interface Check {
        void run() throws Exception;
    }

    private final java.util.concurrent.atomic.AtomicLong work = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Runs {@code check} while a thread keeps the gate busy (never idle: one read after another).
     *
     * @return the count of reads done by the busy threads of this test so far
     */
    private java.util.concurrent.atomic.AtomicLong underConstantLoad(StoreGate gate, Check check) throws Exception {
        gate.with(s -> s.monitors());
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread busy = new Thread(() -> {
            while (!stop.get()) {
                gate.fresh(s -> s.monitors());
                work.incrementAndGet();
            }
        });
        busy.start();
        try {
            check.run();
        } finally {
            stop.set(true);
            busy.join();
        }
        return work;
    }

    @Test
    void aFailedPieceOfWorkClosesTheStoreAndTheNextOneReopensIt() {
        Path file = dir.resolve("fail.duckdb");
        try (StoreGate gate = new StoreGate(StoreUrl.parse(file.toString()), 60_000, 60_000)) {
            gate.with(s -> s.monitors());
            assertThatThrownBy(() -> gate.with(s -> {
                throw new StoreException("broken", null);
            })).hasMessage("broken");
            assertThat(othersCanOpen(file, 0)).as("let go after the failure").isTrue();
            assertThat(gate.<java.util.List<String>>fresh(s -> s.monitors())).isEmpty();
        }
    }

    @Test
    void aReadDoesNotWaitForAWriteInProgress() throws Exception {
        Path file = dir.resolve("beside.duckdb");
        try (StoreGate gate = new StoreGate(StoreUrl.parse(file.toString()), 60_000, 60_000)) {
            gate.with(s -> s.monitors());
            java.util.concurrent.CountDownLatch writing = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch readDone = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.atomic.AtomicBoolean readDuringWrite = new java.util.concurrent.atomic.AtomicBoolean();
            Thread writer = new Thread(() -> gate.with(s -> {
                writing.countDown();
                try {
                    // the write holds the gate until the read has finished; if reads queued behind
                    // writes this would wait the whole minute and the flag below stay false
                    readDuringWrite.set(readDone.await(60, java.util.concurrent.TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            writer.start();
            assertThat(writing.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(gate.<java.util.List<String>>read("monitors", s -> s.monitors())).isEmpty();
            assertThat(gate.<java.util.List<String>>fresh(s -> s.monitors())).isEmpty();
            readDone.countDown();
            writer.join();
            assertThat(readDuringWrite).as("the reads finished while the write held the gate").isTrue();
        }
    }

    @Test
    void aFailedReadClosesOnlyItsOwnConnection() {
        Path file = dir.resolve("read-fail.duckdb");
        try (StoreGate gate = new StoreGate(StoreUrl.parse(file.toString()), 60_000, 60_000)) {
            gate.with(s -> s.monitors());
            assertThatThrownBy(() -> gate.fresh(s -> {
                throw new StoreException("broken read", null);
            })).hasMessage("broken read");
            assertThat(othersCanOpen(file, 0)).as("the store is still held").isFalse();
            assertThat(gate.<java.util.List<String>>fresh(s -> s.monitors())).isEmpty();
        }
    }

    @Test
    void aWriteOfOneMonitorForgetsOnlyThatMonitorsAnswers() {
        try (StoreGate gate = new StoreGate(dir.resolve("scoped.duckdb").toString())) {
            gate.with(s -> s.monitors());
            AtomicInteger a = new AtomicInteger();
            AtomicInteger b = new AtomicInteger();
            for (int i = 0; i < 2; i++) {
                gate.read("checks/a/20", s -> a.incrementAndGet());
                gate.read("checks/b/20", s -> b.incrementAndGet());
            }
            assertThat(a).hasValue(1);
            assertThat(b).hasValue(1);
            gate.with("a", s -> null);
            gate.read("checks/a/20", s -> a.incrementAndGet());
            gate.read("checks/b/20", s -> b.incrementAndGet());
            assertThat(a).as("a's answer read again after a's write").hasValue(2);
            assertThat(b).as("b's answer kept").hasValue(1);
            gate.with(s -> null);
            gate.read("checks/b/20", s -> b.incrementAndGet());
            assertThat(b).as("forgotten after a write of anything").hasValue(2);
            AtomicInteger all = new AtomicInteger();
            gate.read("checks/a/20", s -> a.incrementAndGet()); // read again after the write of anything: 3
            gate.read(StoreGate.ALL_MONITORS + "states", s -> all.incrementAndGet());
            gate.read(StoreGate.ALL_MONITORS + "states", s -> all.incrementAndGet());
            assertThat(all).as("kept").hasValue(1);
            gate.with("b", s -> null);
            gate.read(StoreGate.ALL_MONITORS + "states", s -> all.incrementAndGet());
            gate.read("checks/a/20", s -> a.incrementAndGet());
            assertThat(all).as("every monitor's answer forgotten by a write of one").hasValue(2);
            assertThat(a).as("another monitor's answer kept").hasValue(3);
        }
        assertThat(StoreGate.scope("checks/orders/50")).isEqualTo("orders");
        assertThat(StoreGate.scope("has-baseline/orders")).isEqualTo("orders");
        assertThat(StoreGate.scope("monitors")).isEmpty();
        assertThat(StoreGate.scope("all/states")).isEqualTo("*");
    }
}
