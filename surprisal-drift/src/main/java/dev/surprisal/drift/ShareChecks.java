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
     * The verdict of a share (missing, invalid) by rule 3: DRIFT when it rose by at least the floor
     * ({@link DriftOptions#newMass()}) and beyond noise at α', WARN when it fell so, else OK.
     */
    static Status verdict(long a, long n, long b, long m, DriftOptions o, double alphaEach) {
        double r = rate(a, n);
        double c = rate(b, m);
        if (Math.abs(c - r) >= o.newMass() && twoProportionP(a, n, b, m) < alphaEach) {
            return c > r ? Status.DRIFT : Status.WARN;
        }
        return Status.OK;
    }

    /**
     * Adds the finding of a share that moved by at least the floor and beyond noise: DRIFT when it
     * rose (data broke), WARN when it fell (cleaner data, or a changed upstream parser). A rise is the
     * one alarm line of its cause, so it says all of it: the shares before and after, today's count,
     * and {@code found} (what the cells hold, e.g. the first invalid value with its line).
     *
     * @param found what today's cells hold, or "" (missing cells hold nothing)
     * @return the verdict ({@link #verdict})
     */
    static Status judge(Findings f, String what, long a, long n, long b, long m, DriftOptions o, double alphaEach,
                        String found) {
        return report(f, verdict(a, n, b, m, o, alphaEach), what, a, n, b, m, () -> found);
    }

    /**
     * Adds the finding of a share whose {@link #verdict} the caller holds already (so the test is not run
     * twice); {@code found} is only asked for when a rise is reported.
     *
     * @return {@code s}
     */
    static Status report(Findings f, Status s, String what, long a, long n, long b, long m,
                         java.util.function.Supplier<String> found) {
        if (s == Status.DRIFT) {
            String cells = found.get();
            f.add(Status.DRIFT, String.format(Locale.ROOT, "%s share rose %s -> %s (%,d of %,d cells today, beyond "
                    + "noise)%s", what, DriftText.pct(rate(a, n)), DriftText.pct(rate(b, m)), b, m,
                    cells.isEmpty() ? "" : ": " + cells));
        } else if (s == Status.WARN) {
            f.add(Status.WARN, String.format(Locale.ROOT, "%s share fell %s -> %s (beyond noise): cleaner data or "
                    + "a changed upstream parser", what, DriftText.pct(rate(a, n)), DriftText.pct(rate(b, m))));
        }
        return s;
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
