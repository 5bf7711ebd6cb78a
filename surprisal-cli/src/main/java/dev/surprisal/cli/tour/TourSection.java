// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.tour;

import java.io.PrintWriter;

/**
 * One stop of {@code surprisal tour}: a short explanation with numbers computed live by the
 * library. Sections are listed in {@link Tour#sections()}; a new topic (drift, notes, the ELBO)
 * is a new implementation added to that list.
 */
public interface TourSection {
    /** A short title, printed as the section heading. */
    String title();

    /** Prints the section body; must run in well under a second. */
    void print(PrintWriter out);
}
