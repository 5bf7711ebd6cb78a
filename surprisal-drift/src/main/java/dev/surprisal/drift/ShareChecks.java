// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import java.util.Locale;

/**
 * The share checks of {@link DriftScorer}'s rule 3 (missing and invalid cells) and the id-like
 * column's duplicate keys: a share that moves by at least a floor and beyond noise, by the pooled
 * two-proportion z-test.
 */
final class ShareChecks {
    private ShareChecks() {
    }

    /**
     * Adds a finding when a share (missing, invalid) moves by at least the floor and beyond noise:
     * DRIFT when it rises (data broke), WARN when it falls (cleaner data, or a changed upstream parser).
     *
     * @return whether it rose so (a DRIFT finding was added)
     */
    static boolean judge(Findings f, String what, long a, long n, long b, long m, DriftOptions o, double alphaEach) {
        double r = rate(a, n);
        double c = rate(b, m);
        if (Math.abs(c - r) >= o.newMass() && twoProportionP(a, n, b, m) < alphaEach) {
            if (c > r) {
                f.add(Status.DRIFT, String.format(Locale.ROOT, "%s share rose %s -> %s (beyond noise)", what,
                        DriftText.pct(r), DriftText.pct(c)));
                return true;
            }
            f.add(Status.WARN, String.format(Locale.ROOT, "%s share fell %s -> %s (beyond noise): cleaner data or "
                    + "a changed upstream parser", what, DriftText.pct(r), DriftText.pct(c)));
        }
        return false;
    }

    /** Two-sided p-value of the pooled two-proportion z-test. */
    static double twoProportionP(long a, long n, long b, long m) {
        if (n == 0 || m == 0) {
            return 1.0;
        }
        double pool = (double) (a + b) / (n + m);
        double se = Math.sqrt(pool * (1 - pool) * (1.0 / n + 1.0 / m));
        if (se == 0) {
            return (double) a / n == (double) b / m ? 1.0 : 0.0;
        }
        double z = Math.abs((double) b / m - (double) a / n) / se;
        return 2 * org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1).survivalProbability(z);
    }

    /** part / whole, 0 for an empty whole. */
    static double rate(long part, long whole) {
        return whole == 0 ? 0.0 : (double) part / whole;
    }
}
