// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.core.ValidationException;
import dev.surprisal.data.CellLocator;
import dev.surprisal.data.Table;
import dev.surprisal.data.roles.RoleDecision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entry points for an engine that splits a source into parts (Spark partitions, chunks of
 * rows) and must still give the profile {@link ProfileBuilder} gives on the whole source: the same
 * bin fitting ({@link Binning}, from what the engine gathered), the same per-cell counting rules ({@link MemoryProfiler}) run on
 * each part with the source's row numbers, and a merge in a fixed order that is exact where
 * {@link Profile#merge} alone is not (every unseen value is kept until the end; the distinct
 * count of key columns, which does not merge, is supplied by the engine).
 *
 * <pre>{@code
 * Profile frozen = PartialProfiles.reference(decisions, bins, excluded);
 * Profile a = PartialProfiles.count(frozen, rows1to1000, 0, true);
 * Profile b = PartialProfiles.count(frozen, rows1001to2000, 1000, true);
 * Profile whole = PartialProfiles.finish(PartialProfiles.merge(List.of(a, b)), exactDistinctKeys);
 * }</pre>
 */
public final class PartialProfiles {
    private PartialProfiles() {
    }

    /**
     * A reference with frozen roles and bins and nothing counted yet, to count parts on.
     *
     * @param decisions the columns' roles, in order
     * @param bins      the bins of the scored columns by name
     * @param excluded  the columns left out by --exclude
     * @return the empty reference
     */
    public static Profile reference(List<RoleDecision> decisions, Map<String, Bins> bins, List<String> excluded) {
        List<ColumnProfile> shells = new ArrayList<>();
        for (RoleDecision d : decisions) {
            Bins b = d.role().isScored() ? bins.get(d.column()) : null;
            if (d.role().isScored() && b == null) {
                throw new ValidationException("bins: none for scored column '" + d.column() + "'");
            }
            shells.add(new ColumnProfile(d.column(), d.role(), d.reason(), b, new long[b == null ? 0 : b.size()], 0, 0, 0,
                    null, null, null, null, null, d.convention()).withLayout(d.layout()));
        }
        return Profile.of(shells, 0, excluded, Map.of());
    }

    /**
     * Counts one part of a source on a reference's frozen bins.
     *
     * @param reference the reference (its columns name the part's columns)
     * @param part      the part's rows, every cell as {@link ProfileBuilder#count(Profile, Table)} reads it
     * @param firstRow  how many rows of the source come before the part (its first row is row firstRow + 1)
     * @param lines     whether invalid cells are located by CSV line (the header is line 1, one record a
     *                  line: a part does not have the file at hand) rather than by row
     * @return the part's profile, with every unseen value kept (not only the top ones)
     */
    public static Profile count(Profile reference, Table part, long firstRow, boolean lines) {
        return Profile.of(MemoryProfiler.count(reference.columns(), part,
                lines ? CellLocator.LINES : CellLocator.ROWS, firstRow, true), part.rowCount(),
                reference.excluded(), Map.of());
    }

    /**
     * The parts together, in the given order (the source's): counts add, samples merge as bottom-k samples,
     * and every unseen value and every invalid value (counts added, its first cell the earliest part's) is kept,
     * so the result is again a part that merges exactly.
     *
     * @param parts profiles from {@link #count} or this method, in source order
     * @return the parts as one part
     * @throws ValidationException when there is no part, or the parts were counted on different references
     */
    public static Profile merge(List<Profile> parts) {
        if (parts.isEmpty()) {
            throw new ValidationException("parts: none to merge");
        }
        Profile all = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            all = all.merge(parts.get(i));
        }
        List<ColumnProfile> out = new ArrayList<>();
        for (ColumnProfile c : all.columns()) {
            Map<String, Long> unseen = new LinkedHashMap<>();
            List<InvalidCell> invalid = List.of();
            for (Profile p : parts) {
                p.column(c.name()).unseen().forEach((k, v) -> unseen.merge(k, v, Long::sum));
                invalid = InvalidCell.merged(invalid, p.column(c.name()).invalidCells());
            }
            out.add(c.withCounts(c.counts(), c.rows(), c.missing(), c.invalid(), invalid, unseen,
                    c.moments(), c.sample(), c.keys()));
        }
        return Profile.of(out, all.rows(), all.excluded(), all.rule());
    }

    /**
     * The whole source's profile from its merged parts: the {@value ColumnProfile#UNSEEN_KEPT} most
     * frequent unseen values and the {@value InvalidCell#KEPT} most frequent invalid values are kept, and each
     * key column gets its exact distinct count.
     *
     * @param merged   the merge of every part ({@link #merge})
     * @param distinct the exact distinct count of each unscored column (key checks), by name
     * @return the profile {@link ProfileBuilder} gives on the whole source
     * @throws ValidationException when a key column's distinct count is missing
     */
    public static Profile finish(Profile merged, Map<String, Long> distinct) {
        List<ColumnProfile> out = new ArrayList<>();
        for (ColumnProfile c : merged.columns()) {
            KeyStats keys = c.keys();
            if (keys != null) {
                Long d = distinct.get(c.name());
                if (d == null) {
                    throw new ValidationException("distinct: no count for key column '" + c.name() + "'");
                }
                keys = new KeyStats(keys.present(), d, keys.min(), keys.max());
            }
            out.add(c.withCounts(c.counts(), c.rows(), c.missing(), c.invalid(), InvalidCell.top(c.invalidCells()),
                    ColumnProfile.topUnseen(c.unseen()), c.moments(), c.sample(), keys));
        }
        return Profile.of(out, merged.rows(), merged.excluded(), merged.rule());
    }
}
