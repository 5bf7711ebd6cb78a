// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.profile.InvalidCell;
import dev.surprisal.data.roles.NumberConvention;

import java.util.List;
import java.util.Map;

/**
 * The drift of one column between a reference profile P and a current profile Q. For a column that
 * is not scored (id-like, timestamp, date, constant: {@code scored} false) the divergences are NaN
 * and the verdict comes from its checks (missing share, duplicate keys, stale range).
 *
 * @param name            column name
 * @param role            the role frozen in the reference
 * @param scored          whether the distribution was scored
 * @param status          verdict
 * @param reason          why, in plain words (the findings joined by "; ")
 * @param referenceRows   n (reference rows, missing and invalid included)
 * @param currentRows     m
 * @param klNats          KL(P‖Q) in nats, P the reference (smoothed)
 * @param reverseKlNats   KL(Q‖P) in nats: extra cost of coding today's values with the reference's code
 * @param psi             PSI = KL(P‖Q) + KL(Q‖P), unitless (natural logarithms)
 * @param jsBits          Jensen–Shannon divergence, bits, in [0, 1]
 * @param hellinger       Hellinger distance in [0, 1], unitless
 * @param totalVariation  total variation distance in [0, 1], unitless
 * @param gTestPValue     G-test of homogeneity p-value on raw counts
 * @param chiSquaredPValue Pearson χ² homogeneity p-value on raw counts
 * @param ks              KS statistic on the seeded samples (NaN when not continuous)
 * @param ksPValue        asymptotic KS p-value (NaN likewise)
 * @param wasserstein     W₁ on the seeded samples, in the column's unit (NaN likewise)
 * @param wassersteinNormalized W₁ / max(population std of the reference sample, 0.001), unitless
 * @param missingRateReference missing share in P
 * @param missingRateCurrent   missing share in Q
 * @param invalidRateReference invalid share in P (numeric roles)
 * @param invalidRateCurrent   invalid share in Q
 * @param newMass         share of today's valid values in bins the reference never saw
 * @param newMassPValue   p-value of that share under its null
 * @param decisionValue   the value of the deciding measure
 * @param critical        its sample-size-aware critical value (χ² approximation)
 * @param degreesOfFreedom bins used − 1
 * @param newValues       today's most frequent values the reference never had, with their counts
 * @param invalidCells    today's most frequent invalid values, with their counts and first cells
 * @param bins            per-bin detail (labels, smoothed p and q, KL contributions), missing and invalid last
 * @param staleCheckSkipped whether the stale-data check (a re-sent or replayed batch) could not run on this
 *                        timestamp or date column (see {@link #staleCheckSkipped()}); decided where the check is
 *                        made ({@link Freshness}), so the reason's wording never decides it
 * @param yardstick       the column's own yardstick (W1/std or TV) as judged, and whether it decided the
 *                        verdict; null when the column had none (an unscored column, an identifier, a
 *                        continuous column without a sample)
 * @param newValueVariants of today's new values, those that are a reference label written another way
 *                        ({@link ValueText#variantOf}), each with that label
 * @param convention      how the reference reads the column's cells ({@code ColumnProfile#convention}: numbers with
 *                        a decimal point or comma, times of day), which says what an invalid cell is
 *                        ({@link #invalidMeaning})
 */
