package dev.surprisal.drift;

import dev.surprisal.data.profile.ColumnKind;

import java.util.List;

/**
 * The drift of one column between a reference profile P and a current profile Q.
 *
 * @param name            column name
 * @param kind            column kind
 * @param status          verdict
 * @param reason          one sentence saying why
 * @param referenceRows   n (reference rows, missing included)
 * @param currentRows     m
 * @param klNats          KL(P‖Q) in nats, P the reference (smoothed)
 * @param reverseKlNats   KL(Q‖P) in nats: extra cost of coding today's values with the reference's code
 * @param psi             PSI = KL(P‖Q) + KL(Q‖P), nats
 * @param jsBits          Jensen–Shannon divergence, bits, in [0, 1]
 * @param hellinger       Hellinger distance in [0, 1]
 * @param totalVariation  total variation distance in [0, 1]
 * @param gTestPValue     G-test of homogeneity p-value on raw counts
 * @param chiSquaredPValue Pearson χ² homogeneity p-value on raw counts
 * @param ks              KS statistic from the sketches (NaN when not numeric or no sketch)
 * @param ksPValue        asymptotic KS p-value (NaN likewise)
 * @param wasserstein     W₁ from the sketches, in the column's unit (NaN likewise)
 * @param wassersteinNormalized W₁ / max(reference population std, 0.001); std from exact moments
 * @param missingRateReference missing share in P
 * @param missingRateCurrent   missing share in Q
 * @param newMass         share of today's non-missing values in bins the reference never saw
 * @param newMassPValue   binomial p-value of that share against its null rate
 * @param decisionValue   the value of the deciding measure
 * @param critical        its sample-size-aware critical value (χ² approximation)
 * @param degreesOfFreedom bins used − 1
 * @param bins            per-bin detail (labels, smoothed p and q, KL contributions), missing last
 */
public record ColumnDrift(String name, ColumnKind kind, Status status, String reason, long referenceRows,
                          long currentRows, double klNats, double reverseKlNats, double psi, double jsBits,
                          double hellinger, double totalVariation, double gTestPValue, double chiSquaredPValue,
                          double ks, double ksPValue, double wasserstein, double wassersteinNormalized,
                          double missingRateReference, double missingRateCurrent, double newMass,
                          double newMassPValue, double decisionValue, double critical, int degreesOfFreedom,
                          List<Bin> bins) {

    /** One bin: label, raw counts, smoothed probabilities and the KL(P‖Q) term pᵢ ln(pᵢ/qᵢ) in nats. */
    public record Bin(String label, long referenceCount, long currentCount, double p, double q, double klTerm,
                      boolean novel) {
    }

    /** KL(P‖Q) in bits. */
    public double klBits() {
        return klNats / Math.log(2);
    }

    /** KL(Q‖P) in bits. */
    public double reverseKlBits() {
        return reverseKlNats / Math.log(2);
    }

    /** Change in missing rate, current − reference. */
    public double missingRateChange() {
        return missingRateCurrent - missingRateReference;
    }

    /**
     * The bin contributing most to PSI, i.e. with the largest (qᵢ − pᵢ) ln(qᵢ/pᵢ) (both KL
     * directions: a bin today fills that the reference never saw counts too), or null.
     */
    public Bin topBin() {
        Bin best = null;
        double bestTerm = -1;
        for (Bin b : bins) {
            double t = (b.q() - b.p()) * Math.log(b.q() / b.p());
            if (t > bestTerm) {
                best = b;
                bestTerm = t;
            }
        }
        return best;
    }
}
