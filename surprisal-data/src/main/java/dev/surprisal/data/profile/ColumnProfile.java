// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.roles.NumberConvention;
import dev.surprisal.core.ValidationException;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One column of a {@link Profile}: its frozen {@link ColumnRole} with the reason, and what was
 * counted. A scored column (binary, discrete, continuous, categorical) has counts over frozen
 * {@link Bins}, plus missing cells, and for numeric roles invalid cells (neither a number nor
 * missing) with the most frequent invalid values counted ({@link InvalidCell}); a categorical or value-binned column
 * names its most frequent unseen values; a continuous column has exact {@link Moments} and a
 * seeded {@link RowSample} for KS and W₁. A column that is not scored (id-like, timestamp, date,
 * constant) has {@link KeyStats} instead of bins. Immutable.
 */
public final class ColumnProfile {
    /** How many unseen values a column names, the most frequent first. */
    public static final int UNSEEN_KEPT = 10;

    private final String name;
    private final ColumnRole role;
    private final String reason;
    private final Bins bins;
    private final long[] counts;
    private final long rows;
    private final long missing;
    private final long invalid;
    private final List<InvalidCell> invalidCells;
    private final Map<String, Long> unseen;
    private final Moments moments;
    private final RowSample sample;
    private final KeyStats keys;
    private final NumberConvention convention;
    /** How a date or timestamp column writes its dates, frozen with the role; ISO for every other column. */
    private dev.surprisal.data.roles.DateLayout layout = dev.surprisal.data.roles.DateLayout.ISO;

    /**
     * @param name         column name
     * @param role         its frozen role
     * @param reason       why it has this role
     * @param bins         the frozen bins (null for an unscored role)
     * @param counts       counts per bin (empty without bins)
     * @param rows         cells, missing and invalid ones included
     * @param missing      missing cells
     * @param invalid      invalid cells (numeric roles)
     * @param invalidCells the most frequent invalid values with their counts and first cells ({@link InvalidCell#top})
     * @param unseen       the most frequent values in the unseen bin, with their counts
     * @param moments      exact moments of the finite values (continuous), or null
     * @param sample       the seeded sample for KS and W₁ (continuous), or null
     * @param keys         the key checks' statistics (unscored roles), or null
     */
    public ColumnProfile(String name, ColumnRole role, String reason, Bins bins, long[] counts, long rows, long missing,
                         long invalid, List<InvalidCell> invalidCells, Map<String, Long> unseen, Moments moments,
                         RowSample sample, KeyStats keys) {
        this(name, role, reason, bins, counts, rows, missing, invalid, invalidCells, unseen, moments, sample, keys,
                NumberConvention.DECIMAL_POINT);
    }

