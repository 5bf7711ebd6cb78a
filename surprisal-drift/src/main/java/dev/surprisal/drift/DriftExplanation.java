// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.core.Base;
import dev.surprisal.core.ColumnRole;
import dev.surprisal.core.NumberStyle;

import java.util.List;
import java.util.Locale;

/**
 * The plain-words reading of a drift check, in one place: the command line's {@code --explain},
 * the {@code explanation} of its {@code --json}, the HTML report (the CLI's {@code --report} and
 * the server's dashboard) and {@link DriftReport#explanation()} all say these sentences, so two
 * views of one check never say different things.
 *
 * <p>The sentences read the top column (most severe first, {@link DriftReport#bySeverity()}) and
 * label both directions of the Kullback–Leibler divergence: KL(P‖Q), P the reference and Q today,
 * is the extra cost of coding reference-distributed data with a code built for today's data;
 * KL(Q‖P) the extra cost of coding today's data with the reference's code (Cover and Thomas,
 * <i>Elements of Information Theory</i>, 2nd ed., §2.3). Both are in the unit of the chosen
 * {@link Base}; PSI = KL(P‖Q) + KL(Q‖P) in nats is unitless, as its 0.1 / 0.25 bands are defined.
 */
public final class DriftExplanation {
    /**
     * How a measured value is shown in a table cell or a sentence: four decimals, {@code -} for
     * "no value" (NaN), {@code inf} / {@code -inf} for the infinite.
     */
    public static final NumberStyle CELL = NumberStyle.fixed(4).withNaN("-").withInfinity("inf", "-inf");

    private DriftExplanation() {
    }

    /**
     * The explanation of a check as sentences (one to three), KL in {@code base}'s unit.
     *
     * @param report the scored comparison
     * @param base   the unit of KL: {@link Base#BITS} unless the user chose another
     * @return the sentences, in reading order; never empty
     */
    public static List<String> sentences(DriftReport report, Base base) {
        List<String> top = topColumn(report, base);
        // a day too small to judge says so first: the top column's "within sampling noise" is true but says little
        return report.alarm() ? top : report.notJudged().map(w -> {
            List<String> all = new java.util.ArrayList<>();
            all.add("No alarm, but " + w + ".");
            all.addAll(top);
            return List.copyOf(all);
        }).orElse(top);
    }

    /** The sentences on the most severe column. */
    private static List<String> topColumn(DriftReport report, Base base) {
        if (report.columns().isEmpty()) {
            return List.of("No columns were compared.");
        }
        ColumnDrift c = report.bySeverity().get(0);
        if (!c.scored()) {
            return List.of(String.format(Locale.ROOT, "Top column '%s' (%s, not scored, %s): %s.", c.name(),
                    c.role().label(), c.status(), c.reason()));
        }
        if (Double.isNaN(c.klNats())) {
            return List.of("Column '" + c.name() + "' could not be compared: " + c.reason() + ".");
        }
        String u = base.unit();
        String pqValue = CELL.format(base.fromNats(c.klNats()));
        String qpValue = CELL.format(base.fromNats(c.reverseKlNats()));
        String head = String.format(Locale.ROOT, "Top column '%s' (%s): %s.", c.name(), c.status(), c.reason());
        String pq = String.format(Locale.ROOT, "%sKL(P||Q) = %s %s (P = reference, Q = today): coding data distributed "
                + "like the reference with a code built for today's data costs %s extra %s per value%s.",
                c.judgedOnValidCells() ? "On the valid cells (the missing and invalid ones are their own alarm), " : "",
                pqValue, u, pqValue, u, binnedCaveat(c));
        String qp = String.format(Locale.ROOT, "KL(Q||P) = %s %s: coding today's data with the reference's code costs "
                + "%s extra %s per value. PSI = KL(P||Q) + KL(Q||P) in nats = %s (unitless).", qpValue, u, qpValue, u,
                CELL.format(c.psi()));
        ColumnDrift.Bin top = c.topBin();
        // the observed shares of rows, as the table shows them (the smoothed p and q only enter PSI)
        String bin = top == null ? "" : " " + movedMost(c, top, 100.0 * top.referenceCount() / Math.max(1, c.referenceRows()),
                100.0 * top.currentCount() / Math.max(1, c.currentRows()));
        return List.of(head, pq, qp + bin);
    }

    /**
     * For a continuous column, that its KL is counted over the reference's quantile bins: merging values into
     * bins can only lower KL (the data-processing inequality, Cover and Thomas §2.8), so the values' own KL is
     * higher (a normal against N(0.5, 1.2²): 0.162 bits over the bins against 0.168 in closed form). Binary and
     * discrete columns are counted by value, so their KL needs no such words; a categorical column whose
     * values beyond its top K share one bin holding reference mass is, likewise, a lower bound.
     */
    private static String binnedCaveat(ColumnDrift c) {
        if (c.role() == ColumnRole.CONTINUOUS) {
            return ", counted over the reference's quantile bins (grouping values into bins can only lower KL, so the "
                    + "KL of the values themselves is at least about this, up to sampling noise)";
        }
        String tail = c.tailCounted();
        return tail.isEmpty() ? "" : ", " + tail + " (grouping values can only lower KL and PSI, so "
                + "those of the values themselves are at least about these, up to sampling noise)";
    }

    /**
     * The explanation as one paragraph: {@link #sentences} joined by a space.
     *
     * @param report the scored comparison
     * @param base   the unit of KL
     * @return the paragraph
     */
    public static String paragraph(DriftReport report, Base base) {
        return String.join(" ", sentences(report, base));
    }

    /**
     * The sentence on the bin whose share moved most ({@link ColumnDrift#topBin}), in percentage points.
     * A bin of one value (an atom of a continuous column, "= 0", or a discrete value) is named by its
     * value: "The share of 0 moved most: 80.0% → 70.0% (−10.0 points)".
     */
    private static String movedMost(ColumnDrift c, ColumnDrift.Bin top, double refPct, double curPct) {
        String label = c.binName(top);
        String what = label.startsWith("= ") ? "The share of " + label.substring(2) + " moved most"
                : "The bin whose share moved most is " + label;
        return String.format(Locale.ROOT, "%s: %.1f%% → %.1f%% of rows (reference → today, %+.1f percentage points).",
                what, refPct, curPct, curPct - refPct);
    }
}
