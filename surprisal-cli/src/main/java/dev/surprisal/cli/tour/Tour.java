// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.tour;

import java.util.List;

/** The sections of {@code surprisal tour}, in order. Later topics append their section here. */
public final class Tour {
    private Tour() {
    }

    /**
     * The sections, the ELBO stop without its tiny VAE.
     *
     * @return the sections, in order
     */
    public static List<TourSection> sections() {
        return sections(false);
    }

    /**
     * All sections.
     *
     * @param withVae whether the ELBO stop also trains a tiny VAE (seconds)
     * @return the sections, in order
     */
    public static List<TourSection> sections(boolean withVae) {
        return List.of(
                new EntropySection(),
                new KlAsymmetrySection(),
                new CrossEntropySection(),
                new TemperatureSection(),
                new MutualInformationSection(),
                new QuadraticSection(),
                new DriftSection(),
                new FileEntropySection(),
                new NotesSection(),
                new ElboSection(withVae));
    }
}
