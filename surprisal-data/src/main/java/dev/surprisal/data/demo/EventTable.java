// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.demo;

import dev.surprisal.core.ValidationException;
import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.NumericColumn;
import dev.surprisal.data.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A generated event table with known truth about time, for the stale-data checks: columns
 * {@code event_id} (unique integers), {@code ts} (ISO date-times, uniform within each day from
 * 2024-01-01 on), {@code flag} (0/1, P(1) = 0.2) and {@code amount} (lognormal, 2 decimals, 1% empty
 * cells). Every day has the same distribution, so two samples of it differ by chance only; which days
 * a sample covers is the only truth that changes.
 */
public final class EventTable {
    /** The first hour of day 1. */
    public static final LocalDateTime START = LocalDateTime.of(2024, 1, 1, 0, 0);
    /** The column names, in file order. */
    public static final List<String> COLUMNS = List.of("event_id", "ts", "flag", "amount");

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final long[] ids;
    private final String[] ts;
    private final double[] flag;
    private final double[] amount;

    private EventTable(long[] ids, String[] ts, double[] flag, double[] amount) {
        this.ids = ids;
        this.ts = ts;
        this.flag = flag;
        this.amount = amount;
    }

    /**
     * The events of days {@code first} to {@code last} (day 1 is 2024-01-01; day 0 and earlier lie
     * before it), {@code perDay} a day. The same day with the same seed gives the same events, so a
     * day generated again is a re-sent copy of it.
     *
     * @param first  the first day, inclusive
     * @param last   the last day, inclusive
     * @param perDay events a day, at least 1
     * @param seed   the seed
     * @return the table, in time order within each day
     * @throws ValidationException if {@code last < first} or {@code perDay < 1}
     */
    public static EventTable days(int first, int last, int perDay, long seed) {
        if (last < first || perDay < 1) {
            throw new ValidationException("days " + first + ".." + last + " with " + perDay + " events a day: need "
                    + "first <= last and at least 1 event a day");
        }
        int n = (last - first + 1) * perDay;
        long[] ids = new long[n];
        String[] ts = new String[n];
        double[] flag = new double[n];
        double[] amount = new double[n];
        int i = 0;
        for (int day = first; day <= last; day++) {
            SplittableRandom r = new SplittableRandom(seed * 1_000_003L + day);
            for (int k = 0; k < perDay; k++, i++) {
                ids[i] = 1_000_000L + (long) (day + 1_000) * perDay + k;
                long second = (long) ((k + r.nextDouble()) * 86_400 / perDay);
                ts[i] = START.plusDays(day - 1L).plusSeconds(second).format(TS);
                flag[i] = r.nextDouble() < 0.2 ? 1 : 0;
                double a = Math.round(Math.exp(3.5 + 0.8 * r.nextGaussian()) * 100) / 100.0;
                amount[i] = r.nextDouble() < 0.01 ? Double.NaN : a;
            }
        }
        return new EventTable(ids, ts, flag, amount);
    }

    /**
     * A random split, each event in the first part with probability {@code share}: a train/test split,
     * or an A/B assignment, of the same period.
     *
     * @param share the first part's expected share, in (0, 1)
     * @param seed  the seed
     * @return the two parts, in the original order
     * @throws ValidationException if {@code share} is not in (0, 1)
     */
    public EventTable[] split(double share, long seed) {
        if (!(share > 0 && share < 1)) {
            throw new ValidationException("share: must be in (0, 1), got " + share);
        }
        SplittableRandom r = new SplittableRandom(seed);
        boolean[] first = new boolean[rows()];
        int a = 0;
        for (int i = 0; i < first.length; i++) {
            first[i] = r.nextDouble() < share;
            a += first[i] ? 1 : 0;
        }
        return new EventTable[]{part(first, true, a), part(first, false, first.length - a)};
    }

    private EventTable part(boolean[] first, boolean which, int n) {
        long[] i2 = new long[n];
        String[] t2 = new String[n];
        double[] f2 = new double[n];
        double[] a2 = new double[n];
        for (int i = 0, j = 0; i < first.length; i++) {
            if (first[i] == which) {
                i2[j] = ids[i];
                t2[j] = ts[i];
                f2[j] = flag[i];
                a2[j++] = amount[i];
            }
        }
        return new EventTable(i2, t2, f2, a2);
    }

    /** @return the number of events */
    public int rows() {
        return ids.length;
    }

    /** @return the table as a CSV reader types it (ts as text, amount's empty cells missing) */
    public Table table() {
        return Table.of(List.of(NumericColumn.of("event_id", Arrays.stream(ids).asDoubleStream().toArray()),
                CategoricalColumn.of("ts", ts.clone()), NumericColumn.of("flag", flag.clone()),
                NumericColumn.of("amount", amount.clone())));
    }

    /**
     * Writes the table as CSV (a header line; an empty cell for a missing amount).
     *
     * @param file where
     * @return {@code file}
     * @throws UncheckedIOException if it cannot be written
     */
    public Path writeCsv(Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", COLUMNS) + "\n");
            for (int i = 0; i < ids.length; i++) {
                w.write(ids[i] + "," + ts[i] + "," + (int) flag[i] + ","
                        + (Double.isNaN(amount[i]) ? "" : String.format(Locale.ROOT, "%.2f", amount[i])) + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }
}
