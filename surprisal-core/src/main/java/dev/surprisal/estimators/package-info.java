// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
/**
 * Estimators of the entropy of a discrete distribution from a histogram of counts, correcting the
 * downward bias of the plug-in value: Miller–Madow, Chao–Shen, Grassberger, James–Stein shrinkage
 * and NSB. Each also estimates mutual information from a contingency table as
 * H(X) + H(Y) − H(X,Y). Results are in the unit of the {@link dev.surprisal.core.Base} passed.
 */
package dev.surprisal.estimators;
