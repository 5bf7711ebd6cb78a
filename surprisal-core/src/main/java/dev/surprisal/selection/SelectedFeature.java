// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

/**
 * One step of a greedy forward selection.
 *
 * @param index     position of the feature in the input columns
 * @param name      the feature's name
 * @param score     the criterion value that won this step (nats; its meaning depends on the method)
 * @param relevance I(feature; target), nats, clipped at 0 (an estimate below 0 is noise)
 */
public record SelectedFeature(int index, String name, double score, double relevance) {
}
