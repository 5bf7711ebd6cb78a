// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
/** JMH benchmarks of Surprisal's kernels. */
package dev.surprisal.bench;
