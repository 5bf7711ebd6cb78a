// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.core.Base;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.mi.ColumnEntropy;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.estimators.EntropyEstimator;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code entropy --data F --column C}: renders {@link ColumnEntropy}, what the column's role calls for.
 * Discrete, text, id-like and timestamp columns: the counts of their values (the caller applies the
 * estimator). A continuous column: the differential entropy (Vasicek), labelled as such; with
 * {@code --bins N}, the Shannon entropy of N equal-width bins, labelled with the binning.
 */
final class ColumnEntropyReport {
    /** Either counts (discrete) or a finished report (continuous), with notes about the role. */
    record Result(ColumnEntropy.Counted counted, Report report, String role, List<String> notes) {
    }

    /** The command line's names of {@link ColumnEntropy}'s settings: {@code --bins}, {@code --role COL=ROLE}. */
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
     * @param estimator the estimator of a binned entropy (null: plug-in)
     */
    static Result of(TableReader reader, String column, RoleOverrides overrides, Integer bins, Base base,
                     EntropyEstimator estimator) {
        return of(inOptions(() -> ColumnEntropy.of(reader, column, overrides, bins, estimator, base)), base);
    }

    /** The report of a column's entropy computed by any engine. */
    static Result of(ColumnEntropy.Result res, Base base) {
        String column = res.role().column();
        if (res instanceof ColumnEntropy.Counted c) {
            return new Result(c, null, c.role().role().label(), c.notes());
        }
        Report r;
        if (res instanceof ColumnEntropy.Differential d) {
            double h = d.value();
            // labelled even in plain mode: a lone number here would read as a Shannon entropy
            r = Report.of("differential-entropy", h, base.unit()).base(base)
                    .plain(List.of("differential entropy\t" + Report.format(h) + "\t" + base.unit()
                            + " (Vasicek, n = " + d.n() + ")"))
                    .field("input", "column").field("role", "continuous")
                    .field("estimator", "vasicek").field("window", (long) d.window()).field("n", (long) d.n())
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
            r = Report.of("binned-entropy", h, base.unit()).base(base)
                    .plain(List.of("entropy of " + b.bins() + " equal-width bins\t" + Report.format(h) + "\t" + base.unit()))
                    .field("input", "column").field("role", "continuous")
                    .field("binning", b.bins() + " equal-width bins over [" + b.min() + ", " + b.max() + "]")
                    .field("bins", (long) b.bins()).field("occupied_bins", b.occupied())
                    .field("estimator", b.estimator()).field("n", (long) b.n());
            r.sentence("The entropy of " + column + " cut into " + b.bins() + " equal-width bins over ["
                    + Explanations.num(b.min()) + ", " + Explanations.num(b.max()) + "] is " + Explanations.num(h) + " "
                    + base.unit() + " (" + b.occupied() + " bins occupied); it is a property of this binning: more bins"
                    + " give more.");
        }
        res.notes().forEach(r::note);
        return new Result(null, r, "continuous", res.notes());
    }
}
