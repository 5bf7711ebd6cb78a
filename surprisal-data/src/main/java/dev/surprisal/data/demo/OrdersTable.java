// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.demo;

import dev.surprisal.core.ValidationException;
import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.Column;
import dev.surprisal.data.NumericColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.roles.Cells;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded, realistic orders table with known truth, for scenario tests, the tour and demos:
 * <ul>
 *   <li>{@code order_id}: increasing integers (a key: independent of everything);</li>
 *   <li>{@code ts}: increasing ISO timestamps (independent of everything but the order);</li>
 *   <li>{@code amount}: lognormal (μ 3.6, σ 0.7 on the log scale), 2 decimals; 1% empty cells, 0.3%
 *       {@code n/a} (missing as pandas reads it) and 0.2% {@code abc} (invalid cells);</li>
 *   <li>{@code country}: 8 countries (US 30%, DE 15%, FR 12%, GB 12%, NL 8%, ES 8%, IT 8%, PL 7%);</li>
 *   <li>{@code device}: mobile 55%, desktop 35%, tablet 10%;</li>
 *   <li>{@code days_since_last}: uniform on [0, 60), 2 decimals (continuous);</li>
 *   <li>{@code n_items}: 1 to 6 (35, 25, 15, 12, 8, 5%) (discrete);</li>
 *   <li>{@code churned}: 0/1 with P(1) = 0.03 + 0.44·u², u = (days_since_last − 30)/30: U-shaped,
 *       so its correlation with days_since_last is about 0, and the rate is 0.03 + 0.44/3 ≈ 17.7%.</li>
 * </ul>
 * A {@link Change} gives a day with one known change; {@link Change#NONE} is a fresh resample
 * (no change). Every day's ids continue after the reference's and its timestamps lie after the
 * reference's month (April 2024), except {@link Change#STALE_TIMESTAMPS}.
 */
public final class OrdersTable {
    /** The columns, in file order. */
    public static final List<String> COLUMNS = List.of("order_id", "ts", "amount", "country", "device",
            "days_since_last", "n_items", "churned");
    /** The countries of the reference, most frequent first. */
    public static final List<String> COUNTRIES = List.of("US", "DE", "FR", "GB", "NL", "ES", "IT", "PL");
    private static final double[] COUNTRY_P = {0.30, 0.15, 0.12, 0.12, 0.08, 0.08, 0.08, 0.07};
    private static final List<String> DEVICES = List.of("mobile", "desktop", "tablet");
    private static final double[] DEVICE_P = {0.55, 0.35, 0.10};
    private static final double[] ITEMS_P = {0.35, 0.25, 0.15, 0.12, 0.08, 0.05};
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final LocalDateTime REFERENCE_START = LocalDateTime.of(2024, 4, 1, 0, 0);

    /** One day's known change against the reference. */
    public enum Change {
        /** A fresh sample from the reference's distribution: nothing should alarm. */
        NONE("resample"),
        /** churned: rate 17.7% → 51% (P(1) = 0.30 + 0.63·u²). */
        CHURN_RATE("churn-rate"),
        /** amount: the log-mean moves up by 0.6, 0.86 sd on the log scale (the mean by about 82%). */
        AMOUNT_SHIFT("amount-shift"),
        /** country: a new country "SE" takes 5% of the orders. */
        NEW_COUNTRY("new-country"),
        /** amount: 15% of the cells empty (1% in the reference). */
        MISSING_SURGE("missing-surge"),
        /** amount: 5% of the cells "abc" (0.2% in the reference). */
        INVALID_SURGE("invalid-surge"),
        /** device: every cell empty. */
        EMPTY_COLUMN("empty-column"),
        /** ts: the day's timestamps lie before the reference's range (stale data). */
        STALE_TIMESTAMPS("stale-timestamps"),
        /** order_id: each id appears twice (duplicate keys). */
        DUPLICATE_IDS("duplicate-ids");

        private final String label;

        Change(String label) {
            this.label = label;
        }

        /** @return the change's short name, used in file names ("churn-rate") */
        public String label() {
            return label;
        }
    }

    private final Change change;
    private final Map<String, String[]> cells;
    private final int rows;

    private OrdersTable(Change change, Map<String, String[]> cells, int rows) {
        this.change = change;
        this.cells = cells;
        this.rows = rows;
    }

    /**
     * The reference: {@code rows} orders over April 2024.
     *
     * @param rows number of orders, at least 1
     * @param seed the random seed
     * @return the table
     */
    public static OrdersTable reference(int rows, long seed) {
        return generate(null, rows, seed);
    }

    /**
     * A day after the reference with one known change.
     *
     * @param change what differs from the reference ({@link Change#NONE}: nothing)
     * @param rows   number of orders, at least 1
     * @param seed   the random seed (use another seed than the reference's)
     * @return the table
     */
    public static OrdersTable day(Change change, int rows, long seed) {
        if (change == null) {
            throw new ValidationException("change: is null");
        }
        return generate(change, rows, seed);
    }

    private static OrdersTable generate(Change change, int rows, long seed) {
        if (rows < 1) {
            throw new ValidationException("rows: must be >= 1, got " + rows);
        }
        SplittableRandom r = new SplittableRandom(seed);
        Map<String, String[]> out = new java.util.LinkedHashMap<>();
        for (String c : COLUMNS) {
            out.put(c, new String[rows]);
        }
        Change ch = change == null ? Change.NONE : change;
        long firstId = change == null ? 100_000 : 10_000_000L + 1_000_000L * ch.ordinal();
        LocalDateTime start = change == null ? REFERENCE_START
                : ch == Change.STALE_TIMESTAMPS ? LocalDateTime.of(2024, 3, 1, 0, 0)
                : LocalDateTime.of(2024, 5, 1, 0, 0).plusDays(ch.ordinal());
        long span = change == null ? 30L * 86_400 : 86_400;
        for (int i = 0; i < rows; i++) {
            long id = firstId + (ch == Change.DUPLICATE_IDS ? i / 2 : i);
            long second = (long) ((i + r.nextDouble()) * span / rows);
            double days = Math.floor(r.nextDouble() * 6000) / 100;
            double u = (days - 30) / 30;
            double pChurn = ch == Change.CHURN_RATE ? 0.30 + 0.63 * u * u : 0.03 + 0.44 * u * u;
            double logMean = 3.6 + (ch == Change.AMOUNT_SHIFT ? 0.6 : 0);
            double amount = Math.round(Math.exp(logMean + 0.7 * r.nextGaussian()) * 100) / 100.0;
            double a = r.nextDouble();
            double missing = ch == Change.MISSING_SURGE ? 0.15 : 0.01;
            double invalid = ch == Change.INVALID_SURGE ? 0.05 : 0.002;
            String amountCell = a < missing ? "" : a < missing + 0.003 ? "n/a" : a < missing + 0.003 + invalid ? "abc"
                    : String.format(java.util.Locale.ROOT, "%.2f", amount);
            String country = ch == Change.NEW_COUNTRY && r.nextDouble() < 0.05 ? "SE" : pick(COUNTRIES, COUNTRY_P, r);
            String device = pick(DEVICES, DEVICE_P, r);
            int items = 1 + index(ITEMS_P, r.nextDouble());
            int churned = r.nextDouble() < pChurn ? 1 : 0;
            out.get("order_id")[i] = Long.toString(id);
            out.get("ts")[i] = start.plusSeconds(second).format(TS);
            out.get("amount")[i] = amountCell;
            out.get("country")[i] = country;
            out.get("device")[i] = ch == Change.EMPTY_COLUMN ? "" : device;
            out.get("days_since_last")[i] = String.format(java.util.Locale.ROOT, "%.2f", days);
            out.get("n_items")[i] = Integer.toString(items);
            out.get("churned")[i] = Integer.toString(churned);
        }
        return new OrdersTable(change, out, rows);
    }

    private static String pick(List<String> values, double[] p, SplittableRandom r) {
        return values.get(index(p, r.nextDouble()));
    }

    private static int index(double[] p, double u) {
        double c = 0;
        for (int i = 0; i < p.length; i++) {
            c += p[i];
            if (u < c) {
                return i;
            }
        }
        return p.length - 1;
    }

    /** @return the change of this day, or null for the reference */
    public Change change() {
        return change;
    }

    /** @return number of orders */
    public int rows() {
        return rows;
    }

    /**
     * @param column one of {@link #COLUMNS}
     * @return the column's cells as written to the CSV file ("" for an empty cell)
     */
    public List<String> cells(String column) {
        String[] c = cells.get(column);
        if (c == null) {
            throw new ValidationException("column: no column '" + column + "'; available: " + String.join(", ", COLUMNS));
        }
        return List.of(c);
    }

    /**
     * The table as a reader of its CSV file would type it: a column whose cells are all numbers or
     * missing (pandas' missing strings) is a {@link NumericColumn} (missing as NaN); any other column
     * (ts, country, device, and amount, which holds "abc" cells) is a {@link CategoricalColumn} of the
     * text as written, with empty cells missing.
     *
     * @return the table
     */
    public Table table() {
        List<Column> cols = new ArrayList<>();
        for (String c : COLUMNS) {
            String[] v = cells.get(c);
            double[] x = new double[v.length];
            boolean numeric = true;
            for (int i = 0; i < v.length && numeric; i++) {
                x[i] = Cells.isMissing(v[i]) ? Double.NaN : Cells.number(v[i]);
                numeric = Cells.isMissing(v[i]) || !Double.isNaN(x[i]);
            }
            if (numeric) {
                cols.add(NumericColumn.of(c, x));
            } else {
                String[] labels = new String[v.length];
                for (int i = 0; i < v.length; i++) {
                    labels[i] = v[i].isEmpty() ? null : v[i];
                }
                cols.add(CategoricalColumn.of(c, labels));
            }
        }
        return Table.of(cols);
    }

    /**
     * Writes the table as CSV (a header line, comma-separated, no quoting needed).
     *
     * @param file where to write; replaced if it exists
     * @return {@code file}
     */
    public Path writeCsv(Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", COLUMNS));
            w.write('\n');
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                for (int j = 0; j < COLUMNS.size(); j++) {
                    line.append(j == 0 ? "" : ",").append(cells.get(COLUMNS.get(j))[i]);
                }
                w.write(line.append('\n').toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /**
     * Writes a reference and one day per change into {@code dir}: {@code reference.csv} and
     * {@code day-<label>.csv} (e.g. {@code day-churn-rate.csv}); day i uses seed {@code seed + 1 + i}.
     *
     * @param dir  an existing directory
     * @param rows orders per file
     * @param seed the reference's seed
     * @return the day files by change (the reference is {@code dir/reference.csv})
     */
    public static Map<Change, Path> writeScenario(Path dir, int rows, long seed) {
        Map<Change, Path> out = new EnumMap<>(Change.class);
        reference(rows, seed).writeCsv(dir.resolve("reference.csv"));
        for (Change c : Change.values()) {
            out.put(c, day(c, rows, seed + 1 + c.ordinal()).writeCsv(dir.resolve("day-" + c.label() + ".csv")));
        }
        return out;
    }
}
