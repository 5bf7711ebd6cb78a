package dev.surprisal.cli.tour;

import java.util.List;

/** The sections of {@code surprisal tour}, in order. Later topics append their section here. */
public final class Tour {
    private Tour() {
    }

    public static List<TourSection> sections() {
        return List.of(
                new EntropySection(),
                new KlAsymmetrySection(),
                new CrossEntropySection(),
                new TemperatureSection(),
                new MutualInformationSection(),
                new DriftSection());
    }
}
