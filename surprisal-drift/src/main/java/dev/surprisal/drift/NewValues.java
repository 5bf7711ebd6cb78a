// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.data.profile.CategoryBins;
import dev.surprisal.data.profile.ColumnProfile;
import dev.surprisal.data.profile.NumericBins;
import org.apache.commons.statistics.distribution.BinomialDistribution;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The new-values rule of a scored column ({@link DriftScorer}'s rule 2): today's share of valid values
 * in bins the reference never saw, judged against its null, and for a categorical column with rare
 * reference values the most frequent new value on its own.
 *
 * @param share today's share of valid values in bins the reference never saw, in [0, 1]
 * @param p     the p-value of that share under its null
 */
record NewValues(double share, double p) {
    /** Grid points of {@link #frequentNewValueP}: π from 0.1/(n + m) by factors of about 1.03 (n + m = 1e4). */
    private static final int FREQUENT_GRID = 400;

    /**
     * Judges today's new values and adds a DRIFT finding when they are more than the null allows.
     *
     * @param f         the column's findings
     * @param p         the reference's column
     * @param q         today's column
     * @param novel     today's count of values in bins the reference never saw
     * @param validRef  the reference's valid values (neither missing nor invalid), as {@link ScoredColumn} counts them
     * @param validToday today's valid values, likewise
     * @param o         the column's rule
     * @param alphaEach α' of the column's tests
     * @return the share and its p-value, as reported
     */
    static NewValues judge(Findings f, ColumnProfile p, ColumnProfile q, long novel, long validRef, long validToday,
                           DriftOptions o, double alphaEach) {
        double newMass = validToday == 0 ? 0 : (double) novel / validToday;
        double nullRate;
        double newMassP;
        if (p.bins() instanceof NumericBins) {
            nullRate = 2.0 / (validRef + 1);
            newMassP = novel == 0 ? 1.0 : RangeExceedance.survival(novel, validRef, validToday);
        } else {
            nullRate = p.bins() instanceof CategoryBins
                    ? Math.min(1.0, (p.categoryBins().otherValues().count() + 1.0) / (validRef + 1)) : 1.0 / (validRef + 1);
            newMassP = novel == 0 || validToday == 0 ? 1.0
                    : BinomialDistribution.of((int) Math.min(Integer.MAX_VALUE, validToday), nullRate)
                    .survivalProbability((int) Math.min(Integer.MAX_VALUE, novel - 1));
        }
        // a column with rare reference values (other categories) also runs the frequent-new-value test: α' halved
        boolean rareValues = p.bins() instanceof CategoryBins cb && cb.otherValues().count() > 0 && !q.unseen().isEmpty();
        if (p.bins() instanceof CategoryBins cb && !cb.othersComplete()) {
            // never silent: a column whose new values cannot be told says so in its reason
            f.add(Status.OK, untracked(cb));
        }
        double alphaNew = rareValues ? alphaEach / 2 : alphaEach;
        if (newMass >= o.newMass() && newMassP < alphaNew) {
            String named = q.unseen().isEmpty() ? "" : ": " + ValueText.named(q.unseen(), validToday, p.bins());
            f.add(Status.DRIFT, String.format(Locale.ROOT, "new values: %.2f%% of today's values fall where the "
                    + "reference had none%s (%s; under no drift about %s)", 100 * newMass, named,
                    DriftText.pValue(newMassP), DriftText.pct(nullRate)));
            List<String> alike = ValueText.lookalikes(p.name(), q.unseen().keySet(), p.bins());
            alike.forEach(x -> f.add(Status.DRIFT, x));
            ValueText.dates(p.name(), q.unseen().keySet(), p.bins()).ifPresent(x -> f.add(Status.DRIFT, x));
            if (alike.isEmpty()) {
                // a case-only change has its own hint; a wholesale re-spelling (true -> yes) has this one
                Respelled.hint(p, q, novel, validRef, validToday).ifPresent(x -> f.add(Status.DRIFT, x));
            }
        } else if (rareValues) {
            Map.Entry<String, Long> top = q.unseen().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            double share = (double) top.getValue() / Math.max(1, validToday);
            double topP = share >= o.newMass() ? frequentNewValueP(top.getValue(), validRef, validToday) : 1.0;
            if (topP < alphaNew) {
                f.add(Status.DRIFT, String.format(Locale.ROOT, "a frequent new value: %s is %s of today's values "
                        + "(%d rows) and the reference never had it; a value the reference's %d values never had is "
                        + "that frequent with probability at most %s", dev.surprisal.data.profile.CellText.quote(top.getKey()) + ValueText.variantOf(
                        top.getKey(), p.bins()).map(r -> " (" + ValueText.variantWords(top.getKey(), r) + ")").orElse(""),
                        DriftText.pct(share), top.getValue(), validRef, DriftText.pValue(topP).substring(4)));
                ValueText.lookalikes(p.name(), List.of(top.getKey()), p.bins()).forEach(x -> f.add(Status.DRIFT, x));
            }
        }
        return new NewValues(newMass, newMassP);
    }

    /**
     * The note of a categorical column whose new values are not tracked.
     *
     * @param bins the reference's bins
     * @return "new values not tracked: over 1,048,576 categories", or the reason of an older baseline
     */
    static String untracked(CategoryBins bins) {
        return "new values not tracked: " + bins.otherValues().untracked();
    }

    /**
     * An upper bound on the probability that some value the reference never had appears at least
     * {@code c} times today: value i of probability πᵢ is unseen in n reference values with probability
     * (1 − πᵢ)ⁿ and reaches c of m today with P(Bin(m, πᵢ) ≥ c), so the expected number of such values is
     * Σᵢ πᵢ · (1 − πᵢ)ⁿ P(Bin(m, πᵢ) ≥ c)/πᵢ ≤ sup_π (1 − π)ⁿ P(Bin(m, π) ≥ c)/π (as Σ πᵢ ≤ 1), which bounds
     * the probability by Markov's inequality. The sup is taken on a fine logarithmic grid of π. It needs no
     * estimate of the unseen values' distribution, so it holds for any column; a value frequent today and
     * absent from the whole reference is a change even where most values are new every day.
     */
    static double frequentNewValueP(long c, long n, long m) {
        if (c <= 1 || m <= 0) {
            return 1.0;
        }
        int trials = (int) Math.min(Integer.MAX_VALUE, m);
        int atLeast = (int) Math.min(Integer.MAX_VALUE, c - 1);
        double lo = Math.log(0.1 / (n + m + 1));
        double best = 0;
        for (int k = 0; k <= FREQUENT_GRID; k++) {
            double pi = Math.exp(lo * (1 - (double) k / FREQUENT_GRID));
            if (pi >= 1) {
                continue;
            }
            double v = Math.exp(n * Math.log1p(-pi) - Math.log(pi))
                    * BinomialDistribution.of(trials, pi).survivalProbability(atLeast);
            best = Math.max(best, v);
        }
        return Math.min(1.0, best);
    }
}
