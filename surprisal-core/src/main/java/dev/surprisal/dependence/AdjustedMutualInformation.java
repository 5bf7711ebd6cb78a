package dev.surprisal.dependence;

import dev.surprisal.counts.ContingencyTable;
import dev.surprisal.counts.LabelCounts;
import dev.surprisal.measures.Entropy;

/**
 * Adjusted mutual information AMI(U,V) = (I − E[I]) / (avg(H(U), H(V)) − E[I]), unitless: 1 for
 * identical partitions, about 0 for independent random labellings, and negative when worse than
 * chance (Vinh, Epps &amp; Bailey, 2010, "Information Theoretic Measures for Clusterings
 * Comparison"). E[I] is the exact expected mutual information under random permutation of the
 * labels (hypergeometric model), see {@link #expected(ContingencyTable)}.
 *
 * <p>Follows {@code sklearn.metrics.adjusted_mutual_info_score} of scikit-learn 1.2: rows of the
 * table are U (labels_true); two single-cluster labellings score 1.0; and a denominator within
 * machine epsilon of 0 is replaced by ±ε with its sign. One deliberate difference: when both
 * labellings put every sample in its own cluster, I = E[I] = avg(H) = log N, and the ratio is
 * 0/0; scikit-learn's result then depends on rounding (0.0 for N = 2, 1.0 for N ≥ 3), this class
 * returns 1.0, the value of a perfect match.
 */
public final class AdjustedMutualInformation {
    private static final double EPS = Math.ulp(1.0);

    private AdjustedMutualInformation() {
    }

    /** AMI of a table with the given average method. */
    public static double of(ContingencyTable table, AverageMethod method) {
        int r = table.rowCounts().nonZero(); // clusters that occur, as np.unique sees them
        int c = table.colCounts().nonZero();
        if (r == 1 && c == 1) {
            return 1.0;
        }
        if (r == c && r == table.total()) {
            return 1.0; // both labellings are all singletons: a perfect match, 0/0 otherwise
        }
        double mi = MutualInformation.nats(table);
        double emi = ExpectedMutualInformation.nats(table);
        double hu = Entropy.nats(table.rowCounts());
        double hv = Entropy.nats(table.colCounts());
        double denominator = method.average(hu, hv) - emi;
        if (denominator < 0) {
            denominator = Math.min(denominator, -EPS);
        } else {
            denominator = Math.max(denominator, EPS);
        }
        return (mi - emi) / denominator;
    }

    /** AMI with the arithmetic mean, scikit-learn's default. */
    public static double of(ContingencyTable table) {
        return of(table, AverageMethod.ARITHMETIC);
    }

    /** AMI of two label arrays: {@code sklearn.metrics.adjusted_mutual_info_score}. */
    public static double of(int[] labelsTrue, int[] labelsPred, AverageMethod method) {
        return of(LabelCounts.table(labelsTrue, labelsPred), method);
    }

    /** The exact expected mutual information E[I(U;V)] in nats under the hypergeometric model. */
    public static double expected(ContingencyTable table) {
        return ExpectedMutualInformation.nats(table);
    }
}
