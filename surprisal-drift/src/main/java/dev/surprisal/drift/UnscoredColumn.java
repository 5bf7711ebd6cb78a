// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.profile.ColumnProfile;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks one id-like, timestamp, date or constant column by {@link DriftScorer}'s rule for unscored
 * columns: its missing share; a timestamp's or date's invalid share ({@link TimeCells}) and stale data
 * ({@link Freshness}); an id-like column's duplicate keys; a constant column's values.
 */
final class UnscoredColumn {
    private UnscoredColumn() {
    }

    /**
     * @param p         the reference's column
     * @param q         today's column
     * @param o         the column's rule
     * @param alphaEach α' (the Bonferroni share of α of each test)
     * @param freshness what today's timestamps are compared with
     * @return the column's drift, its divergences NaN
     */
    static ColumnDrift check(ColumnProfile p, ColumnProfile q, DriftOptions o, double alphaEach, Freshness freshness) {
        long n = p.rows();
        long m = q.rows();
        Findings f = new Findings();
        boolean staleCheckSkipped = false;
        ShareChecks.judge(f, "missing", p.missing(), n, q.missing(), m, o, alphaEach, "");
        if (p.role().isTemporal()) {
            // one cause, one line: the invalid share's alarm names what was expected and what was found
            // what the cells hold is described only when an alarm shows it
            Status invalid = ShareChecks.report(f, ShareChecks.verdict(p.invalid(), n, q.invalid(), m, o, alphaEach),
                    "invalid", p.invalid(), n, q.invalid(), m, () -> TimeCells.found(p, q));
            if (invalid != Status.DRIFT && TimeCells.turnedAllInvalid(p, q)) {
                f.add(Status.DRIFT, TimeCells.found(p, q));
            }
        }
        if (p.keys() != null && q.keys() != null) {
            if (p.role() == ColumnRole.ID_LIKE) {
                double dr = p.keys().duplicateShare();
                double dc = q.keys().duplicateShare();
                long pn = p.keys().present();
                long qn = q.keys().present();
                if (!Double.isNaN(dr) && !Double.isNaN(dc) && dc - dr >= 0.01
                        && ShareChecks.twoProportionP(Math.round(dr * pn), pn, Math.round(dc * qn), qn) < alphaEach) {
                    f.add(Status.WARN, String.format(Locale.ROOT, "duplicate keys: %.1f%% of today's values repeat "
                            + "(reference %.1f%%)", 100 * dc, 100 * dr));
                }
            } else if (p.role().isTemporal()) {
                staleCheckSkipped = freshness.judge(p.name(), p.keys().min(), p.keys().max(), q.keys().min(), q.keys().max(), f);
            } else if (p.role() == ColumnRole.CONSTANT && q.keys().distinct() > Math.max(1, p.keys().distinct())) {
                f.add(Status.WARN, q.keys().distinct() + " distinct values today in a column that was constant");
            }
        }
        f.add(Status.OK, p.role().label() + ": not scored (" + p.reason() + ")");
        double nan = Double.NaN;
        return new ColumnDrift(p.name(), p.role(), false, f.status, f.reason(), n, m, nan, nan, nan, nan, nan, nan, nan,
                nan, nan, nan, nan, nan, ShareChecks.rate(p.missing(), n), ShareChecks.rate(q.missing(), m),
                ShareChecks.rate(p.invalid(), n), ShareChecks.rate(q.invalid(), m), nan, nan, nan, nan, 0, Map.of(),
                q.invalidCells(), List.of(), staleCheckSkipped, null, Map.of(), p.convention());
    }
}
