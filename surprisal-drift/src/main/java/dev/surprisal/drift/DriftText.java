// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.core.Base;
import dev.surprisal.core.NumberStyle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How the drift findings word their numbers: p-values, shares, new values, the deciding measure and its bands. */
final class DriftText {
    private static final NumberStyle BAND = NumberStyle.general(3);

    private DriftText() {
    }

    /** "p = 0.0032", or "p < 0.0001" below it (never "p = 0.0"). */
    static String pValue(double p) {
        return p < 1e-4 ? "p < 0.0001" : String.format(Locale.ROOT, "p = %.2g", p);
    }

    /**
     * What a measure of a categorical column with a tail is counted over: its top {@code k} values have a bin
     * each and the rest share one, so a move among the rest is not seen and TV, PSI and KL are lower bounds
     * on what moved (grouping values can only lower them).
     *
     * @param k how many of the reference's values have their own bin
     * @return "counted over the top 128 values and the rest as one"
     */
    static String overTopValues(int k) {
        return overTopValues(k, 1);
    }

    /**
     * "counted over the top K values and the rest as one"; with {@code buckets} &gt; 1 "... and the rest in B groups
     * by a hash of the value" (or "counted over the values in B groups by a hash of the value" when K is 0).
     */
    static String overTopValues(int k, int buckets) {
        if (buckets <= 1) {
            return "counted over the top " + k + " values and the rest as one";
        }
        String groups = buckets + " groups by a hash of the value";
        return k == 0 ? "counted over the values in " + groups : "counted over the top " + k + " values and the rest in "
                + groups;
    }

    /** A share as a percentage: "5.1%", or "0.042%" below a tenth of a percent (never "0.0%" for a non-zero share). */
    static String pct(double v) {
        return String.format(Locale.ROOT, v != 0 && v < 0.001 ? "%.3f%%" : "%.1f%%", 100 * v);
    }

    /**
     * "PSI 0.277 >= drift band 0.250, beyond noise (critical 0.0192): TV … >= drift band 0.100", what reached it;
     * "PSI 0.277 on the valid cells >= …" when {@code onValid} (the missing and invalid cells left out).
     */
    static String bandReached(Shown measure, double value, double band, double critical, Yardstick y,
                              double yardBand, String which, boolean onValid) {
        return String.format(Locale.ROOT, "%s %s%s%s, beyond noise (critical %s)%s", measure.name(), measure.of(value),
                scope(onValid), value >= band ? " >= " + which + " band " + measure.of(band) : "", measure.of(critical),
                y.reaches(yardBand) ? ": " + y.describe() + " >= " + which + " band " + fmt(yardBand) : "");
    }

    /** "PSI 0.0300 is beyond noise (critical 0.0150) but below the warn band 0.100…": a real but small change. */
    static String smallChange(Shown shown, double value, double critical, double warn, Yardstick y, boolean onValid) {
        return String.format(Locale.ROOT, "%s %s%s is beyond noise (critical %s) but below the warn "
                + "band %s%s: a real but small change", shown.name(), shown.of(value), scope(onValid),
                shown.of(critical),
                shown.of(warn), y == Yardstick.NONE ? "" : ", and " + y.describe() + " below " + fmt(y.warn()));
    }

    /** "PSI 0.00550 is within sampling noise (critical 0.0175 at n=5000, m=5000); W1/std …". */
    static String withinNoise(Shown shown, double value, double critical, long n, long m, Yardstick y,
                              boolean onValid) {
        return String.format(Locale.ROOT, "%s %s%s is within sampling noise (critical %s at n=%d, m=%d)%s",
                shown.name(), shown.of(value), scope(onValid), shown.of(critical), n, m,
                y == Yardstick.NONE ? "" : "; " + y.describe());
    }

    /**
     * " on the valid cells" when the measure was taken without the missing and invalid cells (a share of
     * them rose, its own alarm), else "".
     */
    private static String scope(boolean onValid) {
        return onValid ? " on the valid cells" : "";
    }

    private static String fmt(double v) {
        return BAND.format(v);
    }

    /**
     * The deciding measure as the table shows it: its printed name, and a value of it (or of its bands
     * or critical value) in the shown unit, named: "0.349 bits" for KL and JS, "0.277" for PSI and Hellinger.
     */
    record Shown(Measure measure, Base base) {
        String name() {
            return measure.label();
        }

        String of(double v) {
            String u = measure.unitIn(base);
            return String.format(Locale.ROOT, "%.3g", measure.inBase(v, base)) + (u.isEmpty() ? "" : " " + u);
        }
    }
}
