// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.data.profile.Bins;
import dev.surprisal.data.profile.CategoryBins;
import dev.surprisal.data.profile.CellText;
import dev.surprisal.data.roles.DateLayout;
import dev.surprisal.data.roles.LabelVariants;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How a drift message writes a column's values: between double quotes, so that a trailing space or a
 * case-only change is visible ({@code "SE "}, not {@code SE }), and, for a new value that equals a
 * reference value up to case or surrounding spaces, what differs and the fix upstream; for labels that are
 * dates in a layout other than ISO's, that they are dates read as labels.
 */
public final class ValueText {
    private ValueText() {
    }

    /**
     * {@code "SE " 5.1% (the reference's "SE" with other surrounding spaces), "NO" 0.2%}: new values, quoted, with
     * their share of today's valid values, each that is a reference label written another way named as such
     * ({@link #variantOf}).
     *
     * @param values    today's new values with their counts
     * @param valid     today's valid (present, not invalid) values
     * @param reference the reference's bins
     * @return the list as messages show it
     */
    static String named(Map<String, Long> values, long valid, Bins reference) {
        List<String> parts = new ArrayList<>();
        values.forEach((k, v) -> parts.add(newValue(k, DriftText.pct((double) v / Math.max(1, valid)),
                variantOf(k, reference).orElse(null))));
        return String.join(", ", parts);
    }

    /**
     * One new value as every output names it: {@code "gold " 5.70% (the reference's "Gold" with other case and
     * surrounding spaces)}.
     *
     * @param value   the value
     * @param share   its share of today's valid values, as the caller writes shares ({@code 5.70%})
     * @param variant the reference label it is a spelling of ({@link #variantOf}), or null
     * @return the words
     */
    public static String newValue(String value, String share, String variant) {
        return CellText.quote(value) + " " + share + (variant == null ? "" : " (" + variantWords(value, variant)
                + ")");
    }

    /**
     * The reference label a new value is a spelling of: one with the same {@link LabelVariants#key} (the rule that
     * {@code --normalize-labels} folds by), a kept category first, else the first such other category by name.
     *
     * @param value     a value the reference never had
     * @param reference the reference's bins ({@link CategoryBins} name their labels; other bins none)
     * @return the reference's label, or empty
     */
    public static Optional<String> variantOf(String value, Bins reference) {
        if (!(reference instanceof CategoryBins bins) || bins.folded()) {
            // folded bins put every spelling of a reference label in its bin: what is new is no spelling of one
            return Optional.empty();
        }
        String key = LabelVariants.key(value);
        return bins.top().stream().filter(r -> !r.equals(value) && LabelVariants.key(r).equals(key)).findFirst()
                .or(() -> bins.others().stream().filter(r -> !r.equals(value) && LabelVariants.key(r).equals(key))
                        .sorted().findFirst());
    }

