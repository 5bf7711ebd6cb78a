// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.data.profile.CategoryBins;
import dev.surprisal.data.profile.ColumnProfile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The hint for a column re-spelled upstream: every reference value vanished today and as many new values
 * appeared, in the same proportions within sampling noise ({@code true/false} written {@code yes/no},
 * {@code Y/N} or {@code 1/0}). The new-values alarm is right, but "new values: 100%" alone does not say
 * that the column most likely still carries the same information under other names.
 */
final class Respelled {
    /** How many standard errors two shares may differ and still count as the same proportion. */
    private static final double Z = 4.0;

    private Respelled() {
    }

    /**
     * The hint, when the reference is a categorical column whose values are all known (no "other"), none of
     * them is seen today, and today's values are exactly as many, with the i-th largest share of today within
     * {@value #Z} standard errors of the reference's i-th largest (two-sample, pooled share).
     *
     * @param p          the reference's column
     * @param q          today's column, binned on the reference's bins
     * @param novel      today's values in bins the reference never saw
     * @param validRef   the reference's valid values
     * @param validToday today's valid values
     * @return the sentence, or empty
     */
    static Optional<String> hint(ColumnProfile p, ColumnProfile q, long novel, long validRef, long validToday) {
        if (!(p.bins() instanceof CategoryBins cb) || cb.otherValues().count() > 0 || cb.top().isEmpty()
                || validToday == 0 || validRef == 0 || novel != validToday) {
            return Optional.empty();
        }
        List<Map.Entry<String, Long>> ref = new ArrayList<>();
        cb.top().forEach(v -> ref.add(Map.entry(v, p.counts()[cb.binOf(v)])));
        List<Map.Entry<String, Long>> today = new ArrayList<>(q.unseen().entrySet());
        long todaySum = today.stream().mapToLong(Map.Entry::getValue).sum();
        long refSum = ref.stream().mapToLong(Map.Entry::getValue).sum();
        if (today.size() != ref.size() || todaySum != validToday || refSum != validRef) {
            return Optional.empty();
        }
        Comparator<Map.Entry<String, Long>> bySize = Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey());
        ref.sort(bySize);
        today.sort(bySize);
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < ref.size(); i++) {
            double r = (double) ref.get(i).getValue() / validRef;
            double t = (double) today.get(i).getValue() / validToday;
            double s = (double) (ref.get(i).getValue() + today.get(i).getValue()) / (validRef + validToday);
            double se = Math.sqrt(s * (1 - s) * (1.0 / validRef + 1.0 / validToday));
            if (Math.abs(r - t) > Z * se + 1e-12) {
                return Optional.empty();
            }
            pairs.add(dev.surprisal.data.profile.CellText.quote(ref.get(i).getKey()) + " " + DriftText.pct(r) + " → "
                    + dev.surprisal.data.profile.CellText.quote(today.get(i).getKey()) + " " + DriftText.pct(t));
        }
        int k = ref.size();
        return Optional.of(String.format(Locale.ROOT, "%d value%s replaced by %d new value%s in the same proportions: "
                + "a re-spelled column? e.g. %s (paired by share); map the spellings upstream, or fit a new baseline "
                + "if the new spelling is meant", k, k == 1 ? "" : "s", k, k == 1 ? "" : "s", String.join(", ", pairs)));
    }
}
