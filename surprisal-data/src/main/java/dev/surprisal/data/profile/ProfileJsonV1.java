// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.surprisal.core.ColumnRole;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads version-1 profiles (written before column roles; kinds NUMERIC, DATETIME, CATEGORICAL,
 * BOOLEAN and a KLL sketch per numeric column), so that stores written by earlier builds keep
 * working: see {@link ProfileJson}.
 */
final class ProfileJsonV1 {
    private static final String REASON = "from a version-1 baseline (before roles); re-run 'drift baseline' to detect roles";

    private ProfileJsonV1() {
    }

    static Profile fromTree(JsonNode root) {
        List<ColumnProfile> cols = new ArrayList<>();
        for (JsonNode o : root.path("columns")) {
            String name = o.path("name").asText();
            String kind = o.path("kind").asText();
            long[] counts = new long[o.path("counts").size()];
            long sum = 0;
            for (int i = 0; i < counts.length; i++) {
                counts[i] = o.path("counts").get(i).asLong();
                sum += counts[i];
            }
            long missing = o.path("missing").asLong();
            long rows = sum + missing;
            if (kind.equals("NUMERIC")) {
                NumericBins bins = NumericBins.of(ProfileJson.doubles(o.path("edges")));
                RowSample sample = o.has("kll") ? fromSketch(o.path("kll").asText()) : null;
                cols.add(new ColumnProfile(name, ColumnRole.CONTINUOUS, REASON, bins, counts, rows, missing, 0, null, null,
                        ProfileJson.moments(o.path("moments")), sample, null));
            } else if (kind.equals("DATETIME")) {
                cols.add(new ColumnProfile(name, ColumnRole.TIMESTAMP, REASON, null, new long[0], rows, missing, 0, null,
                        null, null, null, new KeyStats(sum, -1, null, null)));
            } else {
                List<String> top = new ArrayList<>();
                o.path("top").forEach(t -> top.add(t.asText()));
                Set<String> others = new LinkedHashSet<>();
                o.path("others").forEach(t -> others.add(t.asText()));
                cols.add(new ColumnProfile(name, ColumnRole.CATEGORICAL, REASON, CategoryBins.of(top, others,
                        o.path("othersComplete").asBoolean()), counts, rows, missing, 0, null, null, null, null, null));
            }
        }
        return Profile.of(cols, root.path("rows").asLong(), List.of(), Map.of());
    }

    /** Evenly spaced quantiles of the stored KLL sketch stand in for the sample. */
    private static RowSample fromSketch(String base64) {
        KllDoublesSketch s = KllDoublesSketch.heapify(Memory.wrap(Base64.getDecoder().decode(base64)));
        if (s.isEmpty()) {
            return RowSample.of(new long[0], new double[0], RowSample.SIZE);
        }
        int n = (int) Math.min(RowSample.SIZE, s.getN());
        long[] keys = new long[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            keys[i] = i;
            values[i] = s.getQuantile((i + 0.5) / n);
        }
        return RowSample.of(keys, values, RowSample.SIZE);
    }
}
