// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.mi;

import dev.surprisal.data.roles.RoleDecision;
import dev.surprisal.inference.SequentialPermutationTest;
import dev.surprisal.selection.MiOptions;
import dev.surprisal.selection.RankedFeature;
import dev.surprisal.selection.TargetRanking;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code surprisal mi --target Y} shows, from one library call ({@link MiTable#ranking}): the
 * features ranked by evidence ({@link dev.surprisal.selection.TargetRanking}), the target's role, the
 * notes (skipped features, estimator warnings, rows left out, columns left out by their role, invalid
 * cells, subsampled tests, skipped intervals, a feature that determines the target) and the method of every
 * number. Information values in nats; the numbers inside notes are in the unit of {@link MiOptions#base()}
 * ({@code MiOptions.defaults().withBase(Base.BITS)} for notes in bits), and each note names its unit.
 *
 * <p>The notes are the command line's: a note that says how to bring a column back names the option
 * {@code --role COL=ROLE}, which for a Java caller is {@code RoleOverrides.withRole(COL, ColumnRole.ROLE)}
 * given to {@link MiTable#read}.
 *
 * @param target     the target's name
 * @param targetKind "continuous" or "discrete"
 * @param targetRole the target's role and the reason (null for a table without role decisions)
 * @param rows       rows of the table
 * @param options    the options of the run
 * @param features   the ranked features, best evidence first
 * @param notes      the notes, in the order the CLI prints them
 */
public record RankingResult(String target, String targetKind, RoleDecision targetRole, int rows, MiOptions options,
                            List<RankedFeature> features, List<String> notes) {
    /**
     * Copies the lists.
     *
     * @param target     the target's name
     * @param targetKind "continuous" or "discrete"
     * @param targetRole the target's role and the reason (null for a table without role decisions)
     * @param rows       rows of the table
     * @param options    the options of the run
     * @param features   the ranked features, best evidence first
     * @param notes      the notes, in the order the CLI prints them
     */
    public RankingResult {
        features = List.copyOf(features);
        notes = List.copyOf(notes);
    }

    static RankingResult of(MiTable table, String target, boolean targetDiscrete, String targetKind,
                            MiOptions o, List<RankedFeature> features) {
        return of(table.rows(), target, targetDiscrete, targetKind, table.decision(target), table.leftOutNotes(),
                table.notes(), o, features);
    }

    /**
     * The result of a ranking whose table is not held in one {@link MiTable} (an engine that scores some
     * pairs from their counts): the same notes, in the same order, as {@link MiTable#ranking} gives.
     *
     * @param rows           rows of the table
     * @param target         the target's name
     * @param targetDiscrete whether the target's values are labels
     * @param targetKind     "continuous" or "discrete"
     * @param targetRole     the target's role (null for a table without role decisions)
     * @param leftOutNotes   the notes of the columns left out by their role ({@link MiTable#leftOutNotes})
     * @param cellNotes      the notes about cells ({@link MiTable#notes}), in file order
     * @param o              the options of the run
     * @param features       the ranked features ({@link TargetRanking#order})
     * @return the result
     */
    public static RankingResult of(int rows, String target, boolean targetDiscrete, String targetKind,
                                   RoleDecision targetRole, List<String> leftOutNotes, List<String> cellNotes,
                                   MiOptions o, List<RankedFeature> features) {
        List<String> notes = new ArrayList<>();
        boolean anyTestSubsampled = false;
        boolean anyBootstrapSkipped = false;
        for (RankedFeature r : features) {
            if (r.skipped() != null) {
                notes.add(r.feature() + ": skipped: " + r.skipped());
            }
            for (String w : r.notes()) {
                notes.add(r.feature() + ": " + w);
            }
            if (r.skipped() == null && r.n() < rows) {
                notes.add(r.feature() + ": " + (rows - r.n()) + " of " + rows
                        + " rows left out (a value missing in it or in " + target + ")");
            }
            anyTestSubsampled |= r.skipped() == null && r.shapeRows() < r.n();
            // NaN bounds also mark an interval withheld for missing its estimate, which has its own note
            anyBootstrapSkipped |= r.skipped() == null && o.bootstrap() > 0 && Double.isNaN(r.lower())
                    && r.warnings().stream().noneMatch(w -> w.startsWith(TargetRanking.INTERVAL_NOT_SHOWN));
        }
        RoleDecision role = targetRole;
        if (role != null) {
            notes.add("target " + target + ": " + role.reason() + "; "
                    + (targetDiscrete ? "its values are labels: plug-in MI against discrete columns, Ross against"
                    + " continuous ones" : "KSG against continuous columns, Ross against discrete ones"));
        }
        notes.addAll(leftOutNotes);
        notes.addAll(cellNotes);
        if (anyTestSubsampled) {
            notes.add("kNN pairs above " + o.testRows() + " rows are tested on a seeded " + o.testRows()
                    + "-row subsample (a valid test of independence); p, q, the monotone MI and the verdict are those of"
                    + " that subsample; MI is that of every row, and MI above chance is that MI minus the null mean"
                    + " measured on the subsample (for KSG and Ross close to 0 at any n)");
        }
        if (anyBootstrapSkipped) {
            notes.add("no bootstrap interval for pairs above " + o.bootstrapRows() + " rows (each replicate is a"
                    + " full estimate); --bootstrap B computes it anyway");
        }
        return new RankingResult(target, targetKind, role, rows, o, features, notes);
    }

    /**
     * @return the most permutations each feature's test could draw: {@code --permutations} B, raised for
     *         many features ({@link TargetRanking#permutationCap})
     */
    public int permutationCap() {
        return TargetRanking.permutationCap(options.permutations(), features.size(), options.alpha());
    }

    /** @return how the p-values are adjusted for testing every feature, in words */
    public String multipleTesting() {
        return options.permutations() == 0 ? "none"
                : "Benjamini-Hochberg over the " + tested() + " tested features (q-value; false discovery rate "
                + options.alpha() + "); the mark (significant) and the verdict use q";
    }

    private long tested() {
        return features.stream().filter(f -> f.test() != null).count();
    }

    /** @return the permutation test's method, in words ("none" without a test) */
    public String permutationMethod() {
        return options.permutations() == 0 ? "none"
                : "sequential permutation test (Besag & Clifford 1991): at most " + permutationCap()
                + " permutations, stopping after " + SequentialPermutationTest.DEFAULT_EXCEEDANCES
                + " at or above the observed MI; p = h/L when stopped early, else (b+1)/(B+1); null streamed"
                + " (running mean/variance, 1,024-value seeded reservoir for the 95th percentile);"
                + " kNN pairs tested on at most " + options.testRows() + " rows (seeded subsample); plug-in pairs on"
                + " every row, each null draw a random table with the observed margins (the distribution a"
                + " uniform re-pairing gives; sequential hypergeometric draws as Patefield 1981)";
    }

    /** @return the ranking rule, in words */
    public String rankingRule() {
        return options.permutations() == 0 ? "raw MI (no test)"
                : "q <= alpha first (q: Benjamini-Hochberg adjusted p), then MI above chance (the MI of every row minus the"
                + " permutation-null mean; the null of a kNN pair above the test rows drawn on the test's subsample)";
    }

    /** @return the monotone-MI rule and the non-monotone flag, in words */
    public static String monotoneRule() {
        return "monotone MI = MI(target; isotonic regression of the target on the feature,"
                + " best of increasing/decreasing, its steps as labels; plug-in for a discrete target, Ross for a"
                + " continuous one), for two continuous columns at least -0.5 ln(1 - r^2); non-monotone when"
                + " MI - monotone MI > null 95th percentile - null mean and > MI/2, and q <= alpha";
    }

    /** @return the preprocessing of continuous columns, in words */
    public static String scaling() {
        return "continuous columns divided by their population standard deviation,"
                + " plus 1e-10*max(1, mean|x|)*N(0,1) noise from the seed (as scikit-learn)";
    }

    /** @return a one-line summary, for logs: the target and the top feature */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RankingResult[target %s, %d features, top %s]", target, features.size(),
                features.isEmpty() ? "-" : features.get(0).feature());
    }
}
