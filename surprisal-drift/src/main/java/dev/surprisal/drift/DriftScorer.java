// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.core.Base;
import dev.surprisal.core.ColumnRole;
import dev.surprisal.core.ValidationException;
import dev.surprisal.data.profile.ColumnProfile;
import dev.surprisal.data.profile.Profile;

import java.util.List;

/**
 * Scores a current {@link Profile} against a reference profile counted on the same frozen roles and
 * bins. Each column ends OK, WARN or DRIFT, with the reason in plain words.
 *
 * <p><b>Scored columns</b> (binary, discrete, continuous, categorical). The binned distribution has
 * two more bins, missing and invalid cells. A move of either share beyond noise is judged by its own
 * check (rule 3), so one cause gives one alarm line: when either share rose so, the divergences are
 * taken on the valid cells (both bins left out, and the critical value at the valid counts), and their
 * line says so; a fall of either is left out of the divergences. A smaller rise stays in the
 * divergences, like any other change. A categorical column's
 * other and unseen bins are compared as one tail bin ({@code tailMerged}): values the reference never
 * had are judged by the new-mass rule alone, whose null expects them.
 * Divergences are taken after the same smoothing of both sides ({@link DriftOptions#smoothing()}).
 * With α' = α / (the tests the columns run, {@link #tests(ColumnRole)}: Bonferroni):
 * <ol>
 *   <li>the deciding measure (PSI by default) at least its warn band and beyond its
 *       sample-size-aware critical value at α' is WARN, at least its drift band and beyond it DRIFT;</li>
 *   <li>"new mass" — today's share of valid values in bins the reference never saw (below or above
 *       its range, unseen values or categories) — at least {@link DriftOptions#newMass()} and improbable
 *       under its null at α' is DRIFT. The null: for a continuous column the exact distribution of the
 *       number of values outside the reference's range under exchangeability ({@link RangeExceedance});
 *       for a categorical column a binomial with rate (others + 1)/(n + 1), an upper bound on the
 *       Good–Turing unseen mass; for a value-binned column a binomial with rate 1/(n + 1). A categorical
 *       column with rare reference values (other categories) also DRIFTs when one new value is at least
 *       {@link DriftOptions#newMass()} of today and improbable by the bound of {@code frequentNewValueP}; the two
 *       tests then run at α'/2 each;</li>
 *   <li>the missing share, or the invalid share, rising by at least {@link DriftOptions#newMass()}
 *       and beyond noise (two-proportion z-test at α') is DRIFT, one line naming the shares before and
 *       after, today's count and the first invalid value with its line; falling so is WARN (cleaner
 *       data, or an upstream parser that now fills or drops what it used to leave empty or malformed).</li>
 * </ol>
 * <p><b>Unscored columns</b> (id-like, timestamp, date, constant) are checked, not scored: the
 * missing share as above; for timestamps and dates also the invalid share as above (cells that are
 * no ISO date, date-time or epoch number, which a downstream parser rejects; the alarm names the format
 * expected and what was found); for id-like columns duplicate keys, today's share of repeated values
 * rising by at least a point beyond noise (WARN); for timestamps and dates stale data as
 * {@link Freshness} says (WARN: two samples of one period are not stale; a monitor's next batch is
 * when its newest value does not advance past the previous batch's); for a constant column more than
 * one value today (WARN).
 *
 * <p>Where the rule lives: this class splits α and dispatches each column; {@code ScoredColumn} and
 * {@code UnscoredColumn} judge one column of each kind, {@code NewValues} rule 2, {@code ShareChecks}
 * rule 3 and the duplicate-key test, {@code Yardstick} the column type's own measure of change, and
 * {@code DriftText} words the numbers.
 */
public final class DriftScorer {
    private DriftScorer() {
    }

    /**
     * Scores every column of {@code current} (counted on the reference: all its columns, or a selection
     * of them) against {@code reference}.
     *
     * @param reference the reference profile
     * @param current   today's profile, counted on the reference
     * @param options   the rule
     * @return the report
     * @throws ValidationException if a column is missing from current or was counted on other bins
     */
    public static DriftReport compare(Profile reference, Profile current, DriftOptions options) {
        return compare(reference, current, options, ColumnRules.none());
    }

