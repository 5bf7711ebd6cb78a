// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

/**
 * What a ranked feature's evidence supports, in words that are true of the numbers behind them
 * (see {@link TargetRanking} for the rules).
 */
public enum DependenceVerdict {
    /** The permutation p-value is above α: the MI is within what chance gives at this n. */
    NO_EVIDENCE("no evidence of dependence"),
    /** Significant, and a monotone fit of the target on the feature carries at least half of the MI. */
    MONOTONE("correlation sees most of this (a monotone trend carries most of the information)"),
    /** Significant, and the MI beyond the monotone fit is above noise and more than half of the MI. */
    NON_MONOTONE("correlation misses most of this (U-shaped or other non-monotone dependence)"),
    /** Significant; the shape is not assessed because a column is text (no order, no correlation). */
    DEPENDENT("dependence; its shape is not assessed (a column is not numeric)"),
    /** No permutation test was run, so there is no verdict. */
    NOT_TESTED("not tested (no permutations)");

    private final String sentence;

    DependenceVerdict(String sentence) {
        this.sentence = sentence;
    }

    /**
     * The plain-words verdict.
     *
     * @return one sentence, without a final full stop, that a reader can act on
     */
    public String sentence() {
        return sentence;
    }

    /**
     * Short label for tables and JSON: no-evidence, monotone, non-monotone, dependent, not-tested.
     *
     * @return the label
     */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
