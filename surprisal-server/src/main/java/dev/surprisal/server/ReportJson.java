// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.data.NonFiniteJson;
import dev.surprisal.drift.ColumnDrift;
import dev.surprisal.drift.DriftReport;
import dev.surprisal.drift.rules.Alarm;

/**
 * The server's JSON: one mapper for every answer, keys in snake_case as in the CLI's {@code --json},
 * with the project's rule for non-finite numbers ({@link NonFiniteJson}, the CLI's too: NaN is
 * {@code null} with a {@code <name>_reason} field, ±∞ the strings {@code "Infinity"} /
 * {@code "-Infinity"}), and a check as an object whose per-column fields carry their unit in the
 * name ({@code kl_nats}, {@code js_bits}; PSI, Hellinger, TV and KS are unitless) or in {@code units}.
 *
 * <p>Checks stored before 1 December 2026 hold their JSON with camelCase keys ({@code runId});
 * {@link #upgrade} renames them when such a check is read, so every answer has one key style.
 */
public final class ReportJson {
    /** The mapper of every JSON answer. */
    public static final ObjectMapper MAPPER = NonFiniteJson.mapper(false, NonFiniteJson.KeyStyle.SNAKE_CASE);

    private ReportJson() {
    }

    /**
     * @param r a check
     * @return its JSON text
     */
    public static String of(CheckResult r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("run_id", r.runId()).put("monitor", r.monitor()).put("window", r.window()).put("status", r.status())
                .put("alarm", r.alarm()).put("rows", r.rows()).put("duration_ms", r.durationMs());
        DriftReport rep = r.report();
        o.put("reference", r.reference());
        o.put("reference_rows", rep.referenceRows()).put("measure", rep.options().measure().name().toLowerCase())
                .put("measure_unit", rep.options().measure().unitLabel());
        o.set("warn", MAPPER.valueToTree(rep.options().warn()));
        o.set("drift", MAPPER.valueToTree(rep.options().drift()));
        o.put("alpha", rep.options().alpha()).put("dataset_drift", rep.datasetDrift());
        o.set("drifted_share", MAPPER.valueToTree(rep.driftedShare()));
        ArrayNode alarms = o.putArray("alarms");
        for (Alarm a : r.alarms()) {
            alarms.addObject().put("column", a.column()).put("kind", a.kind().name()).put("message", a.message());
        }
        ObjectNode units = o.putObject("units");
        units.put("kl_nats", "nats, KL(reference || window)").put("reverse_kl_nats", "nats, KL(window || reference)")
                .put("js_bits", "bits").put("psi", "unitless (natural log)").put("hellinger", "unitless, 0..1")
                .put("total_variation", "unitless, 0..1").put("new_mass", "share of the window's rows, 0..1")
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

    /**
     * A stored check's JSON in today's key style: a check stored with camelCase keys (it has
     * {@code runId}) gets every key renamed to snake_case, recursively; a current one is returned as it is.
     *
     * @param stored the JSON as stored
     * @return the same JSON with snake_case keys
     */
    public static JsonNode upgrade(JsonNode stored) {
        return stored.has("runId") ? snakeKeys(stored) : stored;
    }

    private static JsonNode snakeKeys(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = MAPPER.createObjectNode();
            // newValues maps category values (data, not keys) to rows: its keys stay as they are
            node.fields().forEachRemaining(e -> out.set(snake(e.getKey()),
                    e.getKey().equals("newValues") ? e.getValue() : snakeKeys(e.getValue())));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = MAPPER.createArrayNode();
            node.forEach(v -> out.add(snakeKeys(v)));
            return out;
        }
        return node;
    }

    /** {@code klNatsReason} → {@code kl_nats_reason}. */
    static String snake(String key) {
        StringBuilder b = new StringBuilder(key.length() + 4);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                b.append('_').append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
