// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.data.mi.MiTable;
import dev.surprisal.data.roles.RoleDecision;
import dev.surprisal.selection.RankedFeature;

/** The "columns" preamble of the {@code mi} modes: each column's role and reason, and what was left out. */
final class MiNotes {
    private MiNotes() {
    }

    /** One note per column left out by its role, saying why and how to bring it back. */
    static void leftOut(MiTable table, Report report) {
        table.leftOutNotes().forEach(report::note);
    }

    /** {@code [{"column", "role", "reason", "used"}]}. */
    static ArrayNode columnsJson(MiTable table) {
        ArrayNode a = Report.arrayNode();
        for (RoleDecision d : table.decisions()) {
            a.add(entry(d, true));
        }
        for (RoleDecision d : table.leftOut()) {
            a.add(entry(d, false));
        }
        return a;
    }

    /**
     * Why a feature's {@code biased_low_bound} is null ({@link RankedFeature#biasedLowBound} NaN means no bound
     * applies), in words that are true of it, for the ranking and the pair alike.
     */
    static String noBiasedLowBound(RankedFeature f) {
        if (f.skipped() != null) {
            return "the feature was skipped";
        }
        return f.estimator().startsWith("KSG")
                ? "the estimate is not below the least MI the normal-score correlation implies (beyond its noise)"
                : "the bound compares a KSG estimate of two continuous columns with their correlation; this pair is"
                + " scored by " + f.estimator();
    }

    private static ObjectNode entry(RoleDecision d, boolean used) {
        ObjectNode o = Report.objectNode();
        o.put("column", d.column());
        o.put("role", d.role().label());
        o.put("reason", d.reason());
        o.put("used", used);
        return o;
    }
}
