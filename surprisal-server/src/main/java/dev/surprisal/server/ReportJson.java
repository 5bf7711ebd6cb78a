// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.data.NonFiniteJson;
import dev.surprisal.drift.ColumnDrift;
import dev.surprisal.drift.DriftReport;
import dev.surprisal.drift.rules.Alarm;

/**
 * The server's JSON: one mapper for every answer, with the project's rule for non-finite numbers
 * ({@link NonFiniteJson}, the CLI's too: NaN is {@code null} with a {@code <name>Reason} field, ±∞ the
 * strings {@code "Infinity"} / {@code "-Infinity"}), and a check as
 * an object whose per-column fields carry their unit in the name ({@code klNats}, {@code jsBits};
 * PSI, Hellinger, TV and KS are unitless) or in {@code units}.
 */
public final class ReportJson {
    /** The mapper of every JSON answer. */
    public static final ObjectMapper MAPPER = NonFiniteJson.mapper(false);

    private ReportJson() {
    }

    /**
     * @param r a check
     * @return its JSON text
     */
    public static String of(CheckResult r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("runId", r.runId()).put("monitor", r.monitor()).put("window", r.window()).put("status", r.status())
                .put("alarm", r.alarm()).put("rows", r.rows()).put("durationMs", r.durationMs());
        DriftReport rep = r.report();
        o.put("reference", r.reference());
        o.put("referenceRows", rep.referenceRows()).put("measure", rep.options().measure().name().toLowerCase())
                .put("measureUnit", rep.options().measure().unitLabel());
        o.set("warn", MAPPER.valueToTree(rep.options().warn()));
        o.set("drift", MAPPER.valueToTree(rep.options().drift()));
        o.put("alpha", rep.options().alpha()).put("datasetDrift", rep.datasetDrift());
        o.set("driftedShare", MAPPER.valueToTree(rep.driftedShare()));
        ArrayNode alarms = o.putArray("alarms");
        for (Alarm a : r.alarms()) {
            alarms.addObject().put("column", a.column()).put("kind", a.kind().name()).put("message", a.message());
        }
        ObjectNode units = o.putObject("units");
        units.put("klNats", "nats, KL(reference || window)").put("reverseKlNats", "nats, KL(window || reference)")
                .put("jsBits", "bits").put("psi", "unitless (natural log)").put("hellinger", "unitless, 0..1")
                .put("totalVariation", "unitless, 0..1").put("newMass", "share of the window's rows, 0..1")
                .put("critical", "the deciding measure's noise level, in its unit");
        ArrayNode cols = o.putArray("columns");
        for (ColumnDrift c : rep.bySeverity()) {
            cols.add(MAPPER.valueToTree(c));
        }
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a check as JSON", e);
        }
    }
}