public record ColumnDrift(String name, ColumnRole role, boolean scored, Status status, String reason,
                          long referenceRows, long currentRows, double klNats, double reverseKlNats, double psi,
                          double jsBits, double hellinger, double totalVariation, double gTestPValue,
                          double chiSquaredPValue, double ks, double ksPValue, double wasserstein,
                          double wassersteinNormalized, double missingRateReference, double missingRateCurrent,
                          double invalidRateReference, double invalidRateCurrent, double newMass,
                          double newMassPValue, double decisionValue, double critical, int degreesOfFreedom,
                          Map<String, Long> newValues, List<InvalidCell> invalidCells, List<Bin> bins,
                          boolean staleCheckSkipped, YardstickScore yardstick, Map<String, String> newValueVariants,
                          NumberConvention convention) {

    /** Copies the collections.
     *
     * @param name column name
     * @param role the role frozen in the reference
     * @param scored whether the distribution was scored
     * @param status verdict
     * @param reason why, in plain words (the findings joined by "; ")
     * @param referenceRows n (reference rows, missing and invalid included)
     * @param currentRows m
     * @param klNats KL(P‖Q) in nats, P the reference (smoothed)
     * @param reverseKlNats KL(Q‖P) in nats: extra cost of coding today's values with the reference's code
     * @param psi PSI = KL(P‖Q) + KL(Q‖P), unitless (natural logarithms)
     * @param jsBits Jensen–Shannon divergence, bits, in [0, 1]
     * @param hellinger Hellinger distance in [0, 1], unitless
     * @param totalVariation total variation distance in [0, 1], unitless
     * @param gTestPValue G-test of homogeneity p-value on raw counts
     * @param chiSquaredPValue Pearson χ² homogeneity p-value on raw counts
     * @param ks KS statistic on the seeded samples (NaN when not continuous)
     * @param ksPValue asymptotic KS p-value (NaN likewise)
     * @param wasserstein W₁ on the seeded samples, in the column's unit (NaN likewise)
     * @param wassersteinNormalized W₁ / max(population std of the reference sample, 0.001), unitless
     * @param missingRateReference missing share in P
     * @param missingRateCurrent missing share in Q
     * @param invalidRateReference invalid share in P (numeric roles)
     * @param invalidRateCurrent invalid share in Q
     * @param newMass share of today's valid values in bins the reference never saw
     * @param newMassPValue p-value of that share under its null
     * @param decisionValue the value of the deciding measure
     * @param critical its sample-size-aware critical value (χ² approximation)
     * @param degreesOfFreedom bins used − 1
     * @param newValues today's most frequent values the reference never had, with their counts
     * @param invalidCells today's most frequent invalid values, with their counts and first cells
     * @param bins per-bin detail (labels, smoothed p and q, KL contributions), missing and invalid last
     * @param staleCheckSkipped whether the stale-data check could not run on this timestamp or date column
     * @param yardstick the column's own yardstick as judged, or null when it had none
     * @param newValueVariants of today's new values, those that are a reference label written another way
     *                  ({@link ValueText#variantOf}), each with that label
     * @param convention how the reference reads the column's cells; null is a decimal point (a number)
     */
    public ColumnDrift {
        convention = convention == null ? NumberConvention.DECIMAL_POINT : convention;
        newValues = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(newValues));
        newValueVariants = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(
                newValueVariants == null ? Map.of() : newValueVariants));
        invalidCells = List.copyOf(invalidCells);
        bins = List.copyOf(bins);
    }

    /**
     * A column's result whose new values are no reference label written another way (see the record's components).
     *
     * @param name column name
     * @param role the role frozen in the reference
     * @param scored whether the distribution was scored
     * @param status verdict
     * @param reason why, in plain words
     * @param referenceRows n
     * @param currentRows m
     * @param klNats KL(P‖Q) in nats
     * @param reverseKlNats KL(Q‖P) in nats
     * @param psi PSI, unitless
     * @param jsBits Jensen–Shannon divergence, bits
     * @param hellinger Hellinger distance, unitless
     * @param totalVariation total variation distance, unitless
     * @param gTestPValue G-test p-value
     * @param chiSquaredPValue Pearson χ² p-value
     * @param ks KS statistic
     * @param ksPValue KS p-value
     * @param wasserstein W₁ in the column's unit
     * @param wassersteinNormalized W₁ / std, unitless
     * @param missingRateReference missing share in P
     * @param missingRateCurrent missing share in Q
     * @param invalidRateReference invalid share in P
     * @param invalidRateCurrent invalid share in Q
     * @param newMass share of today's valid values in bins the reference never saw
     * @param newMassPValue its p-value
     * @param decisionValue the deciding measure's value
     * @param critical its critical value
     * @param degreesOfFreedom bins used − 1
     * @param newValues today's most frequent new values with their counts
     * @param invalidCells today's most frequent invalid values
     * @param bins per-bin detail
     * @param staleCheckSkipped whether the stale-data check could not run
     * @param yardstick the column's own yardstick as judged, or null
     */
    public ColumnDrift(String name, ColumnRole role, boolean scored, Status status, String reason,
                       long referenceRows, long currentRows, double klNats, double reverseKlNats, double psi,
                       double jsBits, double hellinger, double totalVariation, double gTestPValue,
                       double chiSquaredPValue, double ks, double ksPValue, double wasserstein,
                       double wassersteinNormalized, double missingRateReference, double missingRateCurrent,
                       double invalidRateReference, double invalidRateCurrent, double newMass,
                       double newMassPValue, double decisionValue, double critical, int degreesOfFreedom,
                       Map<String, Long> newValues, List<InvalidCell> invalidCells, List<Bin> bins,
                       boolean staleCheckSkipped, YardstickScore yardstick) {
        this(name, role, scored, status, reason, referenceRows, currentRows, klNats, reverseKlNats, psi, jsBits,
                hellinger, totalVariation, gTestPValue, chiSquaredPValue, ks, ksPValue, wasserstein,
                wassersteinNormalized, missingRateReference, missingRateCurrent, invalidRateReference,
                invalidRateCurrent, newMass, newMassPValue, decisionValue, critical, degreesOfFreedom, newValues,
                invalidCells, bins, staleCheckSkipped, yardstick, Map.of(), null);
    }

    /**
     * One of today's new values as every output names it ({@link ValueText#newValue}): quoted, with its share of
     * today's valid values and, when it is a reference label written another way, which one and what differs.
     *
     * @param value one of {@link #newValues()}
     * @return {@code "gold " 5.70% (the reference's "Gold" with other case and surrounding spaces)}
     */
    public String newValueText(String value) {
        return ValueText.newValue(value, String.format(java.util.Locale.ROOT, "%.2f%%", 100 * shareOfValid(
                newValues.getOrDefault(value, 0L))), newValueVariants.get(value));
    }

    /** One bin: label, raw counts, smoothed probabilities and the KL(P‖Q) term pᵢ ln(pᵢ/qᵢ) in nats. */
    public record Bin(String label, long referenceCount, long currentCount, double p, double q, double klTerm,
                      boolean novel) {
    }

    /** @return KL(P‖Q) in bits */
    public double klBits() {
        return klNats / Math.log(2);
    }

    /** @return KL(Q‖P) in bits */
    public double reverseKlBits() {
        return reverseKlNats / Math.log(2);
    }

    /**
     * Today's valid values: cells neither missing nor invalid.
     *
     * @return today's rows less its missing and invalid cells
     */
    public long validToday() {
        return currentRows - Math.round(missingRateCurrent * currentRows) - invalidToday();
    }

    /**
     * @return today's invalid cells (all values; {@link #invalidCells} names the most frequent)
     */
    public long invalidToday() {
        return Math.round(invalidRateCurrent * currentRows);
    }

    /**
     * Today's invalid values as every message shows them ({@link dev.surprisal.data.profile.CellText#listed}).
     *
     * @return the most frequent values with their counts and first cells, or "" when none
     */
    public String invalidValuesText() {
        return dev.surprisal.data.profile.CellText.listed(invalidCells, invalidToday());
    }

    /**
     * A count of today's values as a share of today's valid values (how new values are shown).
     *
     * @param count values counted today
     * @return {@code count} over {@link #validToday()} (at least one)
     */
    public double shareOfValid(long count) {
        return (double) count / Math.max(1, validToday());
    }

    /**
     * Whether the stale-data check (a re-sent or replayed batch) could not run on this timestamp or
     * date column: today's values span more than half of the reference's range, as they do against a
     * reference of one batch, so "not newer than the last batch" says nothing. A baseline of several
     * batches (e.g. a week) lets it run. The reason then ends with a note that says so; this field, not
     * that sentence, is what callers (the CLI's note after the table, JSON {@code stale_check_skipped}) read.
     *
     * @return true when the column was not checked for re-sent batches
     */
    @Override
    public boolean staleCheckSkipped() {
        return staleCheckSkipped;
    }

    /** @return change in missing share, current − reference */
    public double missingRateChange() {
        return missingRateCurrent - missingRateReference;
    }

    /**
     * Whether the column has invalid cells to count: numeric columns (cells that are no number) and
     * timestamp and date columns (cells that are no ISO date, date-time or epoch number).
     *
     * @return true when its invalid share is checked
     */
    public boolean checksInvalid() {
        return role.isNumeric() || role.isTemporal();
    }

    /**
     * What an invalid cell of this column is, in words for a table note: by its role for a date or timestamp
     * column, else by the convention its reference reads its cells in ({@link NumberConvention#cellWords}), so that
     * a column of times of day says "neither a time of day or duration (hh:mm or hh:mm:ss) nor missing", not "a
     * number" (its cells were never numbers).
     *
     * @return "neither a number nor missing", "neither a time of day or duration (hh:mm or hh:mm:ss) nor missing",
     *         "neither a date nor missing", "neither a date-time nor missing", ...
     */
    public String invalidMeaning() {
        String what = role == ColumnRole.DATE ? "a date" : role == ColumnRole.TIMESTAMP ? "a date-time"
                : convention.cellWords();
        return "neither " + what + " nor missing";
    }

    /** @return change in invalid share, current − reference */
    public double invalidRateChange() {
        return invalidRateCurrent - invalidRateReference;
    }

    /**
     * Whether the divergences were taken on the valid cells only: a missing or invalid share rose
     * beyond noise, its own alarm, so its bins (the last two) were left out on both sides (their
     * shares 0, their counts kept).
     *
     * A share that rose has cells today; a bin emptied because its share fell to nothing today (missing cells in
     * the reference, none today: no alarm) has none, so it does not count.
     *
     * @return true when the missing and invalid bins hold cells today but no share
     */
    public boolean judgedOnValidCells() {
        int k = bins.size();
        return k >= 2 && bins.subList(k - 2, k).stream().allMatch(b -> b.p() == 0 && b.q() == 0)
                && bins.subList(k - 2, k).stream().anyMatch(b -> b.currentCount() > 0);
    }

    /** How many of today's new values a bin's name spells out; the JSON's new_values holds them all. */
    private static final int NEW_VALUES_NAMED = 3;

    /** The readable name of a categorical column's tail bin ({@link #binName}; stored checks upgraded by the server too). */
    public static final String OTHER_VALUES = "other values (those outside the reference's most frequent)";

    /**
     * A bin as a user reads it. The frozen bins keep stable internal ids ({@link Bin#label()}, such as
     * {@code CategoryBins.UNSEEN}), which mean nothing to a reader: the bin of values the reference never had is
     * named by those values with their shares of today's values, as the text table lists them
     * ({@code new values ("SE" 4.82% of today's values)}), and the tail of a categorical column is "other
     * values". Every other bin is named by its label.
     *
     * @param b one of this column's {@link #bins()}
     * @return its name for text, HTML and chart titles
     */
    public String binName(Bin b) {
        if (b.label().equals(dev.surprisal.data.profile.CategoryBins.OTHER)) {
            return OTHER_VALUES;
        }
        int buckets = otherBuckets(bins);
        String prefix = dev.surprisal.data.profile.CategoryBins.OTHER + "#";
        if (buckets > 1 && b.label().startsWith(prefix) && role == ColumnRole.CATEGORICAL) {
            return "other values, hash group " + b.label().substring(prefix.length()) + " of " + buckets;
        }
        if (!b.label().equals(dev.surprisal.data.profile.CategoryBins.UNSEEN)) {
            return b.label();
        }
        if (newValues.isEmpty()) {
            return "new values (none today)";
        }
        List<String> parts = new java.util.ArrayList<>();
        newValues.entrySet().stream().limit(NEW_VALUES_NAMED).forEach(e -> parts.add(newValueText(e.getKey())));
        String more = newValues.size() > NEW_VALUES_NAMED ? ", …" : "";
        return "new values (" + String.join(", ", parts) + more + " of today's values)";
    }

    /**
     * The bin whose share of rows moved most, in percentage points: the largest
     * |today's count / today's rows − reference count / reference rows| (observed shares, as the
     * table shows them; the missing and invalid cells are bins too). A reader takes "moved most" to
     * mean share points, so that is what it ranks by, not the bin's term of PSI, which favours a
     * small bin's relative change.
     *
     * @return that bin (the first of equals), or null when there is none
     */
    public Bin topBin() {
        Bin best = null;
        double bestMove = -1;
        for (Bin b : bins) {
            double move = Math.abs((double) b.currentCount() / Math.max(1, currentRows())
                    - (double) b.referenceCount() / Math.max(1, referenceRows()));
            if (move > bestMove) {
                best = b;
                bestMove = move;
            }
        }
        return best;
    }

    /**
     * How many values of a categorical column have a bin of their own when the rest share one tail bin
     * ({@code CategoryBins.OTHER}) holding reference rows, the K of "counted over the top K values and the rest
     * as one": its TV, KL and PSI are then lower bounds on what moved among the values. The one rule of K: the
     * explanation reads it here, {@code ScoredColumn} through {@link #topValues(ColumnRole, List)} when it words
     * the yardstick.
     *
     * @return K, or 0 when every value has a bin (binary, discrete, a categorical column without a tail) or the
     *         column is not categorical
     */
    public int topValues() {
        return topValues(role, bins);
    }

    /**
     * {@link #topValues()} of a column's role and bins. The tail bin is found by its place, not its label: a
     * categorical column's bins are its top K values, the tail ({@code CategoryBins.otherBin()}, index K), the
     * unseen bin, then missing and invalid; a top value may itself be written {@code __OTHER__}.
     *
     * @param role the column's role
     * @param bins its bins as {@link ColumnDrift#bins} holds them, missing and invalid last
     * @return K, or 0 when there is no tail holding reference rows
     */
    static int topValues(ColumnRole role, List<Bin> bins) {
        int tail = bins.size() - 3 - otherBuckets(bins);
        return role == ColumnRole.CATEGORICAL && tail >= 0 && tailRows(bins) > 0 ? tail : 0;
    }

    /**
     * How a categorical column's TV, KL and PSI are counted when values share bins: "" when every value has a
     * bin of its own (or the column is not categorical), else "counted over the top K values and the rest as
     * one", or with hashed buckets "... and the rest in B groups by a hash of the value" ("counted over the
     * values in B groups ..." when no value has a bin of its own).
     *
     * @return the phrase, or "" when the measures are over the values themselves
     */
    public String tailCounted() {
        return tailCounted(role, bins);
    }

    /** {@link #tailCounted()} of a column's role and bins. */
    static String tailCounted(ColumnRole role, List<Bin> bins) {
        if (role != ColumnRole.CATEGORICAL || bins.size() < 4 || tailRows(bins) == 0
                || topValues(role, bins) == 0 && otherBuckets(bins) == 1) {
            // K = 0 and one tail bin: every value shares one bin, which the reason says on its own
            return "";
        }
        return DriftText.overTopValues(topValues(role, bins), otherBuckets(bins));
    }

    /** The reference rows in the tail bins (the other buckets), 0 when the column has none. */
    private static long tailRows(List<Bin> bins) {
        int b = otherBuckets(bins);
        long rows = 0;
        for (int i = bins.size() - 3 - b; i >= 0 && i < bins.size() - 3; i++) {
            rows += bins.get(i).referenceCount();
        }
        return rows;
    }

    /**
     * How many bins before the unseen one are hashed other buckets ({@code __OTHER__#1} to {@code __OTHER__#B},
     * in that order): B, or 1 (the one tail bin) when they are not there.
     */
    static int otherBuckets(List<Bin> bins) {
        int last = bins.size() - 4;
        String prefix = dev.surprisal.data.profile.CategoryBins.OTHER + "#";
        if (last < 0 || !bins.get(last).label().startsWith(prefix)) {
            return 1;
        }
        int b;
        try {
            b = Integer.parseInt(bins.get(last).label().substring(prefix.length()));
        } catch (NumberFormatException e) {
            return 1;
        }
        if (b < 2 || last - b + 1 < 0) {
            return 1;
        }
        for (int j = 1; j <= b; j++) {
            if (!bins.get(last - b + j).label().equals(prefix + j)) {
                return 1;
            }
        }
        return b;
    }
}
