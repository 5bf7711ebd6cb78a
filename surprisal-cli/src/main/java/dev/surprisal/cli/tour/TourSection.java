// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.tour;

/**
 * One stop of {@code surprisal tour}: a short explanation with numbers computed live by the
 * library. Sections are listed in {@link Tour#sections()}; a new topic (drift, notes, the ELBO)
 * is a new implementation added to that list.
 */
public interface TourSection {
    /**
     * A short title, printed as the section heading.
     *
     * @return the title
     */
    String title();

    /**
     * Computes the stop's numbers and prints its text, recording each number shown, each label given
     * and the {@code try:} line (the last line) in {@code out}; must run in well under a second
     * (the ELBO stop's tiny VAE excepted).
     *
     * @param out the stop: its text and its recorded results
     */
    void print(TourStop out);
}
