// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.core.ValidationException;

import dev.surprisal.core.Base;
import dev.surprisal.counts.ContingencyTable;
import dev.surprisal.counts.Counts;
import dev.surprisal.inference.GTest;
import dev.surprisal.inference.PearsonChiSquaredTest;
import dev.surprisal.measures.Hellinger;
import dev.surprisal.measures.JensenShannon;
import dev.surprisal.measures.KullbackLeibler;
import dev.surprisal.measures.Smoothing;
import dev.surprisal.measures.TotalVariation;

/**
 * Divergences between a reference histogram P and a current histogram Q over the same frozen
 * bins, after the same {@link Smoothing} of both (Jeffreys, +½ per bin, by default) over the bins
 * used by either side: a bin empty on both sides carries no evidence of change, so it is left out
 * of every measure (its shares are 0) and of the degrees of freedom, as the χ² null leaves it out.
 * Smoothing it would put ½/(m + B/2) of a small day's mass there against a large reference's
 * ½/(n + B/2), a PSI of about 0.06 a bin at m = 50 that no change caused.
 * <ul>
 *   <li>KL(P‖Q), the reference first,</li>
 *   <li>KL(Q‖P), PSI = KL(P‖Q) + KL(Q‖P) (Yurdakul, 2018, "Statistical properties of population
 *       stability index"),</li>
 *   <li>the Jensen–Shannon divergence in bits (in [0, 1]), Hellinger (in [0, 1]), total variation;</li>
 *   <li>G-test and Pearson χ² p-values of homogeneity on the raw 2 × B table.</li>
 * </ul>
 * KL(P‖Q) = Σ pᵢ ln(pᵢ/qᵢ) is the expected extra code length per reference value when it is coded
 * with a code built for today's data Q; KL(Q‖P) is the extra cost of coding today's values with the
 * reference's code. Both are reported in nats; {@link #klBits()} converts.
 *
 * <p>The divergence classes of {@code dev.surprisal.measures} do the arithmetic; this class only
 * fixes the conventions.
 */
public final class BinnedDivergences {
    private final double[] p;
    private final double[] q;
    private final double klPQ;
    private final double klQP;
    private final double js;
    private final double hellinger;
    private final double tv;
    private final double gPValue;
    private final double chi2PValue;
    private final int degreesOfFreedom;

    private BinnedDivergences(double[] p, double[] q, double klPQ, double klQP, double js, double hellinger, double tv,
                              double gPValue, double chi2PValue, int df) {
        this.p = p;
        this.q = q;
        this.klPQ = klPQ;
        this.klQP = klQP;
        this.js = js;
        this.hellinger = hellinger;
        this.tv = tv;
        this.gPValue = gPValue;
        this.chi2PValue = chi2PValue;
        this.degreesOfFreedom = df;
    }

    /**
     * The divergences of two count vectors over the same bins.
     *
     * @param reference the reference's count per bin
     * @param current the current day's count per bin, same bins
     * @param smoothing applied to both sides alike
     * @return every binned measure of the two
     * @throws IllegalArgumentException if the lengths differ, a count is negative, or a side is
     *                                  empty and {@code smoothing} is none
     */
    public static BinnedDivergences of(long[] reference, long[] current, Smoothing smoothing) {
        if (reference.length != current.length) {
            throw new ValidationException("current: length " + current.length + " differs from reference length "
                    + reference.length);
        }
        // A bin empty on both sides carries no evidence of change: smoothing it would put about ½/(m + B/2)
        // of today's mass there against ½/(n + B/2) of the reference's, a divergence set by the sizes alone
        // (PSI 0.06 a bin at m = 50, n = 35000) that the χ² null, counting only bins used, does not expect.
        boolean[] used = new boolean[reference.length];
        int nonEmpty = 0;
        for (int i = 0; i < reference.length; i++) {
            used[i] = reference[i] + current[i] > 0;
            nonEmpty += used[i] ? 1 : 0;
        }
        if (nonEmpty == 0) { // both sides empty: nothing moved
            double[] none = new double[reference.length];
            return new BinnedDivergences(none, none.clone(), 0, 0, 0, 0, 0, 1.0, 1.0, 0);
        }
        double[] pu = smoothing.apply(Counts.of(onlyUsed(reference, used, nonEmpty)));
        double[] qu = smoothing.apply(Counts.of(onlyUsed(current, used, nonEmpty)));
        double klPQ = KullbackLeibler.divergence(pu, qu, Base.NATS);
        double klQP = KullbackLeibler.divergence(qu, pu, Base.NATS);
        double js = JensenShannon.divergence(pu, qu, Base.BITS);
        double h = Hellinger.distance(pu, qu);
        double tv = TotalVariation.distance(pu, qu);
        double[] p = backToAllBins(pu, used);
        double[] q = backToAllBins(qu, used);
        double g = 1.0;
        double c2 = 1.0;
        if (nonEmpty >= 2 && sum(reference) > 0 && sum(current) > 0) {
            ContingencyTable t = ContingencyTable.of(new long[][] {reference, current});
            g = GTest.independence(t).pValue();
            c2 = PearsonChiSquaredTest.independence(t).pValue();
        }
        return new BinnedDivergences(p, q, klPQ, klQP, js, h, tv, g, c2, Math.max(0, nonEmpty - 1));
    }

