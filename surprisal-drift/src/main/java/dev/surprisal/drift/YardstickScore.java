// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

/**
 * A column's own yardstick of change as its check judged it, next to the deciding measure: W1/std
 * (W₁ over the reference's standard deviation) for continuous columns, TV (total variation) for binary,
 * discrete and categorical columns, and for a continuous column with atoms (such as the 0 of a
 * zero-inflated amount) the worst of those, relative to its warn band. All values are unitless.
 *
 * <p>A column reaches WARN or DRIFT when its deciding measure is beyond its noise level and either the
 * measure or this yardstick reaches the band; {@link #decided()} says that this yardstick reached it while
 * the measure did not, so the verdict is read on this yardstick, not on the measure (a creep of 0.26
 * standard deviations is WARN on W1/std 0.261 with PSI 0.067, under PSI's 0.1 band).
 *
 * @param name     "W1/std" or "TV"
 * @param value    its value, unitless (TV a share of the probability mass in [0, 1]; W1/std reference
 *                 standard deviations)
 * @param chance   what chance alone gives on average, subtracted before the bands are compared (0 for
 *                 W1/std)
 * @param warnBand its warn band: WARN when {@code value − chance ≥ warnBand} (beyond noise)
 * @param driftBand its drift band, likewise
 * @param decided  whether it, and not the deciding measure's band, put the verdict at WARN or DRIFT
 */
public record YardstickScore(String name, double value, double chance, double warnBand, double driftBand,
                             boolean decided) {
    /**
     * What the bands are compared with: {@code value − chance}, unitless; the value a chart of the
     * yardstick draws, so a WARN day reads at or over its warn band.
     *
     * @return the judged value
     */
    public double judged() {
        return value - chance;
    }
}
