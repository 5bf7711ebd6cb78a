// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

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

    /** @return the scored columns (binary, discrete, continuous, categorical) */
    public List<ColumnDrift> scored() {
        return columns.stream().filter(ColumnDrift::scored).toList();
    }

    /** @return the share of computable scored columns that drifted (WARN or DRIFT) */
    public double driftedShare() {
        long computable = columns.stream().filter(c -> c.scored() && c.status() != Status.NOT_COMPUTABLE).count();
        long drifted = columns.stream().filter(c -> c.scored() && c.status().drifted()).count();
        return computable == 0 ? 0.0 : (double) drifted / computable;
    }

    /** @return true when at least {@code driftShare} of the scored columns drifted (a DRIFT-level alarm) */
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
     * In words, for the top column: "coding today's values of 'age' with the reference's code costs
     * 0.42 extra bits per value" (KL(Q‖P)), and the reference-side view KL(P‖Q).
     *
     * @return the explanation, in plain words
     */
    public String explanation() {
        if (columns.isEmpty()) {
            return "No columns were compared.";
        }
        ColumnDrift c = bySeverity().get(0);
        if (c.status() == Status.NOT_COMPUTABLE) {
            return "Column '" + c.name() + "' could not be compared: " + c.reason();
        }
        if (!c.scored()) {
            return String.format(Locale.ROOT, "%d of %d columns drifted. Top column '%s' (%s, %s): %s.",
                    drifted().size(), columns.size(), c.name(), c.role().label(), c.status(), c.reason());
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "%d of %d columns drifted%s. Top column '%s' (%s): coding today's values with the reference's code "
                        + "costs %.3g extra bits per value (KL(Q||P)); coding the reference with today's code costs "
                        + "%.3g bits (KL(P||Q)); PSI %.3g (unitless) against a noise level of %.3g at these sample sizes.",
                drifted().size(), columns.size(), datasetDrift() ? " (dataset drift)" : "", c.name(), c.status(),
                c.reverseKlBits(), c.klBits(), c.psi(), c.critical()));
        ColumnDrift.Bin top = c.topBin();
        if (top != null && c.status().drifted()) {
            b.append(String.format(Locale.ROOT, " The bin contributing most is %s (reference %.1f%%, today %.1f%%).",
                    top.label(), 100 * top.p(), 100 * top.q()));
        }
        if (c.newMass() > 0) {
            b.append(String.format(Locale.ROOT, " %.2f%% of today's values fall where the reference had none.",
                    100 * c.newMass()));
        }
        return b.toString();
    }
}
