// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.mi;

import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.roles.RoleDecision;

import java.util.Collection;

/**
 * The rule that a text column of exactly two labels and no gaps is binary, coded 0/1 ({@code TwoLabels}, which says
 * why), for an engine that counts a table without holding its columns (Spark): it knows a column by the labels its
 * cells hold, and must decide, show and code it as {@link MiTable} does, or the verdicts would depend on the engine
 * (a Yes/No target counted as two text labels has no correlation and no monotone trend, so a U-shaped feature got
 * another verdict on Spark). Each method applies {@code TwoLabels}' own code; nothing here is a second copy.
 *
 * <pre>{@code
 * String[] two = TwoLabelRule.of(List.of("Yes", "No"), false);        // {"No", "Yes"}: No = 0, Yes = 1
 * RoleDecision shown = TwoLabelRule.decision(categorical, two);       // binary, its reason naming the codes
 * double yes = TwoLabelRule.code("Yes", two);                         // 1.0
 * }</pre>
 */
public final class TwoLabelRule {
    private TwoLabelRule() {
    }

    /**
     * The two labels of a column known by the labels its cells hold.
     *
     * @param labels each label present in the column's cells (repeats allowed, any order)
     * @param gaps   whether some cells are missing (null or a missing string such as {@code NA})
     * @return the two labels in the order they are coded (0 first: case-insensitive alphabetical, so that
     *         {@code No}/{@code Yes} and {@code false}/{@code true} are coded as 0/1 files code them by habit), or null
     *         when there are more or fewer, or gaps (then MI counts the gaps as a value of their own)
     */
    public static String[] of(Collection<String> labels, boolean gaps) {
        String[] cells = new String[labels.size() + (gaps ? 1 : 0)];
        int i = 0;
        for (String l : labels) {
            cells[i++] = l;
        }
        // the labels as a column of their own: the rule only asks which labels are present and whether cells are missing
        return TwoLabels.of(CategoricalColumn.of("labels", cells));
    }

    /**
     * A column's decision as binary, saying how it is coded, as {@link MiTable} shows it.
     *
     * @param d   the column's decision as detected (categorical)
     * @param two its two labels ({@link #of})
     * @return the binary decision
     */
    public static RoleDecision decision(RoleDecision d, String[] two) {
        return TwoLabels.decision(d, two);
    }

    /**
     * One label's code.
     *
     * @param label a label (null: a missing cell)
     * @param two   the column's two labels ({@link #of})
     * @return 0 for the first label, 1 for the second, NaN for any other
     */
    public static double code(String label, String[] two) {
        return TwoLabels.coded(CategoricalColumn.of("label", new String[] {label}), two)[0];
    }
}
