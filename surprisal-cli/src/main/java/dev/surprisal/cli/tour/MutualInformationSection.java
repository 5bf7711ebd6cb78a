// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.tour;

import dev.surprisal.cli.Explanations;
import dev.surprisal.core.Base;
import dev.surprisal.counts.ContingencyTable;
import dev.surprisal.dependence.MutualInformation;
import dev.surprisal.measures.Entropy;

/** Mutual information of a small built-in table: clouds in the morning against rain in the afternoon. */
final class MutualInformationSection implements TourSection {
    /** Rows: morning cloudy / clear; columns: afternoon rain / dry. 100 days. */
    static final long[][] DAYS = {{30, 20}, {5, 45}};

    @Override
    public String title() {
        return "Mutual information: how much one column tells you about another";
    }

    @Override
    public void print(TourStop out) {
        ContingencyTable t = ContingencyTable.of(DAYS);
        double mi = MutualInformation.of(t, Base.BITS);
        double hy = Entropy.of(t.colCounts(), Base.BITS);
        out.println("100 days:            rain   dry");
        out.println("  cloudy morning       30    20");
        out.println("  clear morning         5    45");
        out.println();
        out.result("H(rain)", "entropy", hy, Base.BITS.unit());
        out.result("I(morning; rain)", "mutual_information", mi, Base.BITS.unit());
        out.printf("  H(rain)          = %s bits%n", Explanations.num(hy));
        out.printf("  I(morning; rain) = %s bits%n", Explanations.num(mi));
        out.println();
        out.println("  " + dev.surprisal.selection.MiExplanation.mutualInformation(mi, hy, Base.BITS,
                "the morning sky", "rain").get(0));
        out.println("  MI = KL(joint || product of marginals): 0 exactly when the columns are independent.");
        out.println("  Correlation only sees lines; the next stop shows a dependence it misses entirely.");
        out.println("  On a table, mi gives each column a role first: numbers with at most 20 values (a 0/1 flag, codes 1-5)");
        out.println("  and text are labels, like these; other numbers, and a few fractions each seen once, are continuous");
        out.println("  and get kNN estimators, never bins;");
        out.println("  ID and timestamp columns are left out, with the reason.");
        out.tryLine("surprisal mi --data FILE --x COLUMN --y COLUMN --explain");
    }
}
