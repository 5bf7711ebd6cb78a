// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

/**
 * One row of a feature ranking: how much a feature tells about the target.
 *
 * @param index             position of the feature in the input columns
 * @param name              the feature's name
 * @param mutualInformation I(feature; target) from the plugged-in estimator, in nats
 * @param pearson           Pearson's r with the target
 * @param spearman          Spearman's ρ with the target
 * @param gaussianMi        −½ ln(1 − r²): the MI a bivariate Gaussian with this r would carry, in nats
 * @param nonlinear         true when the MI clearly exceeds {@code gaussianMi}: the dependence is mostly of
 *                          a kind a correlation coefficient does not see (see {@link NonlinearityRule})
 */
public record FeatureScore(int index, String name, double mutualInformation, double pearson, double spearman,
        double gaussianMi, boolean nonlinear) {

    /** MI beyond what the linear correlation explains, {@code mutualInformation − gaussianMi}, in nats. */
    public double excessMi() {
        return mutualInformation - gaussianMi;
    }
}