    /**
     * @param name         column name
     * @param role         its frozen role
     * @param reason       why it has this role
     * @param bins         the frozen bins (null for an unscored role)
     * @param counts       counts per bin (empty without bins)
     * @param rows         cells, missing and invalid ones included
     * @param missing      missing cells
     * @param invalid      invalid cells (numeric roles)
     * @param invalidCells the most frequent invalid values with their counts and first cells ({@link InvalidCell#top})
     * @param unseen       the most frequent values in the unseen bin, with their counts
     * @param moments      exact moments of the finite values (continuous), or null
     * @param sample       the seeded sample for KS and W₁ (continuous), or null
     * @param keys         the key checks' statistics (unscored roles), or null
     * @param convention   how its cells are read as numbers, frozen with the role: a later day's file is read the
     *                     same way ({@link dev.surprisal.data.roles.RoleRules#convention})
     */
    public ColumnProfile(String name, ColumnRole role, String reason, Bins bins, long[] counts, long rows, long missing,
                         long invalid, List<InvalidCell> invalidCells, Map<String, Long> unseen, Moments moments,
                         RowSample sample, KeyStats keys, NumberConvention convention) {
        this.convention = Objects.requireNonNull(convention, "convention");
        this.name = Objects.requireNonNull(name, "name");
        this.role = Objects.requireNonNull(role, "role");
        this.reason = reason == null ? "" : reason;
        this.bins = bins;
        this.counts = counts == null ? new long[0] : counts.clone();
        this.rows = rows;
        this.missing = missing;
        this.invalid = invalid;
        this.invalidCells = invalidCells == null ? List.of() : List.copyOf(invalidCells);
        this.unseen = unseen == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(unseen));
        this.moments = moments;
        this.sample = sample;
        this.keys = keys;
        int size = bins == null ? 0 : bins.size();
        if (this.counts.length != size) {
            throw new ValidationException("counts: length " + this.counts.length + " does not match " + size + " bins");
        }
        if (rows < missing + invalid + Arrays.stream(this.counts).sum()) {
            throw new ValidationException("rows: " + rows + " is fewer than the cells counted in '" + name + "'");
        }
    }

    /**
     * @return how the column's cells are read as numbers, frozen with its role
     */
    public NumberConvention convention() {
        return convention;
    }

    /**
     * @return how the column's dates are written, frozen with its role: a later day's cells are read in this layout
     *         ({@link dev.surprisal.data.roles.DateLayout#iso}), a cell in another one is invalid
     */
    public dev.surprisal.data.roles.DateLayout layout() {
        return layout;
    }

    /**
     * @param l how the column's dates are written ({@link dev.surprisal.data.roles.RoleDecision#layout})
     * @return a copy with that layout
     */
    public ColumnProfile withLayout(dev.surprisal.data.roles.DateLayout l) {
        ColumnProfile c = new ColumnProfile(name, role, reason, bins, counts, rows, missing, invalid, invalidCells,
                unseen, moments, sample, keys, convention);
        c.layout = Objects.requireNonNull(l, "layout");
        return c;
    }

    /**
     * @return the column's name
     */
    public String name() {
        return name;
    }

    /** @return the role, frozen when the reference was profiled */
    public ColumnRole role() {
        return role;
    }

    /** @return why the column has its role */
    public String reason() {
        return reason;
    }

    /** @return true when the column's distribution is scored (it has bins) */
    public boolean scored() {
        return bins != null;
    }

    /** @return the frozen bins, or null for an unscored column */
    public Bins bins() {
        return bins;
    }

    /** @return the bins of a continuous column, or null */
    public NumericBins numericBins() {
        return bins instanceof NumericBins ? (NumericBins) bins : null;
    }

    /** @return the bins of a categorical column, or null */
    public CategoryBins categoryBins() {
        return bins instanceof CategoryBins ? (CategoryBins) bins : null;
    }

    /** @return the bins of a binary or discrete column, or null */
    public ValueBins valueBins() {
        return bins instanceof ValueBins ? (ValueBins) bins : null;
    }

    /** @return counts per bin (a copy), without missing and invalid cells */
    public long[] counts() {
        return counts.clone();
    }

    /** @return number of bins (missing and invalid not included) */
    public int binCount() {
        return counts.length;
    }

    /** @return missing cells: NULL and pandas' missing strings */
    public long missing() {
        return missing;
    }

    /** @return cells of a numeric column that are neither numbers nor missing */
    public long invalid() {
        return invalid;
    }

    /**
     * @return the most frequent invalid values, each with its count and first cell, most frequent first (in a
     *         profile stored before values were counted: the first cell of each value in file order, not counted)
     */
    public List<InvalidCell> invalidCells() {
        return invalidCells;
    }

    /**
     * @return how many invalid cells hold none of the values {@link #invalidCells} lists, or -1 when those were not
     *         counted (a profile stored before values were counted)
     */
    public long otherInvalid() {
        return InvalidCell.others(invalid, invalidCells);
    }

    /** @return the most frequent unseen values with their counts, most frequent first */
    public Map<String, Long> unseen() {
        return unseen;
    }

    /** @return cells, missing and invalid ones included */
    public long rows() {
        return rows;
    }

    /** @return exact moments of the finite values, or null */
    public Moments moments() {
        return moments;
    }

    /** @return the seeded sample for KS and W₁, or null */
    public RowSample sample() {
        return sample;
    }

    /** @return the key checks' statistics of an unscored column, or null */
    public KeyStats keys() {
        return keys;
    }

    /**
     * @param i a bin
     * @return its label, a time-of-day column's values written as times ({@code [08:15:32, 09:02:10)}), not seconds
     */
    public String binLabel(int i) {
        return convention() == dev.surprisal.data.roles.NumberConvention.TIME_OF_DAY
                ? bins.label(i, dev.surprisal.data.roles.Cells::formatTimeOfDay) : bins.label(i);
    }

    /**
     * @param i a bin
     * @return true for bins the reference has no mass in by construction (out of range, unseen)
     */
    public boolean isNovelBin(int i) {
        return bins.isNovel(i);
    }

    /**
     * @param other another profile of this column
     * @return true when both have the same role and frozen bins, so they can be merged or compared
     */
    public boolean sameBins(ColumnProfile other) {
        return role == other.role && Objects.equals(bins, other.bins);
    }

    /**
     * This column with counts of other data on the same bins (used by the profilers).
     *
     * @return a copy with these counts
     */
    ColumnProfile withCounts(long[] counts, long rows, long missing, long invalid, List<InvalidCell> invalidCells,
                             Map<String, Long> unseen, Moments moments, RowSample sample, KeyStats keys) {
        return new ColumnProfile(name, role, reason, bins, counts, rows, missing, invalid, invalidCells, unseen, moments,
                sample, keys, convention).withLayout(layout);
    }

    /**
     * Both parts of the same data together: counts, missing and invalid cells add, moments merge
     * exactly, samples merge as bottom-k samples, unseen values and invalid values add (the most frequent
     * kept: {@link ColumnProfile#topUnseen}, {@link InvalidCell#top}; {@link PartialProfiles} keeps them all).
     *
     * @param other the other part, profiled on the same reference
     * @return the merged column
     * @throws ValidationException if the names, roles or bins differ
     */
    public ColumnProfile merge(ColumnProfile other) {
        if (!name.equals(other.name) || !sameBins(other)) {
            throw new ValidationException("other: column '" + other.name + "' was not counted on the same bins as '"
                    + name + "'; profiles merge only when built on one reference");
        }
        long[] c = counts.clone();
        for (int i = 0; i < c.length; i++) {
            c[i] += other.counts[i];
        }
        // counts of a value add, its first cell is this part's; the most frequent are kept, as a profile keeps them
        List<InvalidCell> cells = InvalidCell.top(InvalidCell.merged(invalidCells, other.invalidCells));
        Map<String, Long> u = new LinkedHashMap<>(unseen);
        other.unseen.forEach((k, v) -> u.merge(k, v, Long::sum));
        return withCounts(c, rows + other.rows, missing + other.missing, invalid + other.invalid, cells, topUnseen(u),
                moments == null || other.moments == null ? moments : moments.merge(other.moments),
                sample == null || other.sample == null ? sample : sample.merge(other.sample),
                keys == null || other.keys == null ? keys : keys.merge(other.keys));
    }

    /**
     * @param counts unseen values with counts
     * @return the {@value #UNSEEN_KEPT} most frequent, ties by value
     */
    public static Map<String, Long> topUnseen(Map<String, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(UNSEEN_KEPT).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    @Override
    public String toString() {
        return "ColumnProfile[" + name + ", " + role.label() + ", bins=" + counts.length + ", rows=" + rows + ", missing="
                + missing + ", invalid=" + invalid + "]";
    }
}