    /**
     * As {@link #compare(Profile, Profile, DriftOptions)}, each column judged on its own bands where
     * {@code columns} gives them (the false-alarm budget α and the measure stay the check's).
     *
     * @param reference the reference profile
     * @param current   today's profile, counted on the reference
     * @param options   the check's rule
     * @param columns   per-column bands over it
     * @return the report
     * @throws ValidationException if a column is missing from current or was counted on other bins, or
     *                             {@code columns} names a column the reference lacks
     */
    public static DriftReport compare(Profile reference, Profile current, DriftOptions options, ColumnRules columns) {
        return compare(reference, current, options, columns, Base.BITS);
    }

    /**
     * As {@link #compare(Profile, Profile, DriftOptions, ColumnRules)}, the reasons stating a KL or JS
     * deciding measure (its value, bands and critical value) in {@code base}'s unit, as the table
     * and the JSON show it.
     *
     * @param reference the reference profile
     * @param current   today's profile, counted on the reference
     * @param options   the check's rule
     * @param columns   per-column bands over it
     * @param base      the unit KL and JS are shown in (bits unless the user chose another)
     * @return the report
     * @throws ValidationException if a column is missing from current or was counted on other bins, or
     *                             {@code columns} names a column the reference lacks
     */
    public static DriftReport compare(Profile reference, Profile current, DriftOptions options, ColumnRules columns,
                                      Base base) {
        return compare(reference, current, options, columns, base, Freshness.samples());
    }

    /**
     * As {@link #compare(Profile, Profile, DriftOptions, ColumnRules, Base)}, timestamp and date
     * columns checked for stale data as {@code freshness} says: {@link Freshness#samples()} for two
     * samples that may cover the same period (what the shorter overloads use), {@link Freshness#after}
     * or {@link Freshness#nextBatch()} for a monitor's next batch.
     *
     * @param reference the reference profile
     * @param current   today's profile, counted on the reference
     * @param options   the check's rule
     * @param columns   per-column bands over it
     * @param base      the unit KL and JS are shown in (bits unless the user chose another)
     * @param freshness what today's timestamps are compared with
     * @return the report
     * @throws ValidationException if a column is missing from current or was counted on other bins, or
     *                             {@code columns} names a column the reference lacks
     */
    public static DriftReport compare(Profile reference, Profile current, DriftOptions options, ColumnRules columns,
                                      Base base, Freshness freshness) {
        columns.validate(reference.columnNames());
        int tests = 0;
        for (ColumnProfile q : current.columns()) {
            tests += tests(reference.column(q.name()).role());
        }
        double alphaEach = options.alpha() / Math.max(1, tests);
        List<ColumnProfile> today = current.columns();
        for (ColumnProfile q : today) {
            ColumnProfile p = reference.column(q.name());
            if (!p.sameBins(q)) {
                throw new ValidationException("current: column '" + p.name()
                        + "' was not counted on the reference's bins; count it with ProfileBuilder.count(reference, ...)");
            }
        }
        // the columns are scored in parallel (KS and W1 sort each column's samples: a fifth of a second on one
        // core for ten columns, while the other idled), each into its own slot, so the report keeps their order
        // and does not depend on the threads; a failure is the first column's, as when they ran one by one
        ColumnDrift[] scored = new ColumnDrift[today.size()];
        RuntimeException[] failed = new RuntimeException[today.size()];
        java.util.stream.IntStream.range(0, scored.length).parallel().forEach(j -> {
            ColumnProfile q = today.get(j);
            ColumnProfile p = reference.column(q.name());
            try {
                DriftOptions o = columns.forColumn(options, p.name());
                scored[j] = p.scored() ? ScoredColumn.score(p, q, o, alphaEach, base)
                        : UnscoredColumn.check(p, q, o, alphaEach, freshness);
            } catch (RuntimeException e) {
                failed[j] = e;
            }
        });
        for (RuntimeException e : failed) {
            if (e != null) {
                throw e;
            }
        }
        return new DriftReport(java.util.Arrays.asList(scored), options, reference.rows(), current.rows());
    }

    /**
     * The tests a column of this role runs, each at α' (the Bonferroni split of α): for a scored
     * column the divergence, the new mass and the missing share, and the invalid share when it is
     * numeric; for an unscored one the missing share, duplicate keys when it is id-like, and the
     * invalid share (cells that are no date or time) when it is a timestamp or date (the stale and
     * constant checks are comparisons, not tests).
     *
     * @param role a column's frozen role
     * @return the number of tests it runs
     */
    public static int tests(ColumnRole role) {
        if (role.isScored()) {
            return role.isNumeric() ? 4 : 3;
        }
        return role == ColumnRole.ID_LIKE || role.isTemporal() ? 2 : 1;
    }
}
