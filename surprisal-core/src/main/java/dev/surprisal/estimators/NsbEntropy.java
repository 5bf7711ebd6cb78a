package dev.surprisal.estimators;

import dev.surprisal.core.Base;
import dev.surprisal.counts.ContingencyTable;
import dev.surprisal.counts.Counts;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * The NSB (Nemenman–Shafee–Bialek) estimator: the posterior mean of the entropy under a mixture
 * of symmetric Dirichlet priors Dir(β, …, β) over K categories, mixed so that the prior on the
 * entropy is nearly flat. The mixing density is dξ/dβ with ξ(β) = E[H | β] = ψ(Kβ+1) − ψ(β+1), so
 * <pre>
 *   Ĥ_NSB = ∫ E[H | n, β] p(n | β) ξ'(β) dβ  /  ∫ p(n | β) ξ'(β) dβ      (nats)
 *   E[H | n, β] = ψ(N + Kβ + 1) − Σ_i (n_i + β)/(N + Kβ) · ψ(n_i + β + 1)
 *   p(n | β)    = Γ(Kβ)/Γ(N + Kβ) · Π_i Γ(n_i + β)/Γ(β)
 * </pre>
 * The integral is taken over u = ln β: a scan on a grid of step 0.05 spanning
 * [−ln K − 40, ln N + 40] locates the posterior mode (refined by golden-section search), the range
 * where the log-weight is within 60 of its maximum is kept, and adaptive Simpson quadrature runs on
 * every grid panel with the mode as a panel edge, all weights scaled by exp(−max) (log-sum-exp), so
 * nothing under- or overflows. The posterior standard deviation uses the second moment of H under
 * a Dirichlet posterior (Wolpert, D. H. and Wolf, D. R. (1995) "Estimating functions of probability
 * distributions from a finite set of samples", Physical Review E 52).
 *
 * <p><b>Alphabet size.</b> NSB needs K, the number of possible categories. By default
 * ({@link #INSTANCE}) K = {@code counts.size()}, zero-count slots included; {@link #withAlphabetSize}
 * fixes K explicitly (it must be at least the number of observed categories).
 * {@link #mutualInformation} always uses the table's shape (rows, columns, rows × columns) as the
 * three alphabets, since one explicit K cannot fit all three.
 *
 * <p>Reference: Nemenman, I., Shafee, F. and Bialek, W. (2002) "Entropy and inference, revisited",
 * Advances in Neural Information Processing Systems 14; Nemenman, I., Bialek, W. and de Ruyter van
 * Steveninck, R. (2004) "Entropy and information in neural spike trains: progress on the sampling
 * problem", Physical Review E 69.
 */
public final class NsbEntropy implements EntropyEstimator {
    /** NSB with K = {@code counts.size()}. */
    public static final NsbEntropy INSTANCE = new NsbEntropy(0);

    private static final double GRID_STEP = 0.05;
    private static final double RANGE_PAD = 40.0;
    private static final double LOG_WEIGHT_DROP = 60.0;
    private static final double TOLERANCE = 1e-11;
    private static final int MAX_DEPTH = 30;

    /** 0 means "use counts.size()". */
    private final long alphabetSize;

    private NsbEntropy(long alphabetSize) {
        this.alphabetSize = alphabetSize;
    }

    /**
     * NSB over an explicit alphabet of {@code k} categories.
     *
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public static NsbEntropy withAlphabetSize(long k) {
        if (k < 1) {
            throw new IllegalArgumentException("alphabetSize: must be >= 1, got " + k);
        }
        return new NsbEntropy(k);
    }

    /** The explicit alphabet size, or empty when K is taken from {@code counts.size()}. */
    public OptionalLong alphabetSize() {
        return alphabetSize == 0 ? OptionalLong.empty() : OptionalLong.of(alphabetSize);
    }

    /** The posterior mean and standard deviation of the entropy, both in the unit of {@code base}. */
    public record Posterior(double mean, double standardDeviation, Base base) {
    }

    /**
     * The NSB posterior mean of the entropy.
     *
     * @throws IllegalArgumentException if an argument is null, or the explicit alphabet size is
     *                                  smaller than the number of observed categories
     */
    @Override
    public double entropy(Counts counts, Base base) {
        return posterior(counts, base).mean();
    }

    /**
     * The NSB posterior mean and standard deviation of the entropy.
     *
     * @throws IllegalArgumentException as {@link #entropy}
     */
    public Posterior posterior(Counts counts, Base base) {
        Checks.arguments(counts, base);
        CountProfile profile = CountProfile.of(counts);
        long k = alphabetSize == 0 ? counts.size() : alphabetSize;
        if (k < profile.observed) {
            throw new IllegalArgumentException("alphabetSize: " + k + " is smaller than the "
                    + profile.observed + " categories observed in counts");
        }
        if (k == 1) {
            return new Posterior(0.0, 0.0, base);
        }
        double[] m = integrate(new NsbIntegrand(profile, k));
        double variance = Math.max(0.0, m[1] - m[0] * m[0]);
        return new Posterior(base.fromNats(m[0]), base.fromNats(Math.sqrt(variance)), base);
    }

    /** I(X;Y) with NSB entropies over alphabets of rows, columns and rows × columns (not clipped). */
    @Override
    public double mutualInformation(ContingencyTable table, Base base) {
        return INSTANCE.defaultMutualInformation(table, base);
    }

    private double defaultMutualInformation(ContingencyTable table, Base base) {
        return EntropyEstimator.super.mutualInformation(table, base);
    }

    /** {E[H], E[H²]} in nats under the NSB posterior. */
    static double[] integrate(NsbIntegrand f) {
        double lo = -Math.log(f.alphabetSize()) - RANGE_PAD;
        double hi = Math.log(Math.max(1.0, f.total())) + RANGE_PAD;
        int points = (int) Math.ceil((hi - lo) / GRID_STEP) + 1;
        double[] grid = new double[points];
        double[] logW = new double[points];
        int best = 0;
        for (int i = 0; i < points; i++) {
            grid[i] = lo + i * GRID_STEP;
            logW[i] = f.logWeight(grid[i]);
            if (logW[i] > logW[best] || Double.isNaN(logW[best])) {
                best = i;
            }
        }
        double mode = refineMode(f, grid[Math.max(0, best - 1)], grid[Math.min(points - 1, best + 1)]);
        double max = Math.max(logW[best], f.logWeight(mode));
        int first = best;
        while (first > 0 && logW[first] > max - LOG_WEIGHT_DROP) {
            first--;
        }
        int last = best;
        while (last < points - 1 && logW[last] > max - LOG_WEIGHT_DROP) {
            last++;
        }
        // Panels: the grid cells kept, with the mode as an extra edge so no quadrature steps over it.
        double[] edges = new double[last - first + 2];
        int e = 0;
        for (int i = first; i <= last; i++) {
            if (i > first && mode > grid[i - 1] && mode < grid[i]) {
                edges[e++] = mode;
            }
            edges[e++] = grid[i];
        }
        double[] total = new Simpson(f, max).integrate(Arrays.copyOf(edges, e));
        if (!(total[0] > 0) || !Double.isFinite(total[1]) || !Double.isFinite(total[2])) {
            throw new IllegalStateException("NSB integral failed: weight " + total[0]);
        }
        return new double[] {total[1] / total[0], total[2] / total[0]};
    }

    /** Golden-section search for the maximum of the log-weight on [a, b]. */
    private static double refineMode(NsbIntegrand f, double a, double b) {
        final double r = 0.5 * (Math.sqrt(5.0) - 1.0);
        double c = b - r * (b - a);
        double d = a + r * (b - a);
        double fc = f.logWeight(c);
        double fd = f.logWeight(d);
        for (int it = 0; it < 80 && b - a > 1e-12; it++) {
            if (fc > fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - r * (b - a);
                fc = f.logWeight(c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + r * (b - a);
                fd = f.logWeight(d);
            }
        }
        return 0.5 * (a + b);
    }

    /** Adaptive Simpson on (w, w·E[H|β], w·E[H²|β]) with w = exp(logWeight − max). */
    private static final class Simpson {
        private final NsbIntegrand f;
        private final double max;

        Simpson(NsbIntegrand f, double max) {
            this.f = f;
            this.max = max;
        }

        private double[] eval(double u) {
            double w = Math.exp(f.logWeight(u) - max);
            if (w == 0.0) {
                return new double[3];
            }
            double[] m = f.moments(u);
            return new double[] {w, w * m[0], w * m[1]};
        }

        /** Two passes: plain Simpson on every panel gives the scale, then each panel is refined. */
        double[] integrate(double[] edges) {
            int panels = edges.length - 1;
            double[][] fa = new double[panels + 1][];
            double[][] mid = new double[panels][];
            double[][] whole = new double[panels][];
            double crude = 0.0;
            for (int i = 0; i <= panels; i++) {
                fa[i] = eval(edges[i]);
            }
            for (int i = 0; i < panels; i++) {
                mid[i] = eval(0.5 * (edges[i] + edges[i + 1]));
                whole[i] = rule(edges[i], edges[i + 1], fa[i], mid[i], fa[i + 1]);
                crude += whole[i][0];
            }
            double scale = Math.max(1.0, Math.log(f.alphabetSize()));
            double tol = TOLERANCE * crude / Math.max(1, panels);
            // Rounding in the log-weight (~1e-12 relative) sets a floor below which halving the step only
            // chases noise; 1e-13 of the total per sub-interval keeps the recursion finite and cheap.
            double floor = 1e-13 * crude;
            double[] total = new double[3];
            for (int i = 0; i < panels; i++) {
                double[] s = recurse(edges[i], edges[i + 1], fa[i], mid[i], fa[i + 1], whole[i],
                        tol, floor, scale, 0);
                for (int j = 0; j < 3; j++) {
                    total[j] += s[j];
                }
            }
            return total;
        }

        private static double[] rule(double a, double b, double[] fa, double[] fc, double[] fb) {
            double h = (b - a) / 6.0;
            return new double[] {h * (fa[0] + 4 * fc[0] + fb[0]), h * (fa[1] + 4 * fc[1] + fb[1]),
                h * (fa[2] + 4 * fc[2] + fb[2])};
        }

        private double[] recurse(double a, double b, double[] fa, double[] fc, double[] fb,
                                 double[] whole, double tol, double floor, double scale, int depth) {
            double c = 0.5 * (a + b);
            double[] fd = eval(0.5 * (a + c));
            double[] fe = eval(0.5 * (c + b));
            double[] left = rule(a, c, fa, fd, fc);
            double[] right = rule(c, b, fc, fe, fb);
            double err0 = Math.abs(left[0] + right[0] - whole[0]);
            double err1 = Math.abs(left[1] + right[1] - whole[1]) / scale;
            if (depth >= MAX_DEPTH || Math.max(err0, err1) <= 15 * Math.max(tol, floor)) {
                double[] out = new double[3];
                for (int i = 0; i < 3; i++) {
                    double sum = left[i] + right[i];
                    out[i] = sum + (sum - whole[i]) / 15.0; // Richardson extrapolation
                }
                return out;
            }
            double[] l = recurse(a, c, fa, fd, fc, left, tol / 2, floor, scale, depth + 1);
            double[] r = recurse(c, b, fc, fe, fb, right, tol / 2, floor, scale, depth + 1);
            return new double[] {l[0] + r[0], l[1] + r[1], l[2] + r[2]};
        }
    }

    @Override
    public String name() {
        return "nsb";
    }

    @Override
    public String toString() {
        return alphabetSize == 0 ? name() : name() + "(K=" + alphabetSize + ")";
    }
}
