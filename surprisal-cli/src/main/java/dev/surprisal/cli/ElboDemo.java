// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.variational.ElboTerms;
import dev.surprisal.variational.GaussianMixture1D;
import dev.surprisal.variational.GaussianMixtureCavi;
import dev.surprisal.variational.KlDirectionFit;
import dev.surprisal.variational.LinearGaussianModel;
import dev.surprisal.variational.MultivariateGaussian;
import java.io.PrintWriter;
import java.util.List;
import java.util.SplittableRandom;
import java.util.Locale;

/**
 * The three ELBO demonstrations printed by {@code surprisal elbo demo} and (the first) by the
 * tour: the exact-evidence gap, CAVI climbing its ELBO, and forward versus reverse KL. Every
 * number is computed live; all are in nats.
 */
public final class ElboDemo {
    /** A 4-D observation explained by a 2-D latent code: x = W z + b + noise. */
    static final LinearGaussianModel MODEL = LinearGaussianModel.of(
            new double[][] {{1.0, 0.5}, {-0.3, 2.0}, {0.7, -1.1}, {0.2, 0.4}}, new double[] {0.5, -1, 0, 2}, 0.3);
    static final double[] X = {1.2, 0.4, -0.9, 2.5};
    /** The bimodal target of the KL-direction demo: ½N(−3, 1) + ½N(3, 1). */
    public static final GaussianMixture1D BIMODAL = GaussianMixture1D.of(
            new double[] {0.5, 0.5}, new double[] {-3, 3}, new double[] {1, 1});

    private ElboDemo() {
    }

    /**
     * One choice of q in the exact-gap demo.
     *
     * @param q               which q: the prior, the mean-field fit, the true posterior
     * @param terms           reconstruction, KL(q‖prior) and ELBO, nats
     * @param klToPosterior   KL(q‖p(z|x)) = log p(x) − ELBO, nats
     */
    public record GapRow(String q, ElboTerms terms, double klToPosterior) {
    }

    /**
     * The exact-gap demo: log p(x) and three choices of q.
     *
     * @param logEvidence log p(x), exact, nats
     * @param rows        the prior, the mean-field fit and the true posterior
     */
    public record ExactGap(double logEvidence, List<GapRow> rows) {
    }

    /**
     * CAVI's run.
     *
     * @param seed       the data's seed
     * @param elboTrace  the ELBO after each iteration, nats
     * @param means      the posterior means of the cluster centres, sorted
     */
    public record Cavi(long seed, double[] elboTrace, double[] means) {
    }

    /**
     * log p(x) = ELBO(q) + KL(q‖p(z|x)) for three choices of q, in a model where log p(x) is exact.
     *
     * @return the exact log-evidence and, with q the prior, a mean-field fit and the true posterior, the
     *         ELBO terms and KL(q‖p(z|x)), in nats
     */
    public static ExactGap exactGap() {
        MultivariateGaussian post = MODEL.posterior(X);
        double[][] pc = post.covariance();
        MultivariateGaussian meanField = MultivariateGaussian.diagonal(post.mean(),
                new double[] {1 / inverse(pc)[0][0], 1 / inverse(pc)[1][1]});
        return new ExactGap(MODEL.logEvidence(X), List.of(
                new GapRow("prior N(0, I)", MODEL.elbo(X, MODEL.prior()), MODEL.klToPosterior(X, MODEL.prior())),
                new GapRow("mean-field (diagonal)", MODEL.elbo(X, meanField), MODEL.klToPosterior(X, meanField)),
                new GapRow("true posterior", MODEL.elbo(X, post), MODEL.klToPosterior(X, post))));
    }

    /**
     * Computes and prints the exact-gap demo.
     *
     * @param out where to print
     */
    public static void exactGap(PrintWriter out) {
        print(out, exactGap());
    }

    /**
     * Prints the exact-gap demo.
     *
     * @param out where to print
     * @param g   the demo's numbers
     */
    public static void print(PrintWriter out, ExactGap g) {
        out.println("Model: z ~ N(0, I) in 2-D, x = W z + b + noise (sigma^2 = 0.3) in 4-D. Because it is");
        out.println("linear and Gaussian, the evidence log p(x) is known exactly, so the ELBO's gap can be seen.");
        out.printf("  log p(x) = %s nats (exact)%n%n", Explanations.num(g.logEvidence()));
        out.println("  q(z)                      reconstruction   KL(q||prior)      ELBO   KL(q||posterior)");
        for (GapRow r : g.rows()) {
            row(out, r.q(), r.terms(), r.klToPosterior());
        }
        out.println();
        out.println("  ELBO = reconstruction - KL(q||prior), and log p(x) - ELBO = KL(q||posterior) exactly:");
        out.println("  the ELBO is a lower bound that touches log p(x) only when q is the true posterior.");
        out.println("  A VAE cannot compute log p(x); it maximises the ELBO, which pushes q towards the posterior.");
    }

