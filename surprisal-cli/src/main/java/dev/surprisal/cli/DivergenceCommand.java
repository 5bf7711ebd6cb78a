// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.core.ValidationException;
import dev.surprisal.core.Base;
import dev.surprisal.core.Validate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code surprisal divergence}: how far a distribution Q is from a reference P. The measures
 * themselves live in {@link DivergenceMeasure}; this class reads the options and reports.
 */
@Command(name = "divergence",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        header = "KL divergence and friends between two distributions P and Q.",
        description = {
                "How different two distributions are. P is the truth or reference, Q the model or",
                "the new batch. The default, KL(P||Q) = sum p log(p/q), is the extra cost per symbol",
                "of coding data from P with a code built for Q. It is not symmetric: KL(P||Q) and",
                "KL(Q||P) differ (--both shows the two). It is infinite when Q gives 0 to an outcome",
                "P can produce; --smoothing makes it finite and is reported in the output.",
                ""},
        footer = {"",
                "Examples:",
                "  surprisal divergence --p 0.5,0.5 --q 0.9,0.1 --base e      0.5108256237659907",
                "  surprisal divergence --p 0.5,0.5 --q 0.9,0.1 --base e --both",
                "  surprisal divergence --p 0.5,0.5 --q 0.9,0.1 --measure all",
                "  surprisal divergence --p 0.5,0.5 --q 0.9,0.1 --measure renyi:2",
                "  surprisal divergence --counts --p 120,30,0 --q 100,45,5 --smoothing laplace",
                "  surprisal divergence --p 0.5,0.5 --q 1,0 --smoothing epsilon=1e-6 --explain",
                "",
                "Measures: kl (default), js (Jensen-Shannon, symmetric, at most 1 bit),",
                "cross-entropy (H(P) + KL), hellinger and tv (distances in [0,1], no unit),",
                "renyi:ALPHA (order ALPHA > 0; 1 is KL), all."})
public final class DivergenceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @DataArgument
    @Option(names = "--p", required = true, arity = "1..*", paramLabel = "P",
            description = "The reference distribution P, separated by commas or spaces. Probabilities must sum"
                    + " to 1; a sum within 1e-3 of 1 (0.3333 0.3333 0.3333) is renormalised, with a note.")
    List<String> p;

    @DataArgument
    @Option(names = "--q", required = true, arity = "1..*", paramLabel = "Q",
            description = "The compared distribution Q, same length as P.")
    List<String> q;

    @Option(names = "--measure", paramLabel = "M", defaultValue = "kl",
            description = "kl, js, cross-entropy, hellinger, tv, renyi:ALPHA or all. Default: ${DEFAULT-VALUE}.")
    String measure;

    @Option(names = "--both", description = "Print both directions, KL(P||Q) and KL(Q||P), labelled.")
    boolean both;

    @Option(names = "--smoothing", paramLabel = "S", defaultValue = "none",
            description = "none, laplace (+1 per outcome), jeffreys (+0.5) or epsilon=E (+E to each probability),"
                    + " applied to P and Q alike. Default: ${DEFAULT-VALUE}.")
    String smoothing;

    @Option(names = "--counts", description = "P and Q are counts; they are normalised (after smoothing).")
    boolean asCounts;

    @Override
    public Integer call() {
        List<DivergenceMeasure> measures = parseMeasures();
        SmoothingOption smooth = SmoothingOption.parse(smoothing, spec.commandLine());
        NumberList pList = NumberList.parse("--p", p, spec.commandLine());
        NumberList qList = NumberList.parse("--q", q, spec.commandLine());
        double[] pv = pList.values();
        double[] qv = qList.values();
        pList.check("p", () -> Validate.nonNegativeFinite("p", pv));
        qList.check("q", () -> Validate.nonNegativeFinite("q", qv));
        Validate.sameLength("--p", pv.length, "--q", qv.length);
        Report report = Report.empty();
        double[] pn = pv;
        double[] qn = qv;
        if (!asCounts) {
            smooth.requireProbabilityCompatible(spec.commandLine());
            pn = pList.probabilities("p", report, spec.commandLine());
            qn = qList.probabilities("q", report, spec.commandLine());
        }
        double[] pIn = pn;
        double[] qIn = qn;
        double[] ps = pList.check("p", () -> smooth.apply("p", pIn, asCounts, spec.commandLine()));
        double[] qs = qList.check("q", () -> smooth.apply("q", qIn, asCounts, spec.commandLine()));
        Base base = common.base();

        for (DivergenceMeasure m : measures) {
            m.addTo(report, ps, qs, base, both);
        }
        if (smooth.applied()) {
            reportSmoothing(report, smooth, measures, pIn, qIn, base);
        }
        report.base(base).field("smoothing", smooth.toString()).field("input", asCounts ? "counts" : "probabilities");
        if (report.rows().size() == 1 || both) {
            report.field("direction", report.rows().get(0).label());
        }
        report.print(common, spec.commandLine().getOut(), spec.commandLine().getErr());
        return ExitCode.OK;
    }

    /**
     * Says that the values are of the smoothed distributions and, per value, when the unsmoothed
     * one is infinite: that value then measures the chosen smoothing, not the data.
     */
    private void reportSmoothing(Report report, SmoothingOption smooth, List<DivergenceMeasure> measures,
                                 double[] p, double[] q, Base base) {
        Report raw = Report.empty();
        for (DivergenceMeasure m : measures) {
            m.addTo(raw, normalised(p), normalised(q), base, both);
        }
        List<String> infinite = new ArrayList<>();
        for (int i = 0; i < raw.rows().size(); i++) {
            if (Double.isInfinite(raw.rows().get(i).value()) && Double.isFinite(report.rows().get(i).value())) {
                infinite.add(raw.rows().get(i).label());
            }
        }
        String s = "Smoothed with --smoothing " + smooth + ": " + smooth.describe() + " of P and Q, then renormalised, "
                + "before measuring"
                + (infinite.isEmpty() ? "." : "; without smoothing " + String.join(" and ", infinite)
                + (infinite.size() == 1 ? " is" : " are") + " infinite, so the finite value is set by the chosen "
                + "smoothing, not by the data.");
        report.note(s);
        report.sentence(s);
    }

    /** Counts as shares of their total (probabilities are left as they are: their total is 1). */
    private static double[] normalised(double[] v) {
        double sum = java.util.Arrays.stream(v).sum();
        return sum > 0 ? java.util.Arrays.stream(v).map(x -> x / sum).toArray() : v;
    }

    private List<DivergenceMeasure> parseMeasures() {
        String m = measure.trim().toLowerCase(Locale.ROOT);
        if (m.equals("all")) {
            List<DivergenceMeasure> all = new ArrayList<>(DivergenceMeasure.ALL);
            return all;
        }
        try {
            return List.of(DivergenceMeasure.parse(m));
        } catch (ValidationException e) {
            throw new ParameterException(spec.commandLine(), "--measure: " + e.getMessage());
        }
    }
}
