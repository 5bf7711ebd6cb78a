// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
/**
 * Statistical tests on information quantities and samples: the G-test and Pearson's χ² test of
 * independence on contingency tables (with optional Yates correction), correlation tests, the
 * two-sample Kolmogorov–Smirnov test, permutation tests and the bootstrap. Where scipy defines a
 * test, the class names the scipy call it matches.
 */
package dev.surprisal.inference;
