// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The drift of every column plus the dataset verdict: dataset drift when the share of drifted
 * scored columns reaches {@link DriftOptions#driftShare()}.
 */
public record DriftReport(List<ColumnDrift> columns, DriftOptions options, long referenceRows, long currentRows) {
    /**
     * Copies the list of columns.
     *
     * @param columns       one result per column, in the reference's order
     * @param options       the rule they were scored under
     * @param referenceRows the reference's rows
     * @param currentRows   the current day's rows
     */
    public DriftReport {
        columns = List.copyOf(columns);
    }

    /**
     * Columns that drifted (WARN or DRIFT).
     *
     * @return those columns, in column order
     */
    public List<ColumnDrift> drifted() {
        List<ColumnDrift> out = new ArrayList<>();
        for (ColumnDrift c : columns) {
            if (c.status().drifted()) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * The tests the false-alarm budget α is split over: those the columns actually ran
     * ({@link DriftScorer#tests(dev.surprisal.core.ColumnRole)}).
     *
     * @return the number of tests, at least one
     */
    public int tests() {
        return Math.max(1, columns.stream().mapToInt(c -> DriftScorer.tests(c.role())).sum());
    }

    /**
     * α' = α / {@link #tests()}, the false-alarm probability of each test (Bonferroni).
     *
     * @return the per-test α
     */
    public double alphaPerTest() {
        return options.alpha() / tests();
    }

    /** @return the scored columns (binary, discrete, continuous, categorical) */
    public List<ColumnDrift> scored() {
        return columns.stream().filter(ColumnDrift::scored).toList();
    }

    /** @return the share of computable scored columns that drifted (WARN or DRIFT) */
    public double driftedShare() {
        long computable = columns.stream().filter(c -> c.scored() && c.status() != Status.NOT_COMPUTABLE).count();
        return computable == 0 ? 0.0 : (double) count(true, null) / computable;
    }

    /**
     * The columns of one kind with one verdict.
     *
     * @param scored true for scored columns, false for those only checked (id-like, timestamp, date,
     *               constant)
     * @param status the verdict, or null for WARN or DRIFT
     * @return how many
     */
    public int count(boolean scored, Status status) {
        return (int) columns.stream().filter(c -> c.scored() == scored
                && (status == null ? c.status().drifted() : c.status() == status)).count();
    }

    /**
     * The count every output states (command line, JSON, HTML report, alerts): the scored columns
     * that changed (WARN or DRIFT, the dataset rule's count), with the DRIFT and WARN among them, and
     * the columns only checked, with their warnings counted apart, e.g. "2 of 4 scored columns changed
     * (1 DRIFT, 1 WARN; 2 more checked, not scored, 1 of them WARN)".
     *
     * @return the count in words
     */
    public String summary() {
        int scored = scored().size();
        int unscored = columns.size() - scored;
        int drifted = count(true, null);
        List<String> parts = new ArrayList<>();
        if (drifted > 0) {
            parts.add(count(true, Status.DRIFT) + " DRIFT, " + count(true, Status.WARN) + " WARN");
        }
        if (unscored > 0) {
            int flagged = count(false, null);
            parts.add(unscored + " more checked, not scored" + (flagged == 0 ? ""
                    : ", " + flagged + " of them " + (count(false, Status.DRIFT) == 0 ? "WARN" : "WARN or DRIFT")));
        }
        // "changed", not "drifted": the count takes WARN columns too, and "2 of 3 drifted (0 DRIFT)" misread
        return drifted + " of " + scored + " scored columns changed"
                + (parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")")
                + (drifted == 0 ? notJudged().map(w -> "; " + w).orElse("") : "");
    }

    /**
     * Why "no column changed" says little: today's rows (or the reference's) are too few for any change the
     * warn band calls a change to be seen. A column reaches WARN only beyond its noise level (critical), so
     * when every scored column's critical is at or above the warn band, a change up to that noise level passes
     * unseen: one row against fifty has a PSI critical of about 24, a hundred times the drift band. Exit codes
     * stay as they are (nothing alarmed); the words say the check could not judge.
     *
     * @return the sentence ("not judged: today's 1 row is too few to see ..."), or empty when the scored
     *         columns could see a change at the warn band (or none was scored)
     */
    public java.util.Optional<String> notJudged() {
        double least = Double.POSITIVE_INFINITY;
        for (ColumnDrift c : scored()) {
            if (Double.isNaN(c.critical())) {
                continue;
            }
            least = Math.min(least, c.critical());
        }
        Measure m = options.measure();
        if (scored().isEmpty() || least < options.warn() || Double.isInfinite(least)) {
            return java.util.Optional.empty();
        }
        String unit = m.unit().isEmpty() ? "" : " " + m.unit();
        return java.util.Optional.of(String.format(java.util.Locale.ROOT, "not judged: today's %,d row%s against "
                        + "the reference's %,d %s too few to see any change smaller than the noise level (critical %s "
                        + "%s%s or more, at or above the warn band %s%s)", currentRows, currentRows == 1 ? "" : "s",
                referenceRows, currentRows == 1 ? "is" : "are", m.label(), DriftExplanation.CELL.format(least), unit,
                DriftExplanation.CELL.format(options.warn()), unit));
    }

    /** @return true when at least {@code driftShare} of the scored columns changed (a DRIFT-level alarm) */
    public boolean datasetDrift() {
        return driftedShare() > 0 && driftedShare() >= options.driftShare();
    }

    /** @return true when any column is WARN or DRIFT */
    public boolean alarm() {
        return !drifted().isEmpty();
    }

    /** @return the most severe verdict: of the columns, and DRIFT for dataset drift */
    public Status worst() {
        Status w = Status.OK;
        for (ColumnDrift c : columns) {
            w = w.worst(c.status() == Status.NOT_COMPUTABLE ? Status.OK : c.status());
        }
        return datasetDrift() ? Status.DRIFT : w;
    }

    /** @return whether the check fails under {@link DriftOptions#failOn()} (exit 1 on the command line) */
    public boolean fails() {
        return options.failOn().fails(worst());
    }

    /**
     * Columns by decreasing severity, then decision value relative to its critical value.
     *
     * @return every column, most severe first
     */
    public List<ColumnDrift> bySeverity() {
        List<ColumnDrift> out = new ArrayList<>(columns);
        out.sort(Comparator.comparingInt((ColumnDrift c) -> rank(c.status())).reversed()
                .thenComparing(ColumnDrift::scored, Comparator.reverseOrder())
                .thenComparing(Comparator.comparingDouble((ColumnDrift c) -> Double.isNaN(c.psi()) ? -1 : c.psi())
                        .reversed()));
        return out;
    }

    private static int rank(Status s) {
        switch (s) {
            case DRIFT: return 3;
            case WARN: return 2;
            case OK: return 1;
            default: return 0;
        }
    }

    /**
     * The plain-words reading of the top column with KL in bits: {@link DriftExplanation#paragraph}
     * (the sentences of the command line's {@code --explain} and of the HTML report).
     *
     * @return the explanation, in plain words
     */
    public String explanation() {
        return DriftExplanation.paragraph(this, dev.surprisal.core.Base.BITS);
    }
}