    private static void row(PrintWriter out, String name, ElboTerms t, double gap) {
        out.printf(Locale.ROOT, "  %-24s %14.4f %14.4f %9.4f %18.4f%n", name, t.reconstruction(), t.kl(), t.elbo(), gap);
    }

    private static double[][] inverse(double[][] a) {
        double det = a[0][0] * a[1][1] - a[0][1] * a[1][0];
        return new double[][] {{a[1][1] / det, -a[0][1] / det}, {-a[1][0] / det, a[0][0] / det}};
    }

    /**
     * CAVI on 300 points from three unit-variance clusters.
     *
     * @param seed the seed of the 300 points
     * @return the ELBO after each CAVI iteration, in nats, and the fitted means
     */
    public static Cavi cavi(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] centres = {-4, 0.5, 5};
        double[] x = new double[300];
        for (int i = 0; i < x.length; i++) {
            double u = 1 - rng.nextDouble();
            x[i] = centres[i % 3] + Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
        }
        GaussianMixtureCavi.Result r = GaussianMixtureCavi.of(3, 10).withSeed(seed).fit(x);
        double[] m = r.means().clone();
        java.util.Arrays.sort(m);
        return new Cavi(seed, r.elboTrace(), m);
    }

    /**
     * CAVI on 300 points from three unit-variance clusters; prints the ELBO climbing.
     *
     * @param out  where to print
     * @param seed the seed of the 300 points
     */
    public static void cavi(PrintWriter out, long seed) {
        print(out, cavi(seed));
    }

    /**
     * Prints CAVI's run.
     *
     * @param out where to print
     * @param c   the run
     */
    public static void print(PrintWriter out, Cavi c) {
        double[] trace = c.elboTrace();
        out.println("Bayesian mixture of 3 unit-variance Gaussians (Blei et al. 2017), 300 points drawn around");
        out.println("-4, 0.5 and 5 (seed " + c.seed() + "). Coordinate ascent updates one factor of q at a time;");
        out.println("each update maximises the ELBO in that factor, so the ELBO can only go up:");
        StringBuilder sb = new StringBuilder("  ELBO by iteration:");
        for (int i = 0; i < Math.min(6, trace.length); i++) {
            sb.append(String.format(Locale.ROOT, " %.2f", trace[i]));
        }
        if (trace.length > 6) {
            sb.append(String.format(Locale.ROOT, " ... %.2f (%d iterations)", trace[trace.length - 1], trace.length));
        }
        out.println(sb);
        double[] m = c.means();
        out.printf(Locale.ROOT, "  posterior means of the cluster centres: %.3f, %.3f, %.3f%n", m[0], m[1], m[2]);
    }

    /**
     * Fits one Gaussian to ½N(−3,1)+½N(3,1) both ways: the forward fit, then the reverse one.
     *
     * @return the forward (mass-covering) fit, then the reverse (mode-seeking) one
     */
    public static KlDirectionFit.Fit[] klDirections() {
        return new KlDirectionFit.Fit[] {KlDirectionFit.forward(BIMODAL), KlDirectionFit.reverse(BIMODAL)};
    }

    /**
     * Fits one Gaussian to ½N(−3,1)+½N(3,1) both ways, and prints the fits.
     *
     * @param out where to print
     * @return the forward fit, then the reverse one
     */
    public static KlDirectionFit.Fit[] klDirections(PrintWriter out) {
        KlDirectionFit.Fit[] fits = klDirections();
        print(out, fits);
        return fits;
    }

    /**
     * Prints the forward and reverse fits.
     *
     * @param out  where to print
     * @param fits the forward fit, then the reverse one
     */
    public static void print(PrintWriter out, KlDirectionFit.Fit[] fits) {
        KlDirectionFit.Fit fwd = fits[0];
        KlDirectionFit.Fit rev = fits[1];
        out.println("Target p = 0.5 N(-3, 1) + 0.5 N(3, 1): two modes. Fit one Gaussian q to it both ways:");
        out.printf(Locale.ROOT, "  forward, min KL(p||q): q = N(%.3f, %.3f^2)   KL(p||q) = %.4f   KL(q||p) = %.4f nats%n",
                fwd.mean(), fwd.sd(), fwd.forwardKl(), fwd.reverseKl());
        out.printf(Locale.ROOT, "  reverse, min KL(q||p): q = N(%.3f, %.3f^2)   KL(p||q) = %.4f   KL(q||p) = %.4f nats%n",
                rev.mean(), rev.sd(), rev.forwardKl(), rev.reverseKl());
        out.println("  Forward KL punishes q for missing any mass of p, so q spreads over both modes and sits");
        out.println("  between them, where p has almost nothing. Reverse KL punishes q for putting mass where p");
        out.println("  has none, so q locks onto one mode (costing about log 2 = 0.693 nats for the other).");
        out.println("  Variational inference and VAEs minimise the reverse direction: they under-cover.");
    }
}
