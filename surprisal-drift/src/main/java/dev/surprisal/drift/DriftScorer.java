package dev.surprisal.drift;

import dev.surprisal.core.ValidationException;

import dev.surprisal.data.profile.ColumnProfile;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.measures.Smoothing;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.datasketches.kll.KllDoublesSketch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scores a current {@link Profile} against a reference profile counted on the same frozen bins.
 *
 * <p>Per column the binned distribution has one more bin for missing values, so a surge of
 * missing values is drift like any other. Divergences are taken after the same smoothing of both
 * sides ({@link DriftOptions#smoothing()}). A column drifts when
 * <ol>
 *   <li>the deciding measure (PSI by default) is at least its warn band and beyond its
 *       sample-size-aware critical value at α / (2 · columns) — {@link Status#WARN}, or
 *       {@link Status#DRIFT} at the alert band; or</li>
 *   <li>"new mass" — today's share of non-missing values in bins the reference never saw (below
 *       or above its range, unseen categories) — is at least {@link DriftOptions#newMass()} and
 *       improbable under its null: for a numeric column the exact distribution of the number of
 *       values outside the reference's range under exchangeability ({@link RangeExceedance}), and
 *       for a categorical column a binomial with rate (others + 1)/(n + 1) for a
 *       categorical one (an upper bound on the Good–Turing unseen mass f₁/n, since singletons are
 *       among the categories outside the top K) — {@link Status#DRIFT}.</li>
 * </ol>
 * A column with no rows on either side is {@link Status#NOT_COMPUTABLE}, never an exception.
 */
public final class DriftScorer {
    private DriftScorer() {
    }

    /**
     * Scores every column of {@code reference} against {@code current}.
     *
     * @throws IllegalArgumentException if a column is missing from current or was counted on other bins
     */
    public static DriftReport compare(Profile reference, Profile current, DriftOptions options) {
        List<ColumnDrift> out = new ArrayList<>();
        int k = reference.columns().size();
        double alphaEach = options.alpha() / (2.0 * Math.max(1, k));
        for (ColumnProfile p : reference.columns()) {
            ColumnProfile q = current.column(p.name());
            if (!p.sameBins(q)) {
                throw new ValidationException("current: column '" + p.name()
                        + "' was not counted on the reference's bins; count it with ProfileBuilder.count(reference, ...)");
            }
            out.add(column(p, q, options, alphaEach));
        }
        return new DriftReport(out, options, reference.rows(), current.rows());
    }

    static ColumnDrift column(ColumnProfile p, ColumnProfile q, DriftOptions o, double alphaEach) {
        long[] pc = withMissing(p);
        long[] qc = withMissing(q);
        long n = p.rows();
        long m = q.rows();
        Smoothing s = o.smoothing();
        if (n == 0 || m == 0) {
            return notComputable(p, n, m, n == 0 ? "the reference has no rows" : "today has no rows");
        }
        BinnedDivergences d = BinnedDivergences.of(pc, qc, s);
        double[] ps = d.p();
        double[] qs = d.q();
        double[] terms = d.klContributions();
        List<ColumnDrift.Bin> bins = new ArrayList<>();
        long novel = 0;
        for (int i = 0; i < pc.length; i++) {
            boolean isMissing = i == pc.length - 1;
            boolean isNovel = !isMissing && p.isNovelBin(i);
            if (isNovel) {
                novel += qc[i];
            }
            bins.add(new ColumnDrift.Bin(isMissing ? "(missing)" : p.binLabel(i), pc[i], qc[i], ps[i], qs[i], terms[i],
                    isNovel));
        }
        double missRefRate = n == 0 ? 0 : (double) p.missing() / n;
        double missCurRate = m == 0 ? 0 : (double) q.missing() / m;
        long presentToday = m - q.missing();
        double newMass = presentToday == 0 ? 0 : (double) novel / presentToday;
        long presentRef = n - p.missing();
        double nullRate = p.kind().isNumeric() ? 2.0 / (presentRef + 1)
                : Math.min(1.0, (p.categoryBins().others().size() + 1.0) / (presentRef + 1));
        double newMassP;
        if (novel == 0 || presentToday == 0) {
            newMassP = 1.0;
        } else if (p.kind().isNumeric()) {
            newMassP = RangeExceedance.survival(novel, presentRef, presentToday);
        } else {
            newMassP = BinomialDistribution.of((int) Math.min(Integer.MAX_VALUE, presentToday), nullRate)
                    .survivalProbability((int) Math.min(Integer.MAX_VALUE, novel - 1));
        }
        double ks = Double.NaN;
        double ksP = Double.NaN;
        double w = Double.NaN;
        double wn = Double.NaN;
        KllDoublesSketch a = p.kind().isNumeric() ? p.sketch() : null;
        KllDoublesSketch b = q.kind().isNumeric() ? q.sketch() : null;
        if (a != null && b != null && !a.isEmpty() && !b.isEmpty()) {
            SketchDistances.Result r = SketchDistances.compare(a, b);
            ks = r.ks();
            ksP = r.ksPValue();
            w = r.wasserstein();
            wn = w / Math.max(p.moments().std(), 0.001);
        }
        double value = o.measure().of(d);
        double critical = o.measure().critical(alphaEach, d.degreesOfFreedom(), n, m);
        Status status;
        String reason;
        {
            boolean beyondNoise = value >= critical;
            boolean newValues = newMass >= o.newMass() && newMassP < alphaEach;
            String measure = o.measure().name();
            if (newValues) {
                status = Status.DRIFT;
                reason = String.format(Locale.ROOT, "%.2f%% of today's values fall where the reference had none "
                        + "(p = %.2g; expected share under no drift %.2g%%)", 100 * newMass, newMassP, 100 * nullRate);
            } else if (beyondNoise && value >= o.alert()) {
                status = Status.DRIFT;
                reason = String.format(Locale.ROOT, "%s %.3g >= alert band %.3g and beyond noise (critical %.3g)",
                        measure, value, o.alert(), critical);
            } else if (beyondNoise && value >= o.warn()) {
                status = Status.WARN;
                reason = String.format(Locale.ROOT, "%s %.3g >= warn band %.3g and beyond noise (critical %.3g)",
                        measure, value, o.warn(), critical);
            } else if (beyondNoise) {
                status = Status.OK;
                reason = String.format(Locale.ROOT, "%s %.3g is beyond noise (critical %.3g) but below the warn band "
                        + "%.3g: a real but small change", measure, value, critical, o.warn());
            } else {
                status = Status.OK;
                reason = String.format(Locale.ROOT, "%s %.3g is within sampling noise (critical %.3g at n=%d, m=%d)",
                        measure, value, critical, n, m);
            }
            if (p.rows() == p.missing()) {
                reason += "; the reference column is entirely missing, so only the missing rate is compared";
            }
        }
        return new ColumnDrift(p.name(), p.kind(), status, reason, n, m, d.klNats(), d.reverseKlNats(), d.psi(),
                d.jsBits(), d.hellinger(), d.totalVariation(), d.gTestPValue(), d.chiSquaredPValue(), ks, ksP, w, wn,
                missRefRate, missCurRate, newMass, newMassP, value, critical, d.degreesOfFreedom(), bins);
    }

    /** A column that cannot be scored: every value NaN, the reason stated. */
    private static ColumnDrift notComputable(ColumnProfile p, long n, long m, String reason) {
        double nan = Double.NaN;
        return new ColumnDrift(p.name(), p.kind(), Status.NOT_COMPUTABLE, reason, n, m, nan, nan, nan, nan, nan, nan,
                nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, 0, List.of());
    }

    /** The bin counts with the missing count appended. */
    private static long[] withMissing(ColumnProfile c) {
        long[] counts = c.counts();
        long[] out = java.util.Arrays.copyOf(counts, counts.length + 1);
        out[counts.length] = c.missing();
        return out;
    }
}
