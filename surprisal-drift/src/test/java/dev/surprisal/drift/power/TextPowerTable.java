// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.power;

import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileOptions;
import dev.surprisal.drift.ColumnDrift;
import dev.surprisal.drift.DriftOptions;
import dev.surprisal.drift.DriftScorer;
import dev.surprisal.drift.Status;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;

/**
 * Detection power of the default drift rule on a high-cardinality text column (free-text comments),
 * where most of a same-distribution day is values the reference never had: the share of seeds
 * that end DRIFT (and WARN or DRIFT) for no change and for real changes, with Clopper–Pearson 95%
 * intervals, as {@link PowerTable} does for the four ordinary columns. The table has this one column,
 * so α is split over its 3 tests only: the most lenient split a check gives, the worst case for false
 * alarms. Run with {@code bench/drift_power.sh SEEDS SIZES text}.
 *
 * <p>The data ({@link #comment}): with probability {@code head} (0.4 unchanged) one of 12 common
 * phrases with Zipf weights; else, half and half, one of 3,000 middle phrases (each about once in
 * 5,000 rows) or a one-off text with an order number. At n = 5,000 the reference holds about 2,700
 * distinct values (expected 12 + 3,000·(1 − e^−0.5) + 1,500), a distinct share of 0.54: categorical, not id-like.
 */
public final class TextPowerTable {
    private static final String[] COMMON = {"fine", "ok", "late", "broken box", "wrong size", "great", "thanks",
        "no comment", "too small", "as described", "slow delivery", "will buy again"};
    private static final String[] WORDS = {"box", "late", "driver", "colour", "size", "refund", "gift", "strap",
        "lid", "manual", "battery", "cable"};

    private TextPowerTable() {
    }

    /**
     * A comment: a common phrase with probability {@code head}, else a middle phrase or a one-off text.
     *
     * @param r    the stream
     * @param head the share of the 12 common phrases
     * @return the comment
     */
    public static String comment(SplittableRandom r, double head) {
        double u = r.nextDouble();
        if (u < head) {
            int k = 0;
            double v = r.nextDouble() * 3.1;
            for (double w = 1; k < COMMON.length - 1 && (v -= w) > 0; w = 1.0 / (k + 2)) {
                k++;
            }
            return COMMON[k];
        }
        if (u < head + (1 - head) / 2) {
            int k = r.nextInt(3000);
            return WORDS[k % WORDS.length] + " " + WORDS[(k / WORDS.length) % WORDS.length] + " issue " + k;
        }
        return "order " + (100_000 + r.nextInt(900_000)) + ": " + WORDS[r.nextInt(WORDS.length)];
    }

    /** One change of the day's comments. */
    private record Change(String label, double head, double newValue) {
    }

    private static final List<Change> CHANGES = List.of(new Change("no change (false alarms)", 0.4, 0),
            new Change("new value 2%", 0.4, 0.02), new Change("new value 5%", 0.4, 0.05),
            new Change("new value 30%", 0.4, 0.3), new Change("all one new value", 0.4, 1),
            new Change("common phrases -10 points", 0.3, 0), new Change("common phrases -30 points", 0.1, 0),
            new Change("common phrases +20 points", 0.6, 0));

    /**
     * A column of {@code n} comments.
     *
     * @param r        the stream
     * @param n        rows
     * @param head     the share of the common phrases
     * @param newValue the share of one new value, "auto-reply"
     * @return the table of one column, {@code comment}
     */
    public static Table comments(SplittableRandom r, int n, double head, double newValue) {
        String[] v = new String[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextDouble() < newValue ? "auto-reply" : comment(r, head);
        }
        return Table.of(List.of(CategoricalColumn.of("comment", v)));
    }

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        String sizes = args.length > 1 ? args[1] : "500,5000";
        DriftOptions rule = DriftOptions.defaults();
        PowerTable.header();
        for (String ns : sizes.split(",")) {
            int n = Integer.parseInt(ns.trim());
            int k = CHANGES.size();
            AtomicIntegerArray drift = new AtomicIntegerArray(k);
            AtomicIntegerArray any = new AtomicIntegerArray(k);
            IntStream.range(0, seeds).parallel().forEach(s -> {
                Profile ref = ProfileBuilder.fit(comments(new SplittableRandom(1_000_003L * s + n), n, 0.4, 0),
                        ProfileOptions.defaults());
                for (int ci = 0; ci < k; ci++) {
                    Change ch = CHANGES.get(ci);
                    SplittableRandom r = new SplittableRandom((1_000_003L * s + n) * 131 + ci + 1);
                    ColumnDrift c = DriftScorer.compare(ref, ProfileBuilder.count(ref,
                            comments(r, n, ch.head(), ch.newValue())), rule).columns().get(0);
                    drift.addAndGet(ci, c.status() == Status.DRIFT ? 1 : 0);
                    any.addAndGet(ci, c.status().drifted() ? 1 : 0);
                }
            });
            for (int ci = 0; ci < k; ci++) {
                PowerTable.row(ns.trim(), "text", CHANGES.get(ci).label(), drift.get(ci), any.get(ci), seeds);
            }
        }
    }
}
