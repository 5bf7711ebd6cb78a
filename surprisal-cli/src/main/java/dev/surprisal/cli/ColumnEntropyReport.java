// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.core.Base;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.mi.ColumnEntropy;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.estimators.EntropyEstimator;
import dev.surprisal.inference.Bootstrap;
import dev.surprisal.inference.EntropyInterval;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code entropy --data F --column C}: renders {@link ColumnEntropy}, what the column's role calls for.
 * Discrete, text, id-like and timestamp columns: the counts of their values and their entropy by the
 * estimator (the library's, {@link ColumnEntropy.Counted#value()}). A continuous column: the differential entropy (Vasicek), labelled as such; with
 * {@code --bins N}, the Shannon entropy of N equal-width bins, labelled with the binning.
 */
final class ColumnEntropyReport {
    /**
     * Either counts (discrete) or a finished report (continuous), with notes about the role and the library's
     * date-order warning of the column.
     */
    record Result(ColumnEntropy.Counted counted, Report report, String role, List<String> notes,
                  List<dev.surprisal.data.profile.DateOrderWarning> warnings) {
    }

    /**
     * The command line's names of {@link ColumnEntropy}'s settings: {@code --bins}, {@code --role COL=ROLE},
     * {@code --estimator}.
     */
    static final ColumnEntropy.Words OPTIONS = new ColumnEntropy.Words() {
        @Override
        public String bins() {
            return "--bins";
        }

        @Override
        public String someBins() {
            return "--bins N";
        }

        @Override
        public String role(String column, dev.surprisal.core.ColumnRole role) {
            return dev.surprisal.data.mi.MiTable.roleHint(column, "=" + role.label());
        }

        @Override
        public String estimator() {
            return "--estimator";
        }
    };

    private ColumnEntropyReport() {
    }

    /**
     * Runs {@code work} (a column's entropy by any engine), its refusals ({@link ColumnEntropy.Refusal}, also when an
     * engine wraps one) worded in the command line's options.
     */
    static <T> T inOptions(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (dev.surprisal.data.DataException e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof ColumnEntropy.Refusal r) {
                    throw new dev.surprisal.data.DataException(null, r.message(e.getMessage(), OPTIONS));
                }
            }
            throw e;
        }
    }

    /**
     * @param estimator  the estimator of counts as given (null: none given, plug-in where counts are measured)
     * @param replicates the bootstrap's resamples, 0 for no interval
     * @param seed       the bootstrap's seed
     * @param normalize  whether label variants count as one ({@code --normalize-labels})
     */
    static Result of(TableReader reader, String column, RoleOverrides overrides, Integer bins, Base base,
                     EntropyEstimator estimator, int replicates, long seed, boolean normalize) {
        return of(inOptions(() -> ColumnEntropy.of(reader, column, overrides, bins, estimator, base, replicates,
                seed, normalize)), base);
    }

    /**
     * Renders the library's interval of {@code res} when one was asked for: a line after {@code plain} (the text
     * answer), {@code ci_lower}, {@code ci_upper}, {@code ci_level}, {@code ci_method}, {@code bootstrap} and
     * {@code seed} in JSON, and a sentence for --explain; where the library withholds it, the line and the JSON
     * say why instead of giving a "95%" that is not.
     */
    static void interval(Report r, List<String> plain, ColumnEntropy.Result res, Base base) {
        EntropyInterval iv = res.interval();
        if (iv == null) {
            return;
        }
        String column = res.role().column();
        List<String> lines = new java.util.ArrayList<>(plain);
        if (iv.shown()) {
            Bootstrap.Interval ci = iv.interval();
            String how = String.format(java.util.Locale.ROOT, "%s bootstrap, %,d resamples", iv.method(),
                    ci.replicates());
            lines.add(String.format(java.util.Locale.ROOT, "%.0f%% CI\t[%s, %s]\t%s (%s)", 100 * ci.level(),
                    Report.format(ci.lower()), Report.format(ci.upper()), base.unit(), how));
            r.field("ci_lower", ci.lower()).field("ci_upper", ci.upper()).field("ci_level", ci.level())
                    .field("ci_method", iv.method()).field("bootstrap", (long) ci.replicates()).field("seed", ci.seed());
            // a continuous column's values are resampled (into the sample's bins with --bins), a discrete one's rows
            String of = res instanceof ColumnEntropy.Binned b ? column + "'s " + b.bins() + "-bin entropy"
                    : "the entropy of " + column + "'s source";
            r.sentence(String.format(java.util.Locale.ROOT, "A %.0f%% confidence interval for %s is %s to %s %s (%s"
                    + " of its %s, seed %d; in simulation such intervals held the true value about %s of the time).",
                    100 * ci.level(), of,
                    Explanations.num(ci.lower()), Explanations.num(ci.upper()), base.unit(), how,
                    res instanceof ColumnEntropy.Counted ? "rows" : "values", ci.seed(),
                    EntropyInterval.coverage(res.estimator())));
        } else {
            lines.add("95% CI\tnot shown: " + iv.withheld());
            r.field("ci_lower", Double.NaN, iv.withheld()).field("ci_upper", Double.NaN, iv.withheld())
                    .field("ci_level", EntropyInterval.LEVEL).field("ci_method", (String) null)
                    .field("bootstrap", (long) iv.replicates()).field("seed", iv.seed());
            r.sentence("No 95% confidence interval is given: " + iv.withheld() + ".");
        }
        r.plain(lines);
    }

    /** The report of a column's entropy computed by any engine. */
    static Result of(ColumnEntropy.Result res, Base base) {
        String column = res.role().column();
        if (res instanceof ColumnEntropy.Counted c) {
            return new Result(c, null, c.role().role().label(), c.notes(), c.dateOrderWarnings());
        }
        Report r;
        List<String> plain;
        if (res instanceof ColumnEntropy.Differential d) {
            double h = d.value();
            // labelled even in plain mode: a lone number here would read as a Shannon entropy
            plain = List.of("differential entropy\t" + Report.format(h) + "\t" + base.unit() + " (Vasicek, n = "
                    + d.n() + ")");
            r = Report.of("differential-entropy", h, base.unit()).base(base).plain(plain)
                    .field("input", "column").field("role", "continuous")
                    .field("estimator", d.estimator()).field("window", (long) d.window()).field("n", (long) d.n())
                    .field("definition", "differential entropy h(X) = -integral f(x) log f(x) dx of the column's"
                            + " density, in " + base.unit() + " of its own units; it can be negative, and it shifts by"
                            + " log(c) when the values are multiplied by c");
            r.sentence("The differential entropy of " + column + " is " + Explanations.num(h) + " " + base.unit()
                    + " (Vasicek's spacing estimator, window " + d.window() + ", " + d.n() + " values).");
            r.sentence("It is not a count of equally likely outcomes: a continuous column has infinitely many, and"
                    + " its differential entropy depends on the unit of the values (x 1000 adds log 1000).");
        } else {
            ColumnEntropy.Binned b = (ColumnEntropy.Binned) res;
            double h = b.value();
            plain = List.of("entropy of " + b.bins() + " equal-width bins\t" + Report.format(h) + "\t" + base.unit());
            r = Report.of("binned-entropy", h, base.unit()).base(base).plain(plain)
                    .field("input", "column").field("role", "continuous")
                    .field("binning", b.bins() + " equal-width bins over [" + b.min() + ", " + b.max() + "]")
                    .field("bins", (long) b.bins()).field("occupied_bins", b.occupied())
                    .field("estimator", b.estimator()).field("n", (long) b.n());
            r.sentence("The entropy of " + column + " cut into " + b.bins() + " equal-width bins over ["
                    + Explanations.num(b.min()) + ", " + Explanations.num(b.max()) + "] is " + Explanations.num(h) + " "
                    + base.unit() + " (" + b.occupied() + " bins occupied); it is a property of this binning: more bins"
                    + " give more.");
        }
        interval(r, plain, res, base);
        res.notes().forEach(r::note);
        r.warnings(res.dateOrderWarnings());
        return new Result(null, r, "continuous", res.notes(), res.dateOrderWarnings());
    }
}
