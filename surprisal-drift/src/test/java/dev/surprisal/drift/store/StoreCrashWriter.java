// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.store;

import java.util.List;

/**
 * Child process for the crash and lock tests. {@code write PATH}: commits two checks, then writes a
 * third slowly (sleeping inside the transaction after each score row, printing WRITING) until
 * killed. {@code write-fast PATH}: one check, for the commit halt hook. {@code hold PATH}: opens the store, prints OPEN and sleeps.
 */
public final class StoreCrashWriter {
    private StoreCrashWriter() {
    }

    public static void main(String[] args) throws Exception {
        DriftStore store = DriftStore.open(args[1]);
        if (args[0].equals("hold")) {
            System.out.println("OPEN");
            System.out.flush();
            Thread.sleep(60_000);
            return;
        }
        store.saveBaseline("m", StoreFixtures.REFERENCE);
        if (args[0].equals("write-fast")) { // the halt hook (a system property) stops the JVM at the commit
            var day = StoreFixtures.day(10, 0);
            store.recordCheck("m", "2024-01-01", day, StoreFixtures.report(day), List.of());
            System.out.println("DONE");
            return;
        }
        for (int i = 0; i < 2; i++) {
            var day = StoreFixtures.day(10 + i, 0);
            store.recordCheck("m", "2024-01-0" + (i + 1), day, StoreFixtures.report(day), List.of());
        }
        System.out.println("COMMITTED 2");
        store.afterScoreRowHook = () -> {
            System.out.println("WRITING");
            System.out.flush();
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        var day = StoreFixtures.day(99, 0);
        store.recordCheck("m", "2024-01-03", day, StoreFixtures.report(day), List.of());
        System.out.println("DONE");
    }
}