    private static long[] onlyUsed(long[] counts, boolean[] used, int k) {
        long[] out = new long[k];
        int j = 0;
        for (int i = 0; i < counts.length; i++) {
            if (used[i]) {
                out[j++] = counts[i];
            }
        }
        return out;
    }

    /** The shares of the used bins in place, 0 in the bins empty on both sides. */
    private static double[] backToAllBins(double[] shares, boolean[] used) {
        double[] out = new double[used.length];
        int j = 0;
        for (int i = 0; i < used.length; i++) {
            if (used[i]) {
                out[i] = shares[j++];
            }
        }
        return out;
    }

    private static long sum(long[] a) {
        long s = 0;
        for (long v : a) {
            s += v;
        }
        return s;
    }

    /**
     * The smoothed reference distribution (a copy).
     *
     * @return a copy of the smoothed reference distribution P
     */
    public double[] p() {
        return p.clone();
    }

    /**
     * The smoothed current distribution (a copy).
     *
     * @return a copy of the smoothed current distribution Q
     */
    public double[] q() {
        return q.clone();
    }

    /**
     * KL(P‖Q) in nats, P the reference.
     *
     * @return KL(P‖Q) in nats
     */
    public double klNats() {
        return klPQ;
    }

    /**
     * KL(P‖Q) in bits.
     *
     * @return KL(P‖Q) in bits
     */
    public double klBits() {
        return Base.BITS.fromNats(klPQ);
    }

    /**
     * KL(Q‖P) in nats: the extra cost of coding today's data with the reference's code.
     *
     * @return KL(Q‖P) in nats
     */
    public double reverseKlNats() {
        return klQP;
    }

    /**
     * PSI = KL(P‖Q) + KL(Q‖P) = Σ (qᵢ − pᵢ) ln(qᵢ/pᵢ), in nats.
     *
     * @return PSI in nats
     */
    public double psi() {
        return klPQ + klQP;
    }

    /**
     * Jensen–Shannon divergence in bits, in [0, 1].
     *
     * @return JS in bits, in [0, 1]
     */
    public double jsBits() {
        return js;
    }

    /**
     * Jensen–Shannon distance √JS (bits), scipy's {@code jensenshannon(p, q, base=2)}.
     *
     * @return √JS (bits), in [0, 1]
     */
    public double jsDistance() {
        return Math.sqrt(js);
    }

    /**
     * Hellinger distance √(½ Σ (√pᵢ − √qᵢ)²), in [0, 1].
     *
     * @return the Hellinger distance, dimensionless, in [0, 1]
     */
    public double hellinger() {
        return hellinger;
    }

    /**
     * Total variation ½ Σ |pᵢ − qᵢ|.
     *
     * @return the total variation, dimensionless, in [0, 1]
     */
    public double totalVariation() {
        return tv;
    }

    /**
     * G-test of homogeneity p-value on the raw counts (1 when fewer than 2 bins are used).
     *
     * @return the G-test p-value
     */
    public double gTestPValue() {
        return gPValue;
    }

    /**
     * Pearson χ² homogeneity p-value on the raw counts.
     *
     * @return the Pearson χ² p-value
     */
    public double chiSquaredPValue() {
        return chi2PValue;
    }

    /**
     * Bins used by either side, minus one: the degrees of freedom of the χ² null.
     *
     * @return the degrees of freedom, ≥ 0
     */
    public int degreesOfFreedom() {
        return degreesOfFreedom;
    }

    /**
     * Per-bin terms pᵢ ln(pᵢ/qᵢ) of KL(P‖Q) in nats; they sum to {@link #klNats()}.
     *
     * @return the terms pᵢ ln(pᵢ/qᵢ) in nats, one per bin
     */
    public double[] klContributions() {
        return KullbackLeibler.contributions(p, q);
    }
}
