// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.power;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@link PowerTable}'s log of seeds done ({@code log=FILE}): a line per seed and size, appended as the
 * seed ends, so that a run at n = 1e6 (about a minute of CPU per seed) that is stopped keeps what it
 * did, and a second run with the same log reads those seeds back and runs only the rest. A line:
 * {@code all 1000000 seed=17 drift=0100… any=0110… columns=0000 fails=0}, one digit per change (in
 * {@link PowerTable#changes()}'s order) or per column; the first word is the set of changes
 * ({@code all} or {@code targets}), so the two sets never mix.
 */
final class SeedLog {
    private final Path file;
    private final String set;

    /**
     * @param file the log (null: none)
     * @param set  the changes run: {@code all} or {@code targets}
     */
    SeedLog(Path file, String set) {
        this.file = file;
        this.set = set;
    }

    /**
     * Fills {@code out[s]} for each seed s below {@code out.length} that the log holds for size {@code ns}.
     *
     * @param ns      the size as given ({@code n} or {@code m/N})
     * @param changes how many changes a line must hold
     * @param out     the outcomes by seed; entries not in the log stay null
     * @throws IOException if the log exists and cannot be read
     */
    void read(String ns, int changes, PowerTable.Outcome[] out) throws IOException {
        if (file == null || !Files.exists(file)) {
            return;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] w = line.trim().split(" ");
            if (w.length != 7 || !w[0].equals(set) || !w[1].equals(ns)) {
                continue;
            }
            int s = Integer.parseInt(value(w[2], "seed"));
            boolean[] drift = bits(value(w[3], "drift"));
            boolean[] any = bits(value(w[4], "any"));
            if (drift.length != changes || any.length != changes) {
                throw new IllegalStateException(file + ": '" + line + "' has " + drift.length
                        + " changes, this run " + changes + ": use another log");
            }
            if (s < out.length) {
                out[s] = new PowerTable.Outcome(drift, any, bits(value(w[5], "columns")),
                        value(w[6], "fails").equals("1"));
            }
        }
    }

    /**
     * Appends seed {@code s}'s outcome (nothing without a log).
     *
     * @param ns the size as given
     * @param s  the seed
     * @param o  its outcome
     */
    synchronized void write(String ns, int s, PowerTable.Outcome o) {
        if (file == null) {
            return;
        }
        String line = String.join(" ", set, ns, "seed=" + s, "drift=" + digits(o.drift()), "any=" + digits(o.any()),
                "columns=" + digits(o.columns()), "fails=" + (o.fails() ? 1 : 0)) + "\n";
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String value(String word, String key) {
        if (!word.startsWith(key + "=")) {
            throw new IllegalStateException("a seed log's word '" + word + "' is not " + key + "=...");
        }
        return word.substring(key.length() + 1);
    }

    private static boolean[] bits(String digits) {
        boolean[] b = new boolean[digits.length()];
        for (int i = 0; i < b.length; i++) {
            b[i] = digits.charAt(i) == '1';
        }
        return b;
    }

    private static String digits(boolean[] b) {
        StringBuilder s = new StringBuilder(b.length);
        for (boolean x : b) {
            s.append(x ? '1' : '0');
        }
        return s.toString();
    }
}
