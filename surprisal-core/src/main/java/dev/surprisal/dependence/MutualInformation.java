// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.dependence;

import dev.surprisal.counts.SparseContingencyTable;

import dev.surprisal.core.Base;
import dev.surprisal.counts.ContingencyTable;
import dev.surprisal.counts.ContingencyTable3;
import dev.surprisal.counts.LabelCounts;

/**
 * Mutual information I(X;Y) = Σ p(x,y) log( p(x,y) / (p(x) p(y)) ) = H(X) − H(X|Y) =
 * KL(p(x,y) ‖ p(x)p(y)) of a contingency table, and the conditional mutual information
 * I(X;Y|Z) = Σ p(x,y,z) log( p(z) p(x,y,z) / (p(x,z) p(y,z)) ) of a three-way table
 * (Cover &amp; Thomas, 2006, "Elements of Information Theory", §2.4–2.5).
 *
 * <p>On counts these are plug-in values; on a table of labels they equal
 * {@code sklearn.metrics.mutual_info_score} (natural log) in {@link Base#NATS}. Computed in nats,
 * returned in the unit of {@code base}; never negative.
 */
public final class MutualInformation {
    private MutualInformation() {
    }

    /**
     * I(X;Y) of a table whose rows are X and columns Y.
     *
     * @param table joint counts, rows X and columns Y
     * @param base the unit of the result
     * @return the plug-in I(X;Y) ≥ 0 in the unit of {@code base}
     */
    public static double of(ContingencyTable table, Base base) {
        return base.fromNats(nats(table));
    }

    /**
     * I(X;Y) of two label arrays of the same length, counted by {@link LabelCounts#table(int[], int[])}, or,
     * when the dense table would exceed {@link SparseContingencyTable#DENSE_LIMIT} cells (high-cardinality
     * labels such as IDs), by a {@link SparseContingencyTable} of the non-zero cells only: memory O(n).
     *
     * @param x one label per sample
     * @param y one label per sample, same length
     * @param base the unit of the result
     * @return the plug-in I(X;Y) ≥ 0 in the unit of {@code base}
     */
    public static double of(int[] x, int[] y, Base base) {
        if (x != null && y != null && x.length == y.length
                && (long) distinct(x) * distinct(y) > SparseContingencyTable.DENSE_LIMIT) {
            return base.fromNats(nats(SparseContingencyTable.of(x, y)));
        }
        return of(LabelCounts.table(x, y), base);
    }

    /**
     * I(X;Y) of a sparse table, in the unit of {@code base}.
     *
     * @param table the non-zero cells of the joint counts
     * @param base the unit of the result
     * @return the plug-in I(X;Y) ≥ 0 in the unit of {@code base}
     */
    public static double of(SparseContingencyTable table, Base base) {
        return base.fromNats(nats(table));
    }

    // an upper bound is enough here: the label range, capped by n
    private static long distinct(int[] v) {
        if (v.length == 0) {
            return 0;
        }
        int min = v[0];
        int max = v[0];
        for (int a : v) {
            min = Math.min(min, a);
            max = Math.max(max, a);
        }
        return Math.min((long) max - min + 1, v.length);
    }

    static double nats(SparseContingencyTable t) {
        if (t.rows() <= 1 || t.cols() <= 1) {
            return 0.0;
        }
        double n = t.total();
        double logN = Math.log(n);
        double mi = 0.0;
        for (int i = 0; i < t.cells(); i++) {
            long nxy = t.count(i);
            mi += (nxy / n) * (Math.log(nxy) + logN - Math.log(t.rowTotal(t.row(i))) - Math.log(t.colTotal(t.col(i))));
        }
        return Math.max(0.0, mi);
    }

    /**
     * I(X;Y) of two object label arrays (strings, enums, ...).
     *
     * @param x one label per sample
     * @param y one label per sample, same length
     * @param base the unit of the result
     * @return the plug-in I(X;Y) ≥ 0 in the unit of {@code base}
     */
    public static double of(Object[] x, Object[] y, Base base) {
        return of(LabelCounts.table(x, y), base);
    }

    /**
     * I(X;Y|Z) of a three-way table.
     *
     * @param table joint counts n(x, y, z)
     * @param base the unit of the result
     * @return the plug-in I(X;Y|Z) ≥ 0 in the unit of {@code base}
     */
    public static double conditional(ContingencyTable3 table, Base base) {
        return base.fromNats(conditionalNats(table));
    }

    /**
     * I(X;Y|Z) of three label arrays of the same length.
     *
     * @param x one label per sample
     * @param y one label per sample, same length
     * @param z one label per sample, same length
     * @param base the unit of the result
     * @return the plug-in I(X;Y|Z) ≥ 0 in the unit of {@code base}
     */
    public static double conditional(int[] x, int[] y, int[] z, Base base) {
        return conditional(LabelCounts.table(x, y, z), base);
    }

    /** I(X;Y) in nats. */
    static double nats(ContingencyTable t) {
        if (t.rows() == 1 || t.cols() == 1) {
            return 0.0; // one variable is constant
        }
        double n = t.total();
        double logN = Math.log(n);
        double[] logCol = new double[t.cols()];
        for (int c = 0; c < logCol.length; c++) {
            long b = t.colTotal(c);
            logCol[c] = b == 0 ? 0.0 : Math.log(b);
        }
        double mi = 0.0;
        for (int r = 0; r < t.rows(); r++) {
            long a = t.rowTotal(r);
            if (a == 0) {
                continue;
            }
            double outer = 2 * logN - Math.log(a);
            for (int c = 0; c < logCol.length; c++) {
                long nxy = t.get(r, c);
                if (nxy != 0) {
                    double pxy = nxy / n;
                    mi += pxy * (Math.log(nxy) - logN) + pxy * (outer - logCol[c]);
                }
            }
        }
        return Math.max(0.0, mi);
    }

    /** I(X;Y|Z) in nats. */
    static double conditionalNats(ContingencyTable3 t) {
        ContingencyTable xz = t.xz();
        ContingencyTable yz = t.yz();
        double n = t.total();
        double cmi = 0.0;
        for (int x = 0; x < t.sizeX(); x++) {
            for (int y = 0; y < t.sizeY(); y++) {
                for (int z = 0; z < t.sizeZ(); z++) {
                    long nxyz = t.get(x, y, z);
                    if (nxyz != 0) {
                        long nz = yz.colTotal(z);
                        cmi += (nxyz / n) * (Math.log(nxyz) + Math.log(nz)
                                - Math.log(xz.get(x, z)) - Math.log(yz.get(y, z)));
                    }
                }
            }
        }
        return Math.max(0.0, cmi);
    }
}