    /**
     * Today's new values that are reference labels written another way ({@link #variantOf}), each with its label.
     *
     * @param newValues today's new values
     * @param reference the reference's bins
     * @return new value to reference label, in the order of {@code newValues}
     */
    public static Map<String, String> variants(Iterable<String> newValues, Bins reference) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String v : newValues) {
            variantOf(v, reference).ifPresent(r -> out.put(v, r));
        }
        return out;
    }

    /**
     * {@code the reference's "Gold" with other case and surrounding spaces}: what a new value is, and what differs.
     *
     * @param value     the new value
     * @param reference the reference label of the same key
     * @return the words
     */
    public static String variantWords(String value, String reference) {
        return "the reference's " + CellText.quote(reference) + " " + String.join(" and ", differences(value, reference).what);
    }

    /**
     * The fix for today's new values that are reference labels written another way, one sentence for the column:
     * {@code "gold " is a reference label written another way; if it is the same tier, trim spaces and normalise
     * case upstream, or count the spellings as one label with --normalize-labels at drift baseline}. A value the
     * reference never had is a change; a spelling of a known one is usually a producer's change of format, whose
     * fix is upstream (or folding), not a new baseline that learns the spelling.
     *
     * @param column    the column's name (the noun of the fix: "the same country")
     * @param newValues today's new values
     * @param reference the reference's bins ({@link CategoryBins} name its values; other bins none)
     * @return the sentence, or empty when no new value is such a spelling
     */
    static List<String> lookalikes(String column, Iterable<String> newValues, Bins reference) {
        Map<String, String> found = variants(newValues, reference);
        if (found.isEmpty()) {
            return List.of();
        }
        java.util.Set<String> fix = new java.util.LinkedHashSet<>();
        for (Map.Entry<String, String> e : found.entrySet()) {
            fix.addAll(differences(e.getKey(), e.getValue()).fix);
        }
        List<String> names = found.keySet().stream().map(CellText::quote).toList();
        List<String> fixes = new ArrayList<>(fix);
        if (fixes.remove("trim spaces")) {
            fixes.add(0, "trim spaces");
        }
        return List.of(String.join(", ", names) + (names.size() == 1 ? " is a reference label" : " are reference labels")
                + " written another way; if " + (names.size() == 1 ? "it is" : "they are") + " the same " + column
                + ", " + String.join(" and ", fixes) + " upstream, or count the spellings as one label with "
                + dev.surprisal.data.profile.ProfileOptions.NORMALIZE_LABELS);
    }

    /** What differs between two spellings of one label, and the fixes upstream. */
    private record Differences(List<String> what, List<String> fix) {
    }

    private static Differences differences(String value, String reference) {
        String r = Normalizer.normalize(reference, Normalizer.Form.NFC);
        String v = Normalizer.normalize(value, Normalizer.Form.NFC);
        List<String> what = new ArrayList<>();
        List<String> fix = new ArrayList<>();
        if (!r.equals(reference) || !v.equals(value)) {
            what.add("in another Unicode form (" + form(value) + " vs " + form(reference) + ")");
            fix.add("normalise to NFC");
        }
        List<String> other = new ArrayList<>();
        if (!LabelVariants.core(r).equals(LabelVariants.core(v))) {
            other.add("case");
            fix.add("normalise case");
        }
        if (!LabelVariants.core(r).equals(r) || !LabelVariants.core(v).equals(v)) {
            other.add("surrounding spaces");
            fix.add(0, "trim spaces");
        }
        if (!other.isEmpty()) {
            what.add("with other " + String.join(" and ", other));
        }
        return new Differences(what, fix);
    }

    private static String form(String value) {
        return Normalizer.isNormalized(value, Normalizer.Form.NFC) ? "NFC"
                : Normalizer.isNormalized(value, Normalizer.Form.NFD) ? "NFD" : "neither NFC nor NFD";
    }

    /** How many reference labels and new values {@link #dates} looks at, each. */
    private static final int DATES_LOOKED_AT = 200;

    /**
     * A note for a labelled column whose reference labels and new values are all dates in one layout that is
     * not ISO's ({@link DateLayout#of}: {@code 29/11/2026} is dd/mm/yyyy): such a column is read as text labels,
     * so every new day is a new value and the new-values rule fires each day (issue 9). The note names the
     * layout, an example and the fixes, so the alarm is not read as a change in the data.
     *
     * @param column    the column's name
     * @param newValues today's new values
     * @param reference the reference's bins ({@link CategoryBins} name its labels; other bins none)
     * @return the note, or empty when the values are not such dates
     */
    static Optional<String> dates(String column, java.util.Collection<String> newValues, Bins reference) {
        if (!(reference instanceof CategoryBins bins) || newValues.isEmpty()) {
            return Optional.empty();
        }
        List<String> seen = new ArrayList<>();
        bins.top().stream().filter(v -> !v.isEmpty()).limit(DATES_LOOKED_AT).forEach(seen::add);
        bins.others().stream().sorted().limit(DATES_LOOKED_AT).forEach(seen::add);
        newValues.stream().limit(DATES_LOOKED_AT).forEach(seen::add);
        String example = newValues.iterator().next();
        return DateLayout.of(seen).map(layout -> column + ": its values are dates written " + layout + " ("
                + CellText.quote(example) + "), which are read as text labels (only ISO dates, yyyy-mm-dd, are read as "
                + "dates), so each new day is a new value; write the dates as yyyy-mm-dd upstream to have a date "
                + "column with a stale-data check, or leave the column out of the baseline (--exclude " + column
                + ")");
    }
}
