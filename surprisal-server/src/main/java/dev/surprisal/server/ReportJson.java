// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.core.Base;
import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.NonFiniteJson;
import dev.surprisal.drift.DriftJson;
import dev.surprisal.drift.Status;
import dev.surprisal.server.store.ServerTables;

import java.util.List;
import java.util.Locale;

/**
 * The server's JSON: one mapper for every answer, keys in snake_case as in the CLI's {@code --json},
 * with the project's rule for non-finite numbers ({@link NonFiniteJson}, the CLI's too: NaN is
 * {@code null} with a {@code <name>_reason} field, ±∞ the strings {@code "Infinity"} /
 * {@code "-Infinity"}).
 *
 * <p>A check is the library's one JSON form of a drift check ({@link DriftJson}, what
 * {@code surprisal drift check --json} prints, KL and JS in bits, with the per-bin detail) inside
 * the server's envelope: {@code format}, {@code version}, {@code run_id}, {@code monitor},
 * {@code window}, {@code status} (the verdict with the alarms counted: a dataset alarm is DRIFT, a
 * trend alarm WARN), {@code rows}, {@code duration_ms} and {@code reference} (what the window was
 * compared with, in words), and, as {@code drift check --json} has them ({@link DriftJson#putNotes}),
 * {@code schema} when the window's columns differ from the baseline's and {@code missing_days_before}
 * when the days just before it have no run recorded.
 *
 * <p>Stored checks are read through {@link #upgrade}, the one place that knows the older forms:
 * version 0, stored before 1 December 2026 with camelCase keys ({@code runId}, per column the
 * record's fields: {@code name}, {@code klNats}, {@code newValues} as a map), and version 1, the same
 * with snake_case keys ({@code run_id}, {@code kl_nats}, {@code js_bits}, {@code alarm} meaning
 * "fails"). Both are rewritten into today's form.
 */
public final class ReportJson {
    /** The mapper of every JSON answer. */
    public static final ObjectMapper MAPPER = NonFiniteJson.mapper(false, NonFiniteJson.KeyStyle.SNAKE_CASE);
    /** The {@code format} of a stored check. */
    public static final String FORMAT = "surprisal-check";
    /** The {@code version} of the form written today. */
    public static final int VERSION = 2;

    private static final double LN2 = Math.log(2);

    private ReportJson() {
    }

    /**
     * @param r a check
     * @return its JSON text, the form that is stored and answered
     */
    public static String of(CheckResult r) {
        ObjectNode envelope = MAPPER.createObjectNode();
        envelope.put("format", FORMAT).put("version", VERSION).put("run_id", r.runId()).put("monitor", r.monitor())
                .put("window", r.window()).put("status", r.status()).put("rows", r.rows())
                .put("duration_ms", r.durationMs()).put("reference", r.reference());
        DriftJson.putNotes(envelope, r.outcome()); // schema, missing_days_before: the keys of drift check --json
        ObjectNode o = DriftJson.of(r.report(), r.roles()).withAlarms(r.alarms()).withBase(Base.BITS)
                .withHeader(envelope).withExplanation(true).withBins(true).toTree();
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a check as JSON", e);
        }
    }

    /**
     * The API's answer for a recorded check: the stored check in today's form ({@link #upgrade})
     * with the server's record of it.
     *
     * @param stored the check's JSON as stored
     * @param row    the server's record of the check
     * @return the answer's JSON text: the check with {@code excluded}, {@code exclude_reason},
     *         {@code trigger} and {@code created_at}
     */
    public static String answer(String stored, ServerTables.CheckRow row) {
        try {
            ObjectNode o = (ObjectNode) upgrade(MAPPER.readTree(stored));
            o.put("excluded", row.excluded()).put("exclude_reason", row.excludeReason()).put("trigger", row.trigger())
                    .put("created_at", row.createdAt().toString());
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("check " + row.runId() + " of monitor '" + row.monitor()
                    + "': its stored JSON does not read: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A stored check in today's form. Today's ({@code "format": "surprisal-check", "version": 2})
     * is returned as it is, except that a check stored before invalid values were counted gets their counts as
     * null ({@link #uncounted}). An older one is rewritten: keys renamed to today's, per column
     * {@code kl_nats} → {@code kl_pq} and {@code reverse_kl_nats} → {@code kl_qp} in bits,
     * {@code js_bits} → {@code js}, {@code new_values} from a map to a list of {@code {value, rows}},
     * the old {@code alarm} (the check fails) → {@code fails}, and {@code alarm} set when any alarm was
     * raised. What the old forms never held ({@code roles}, {@code smoothing}, the TV and W₁ bands,
     * {@code explanation}) stays absent, and {@code upgraded_from} names the stored version.
     *
     * @param stored the JSON as stored
     * @return the check in today's form
     */
    public static JsonNode upgrade(JsonNode stored) {
        if (FORMAT.equals(stored.path("format").asText()) && stored.path("version").asInt() == VERSION) {
            boolean today = true;
            for (JsonNode c : stored.path("columns")) {
                today &= c.has("invalid_cells_other");
                for (JsonNode b : c.path("bins")) {
                    today &= b.has("name");
                }
            }
            if (today) {
                return stored;
            }
            ObjectNode o = stored.deepCopy();
            o.path("columns").forEach(c -> {
                uncounted((ObjectNode) c);
                named((ObjectNode) c);
            });
            return o;
        }
        boolean camel = stored.has("runId");
        return fromVersion1(camel ? snakeKeys(stored) : stored, camel ? 0 : 1);
    }

    /**
     * A column stored before invalid values were counted (2026-12-02) in today's form: each invalid value's
     * {@code count} null with {@code count_reason}, and {@code invalid_cells_other} null, as
     * {@link DriftJson#invalidCells} writes a profile of that time; a column written since is left as it is.
     */
    private static void uncounted(ObjectNode column) {
        boolean old = false;
        for (JsonNode x : column.path("invalid_cells")) {
            if (!x.has("count")) {
                ((ObjectNode) x).putNull("count").put("count_reason", DriftJson.NOT_COUNTED);
                old = true;
            }
        }
        if (!column.has("invalid_cells_other")) {
            if (old) {
                column.putNull("invalid_cells_other");
            } else {
                column.put("invalid_cells_other", 0);
            }
        }
    }

    /**
     * The readable {@code name} of each bin of a column stored before bins had one (2026-12-02), as
     * {@code ColumnDrift.binName} writes it today where the stored check allows: a value's bin is its value, the
     * tail bin "other values …", and the new-values bin names the stored new values (their shares of today's valid
     * values were not stored, so none is given); a bin that has its name keeps it.
     */
    private static void named(ObjectNode column) {
        List<String> values = new java.util.ArrayList<>();
        column.path("new_values").forEach(v -> values.add(dev.surprisal.data.profile.CellText.quote(
                v.path("value").asText())));
        for (JsonNode b : column.path("bins")) {
            if (b.has("name")) {
                continue;
            }
            String label = b.path("label").asText();
            String name = label.equals(dev.surprisal.data.profile.CategoryBins.OTHER)
                    ? dev.surprisal.drift.ColumnDrift.OTHER_VALUES
                    : !label.equals(dev.surprisal.data.profile.CategoryBins.UNSEEN) ? label
                    : values.isEmpty() ? "new values (none today)" : "new values (" + String.join(", ", values) + ")";
            ((ObjectNode) b).put("name", name);
        }
    }

    /** Version 1 (or 0, its keys already renamed) into today's form. */
    private static ObjectNode fromVersion1(JsonNode old, int version) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("measure", "drift").put("unit", Base.BITS.unit()).put("base", Base.BITS.base())
                .put("direction", DriftJson.DIRECTION).put("null", DriftJson.NULL_MODEL);
        String measure = old.path("measure").asText("psi").toUpperCase(Locale.ROOT);
        ObjectNode t = o.putObject("thresholds").put("measure", measure);
        copy(old, "measure_unit", t, "unit");
        copy(old, "warn", t, "warn");
        copy(old, "drift", t, "drift");
        copy(old, "alpha", t, "alpha");
        o.put("format", FORMAT).put("version", VERSION).put("upgraded_from", version);
        for (String k : new String[] {"run_id", "monitor", "window", "status", "rows", "duration_ms", "reference",
                "reference_rows"}) {
            copy(old, k, o, k);
        }
        copy(old, "rows", o, "current_rows");
        o.set("units", DriftJson.units(Base.BITS));
        o.put("alarm", old.path("alarms").size() > 0);
        Status worst = null;
        for (JsonNode c : old.path("columns")) {
            Status s = Status.valueOf(c.path("status").asText("NOT_COMPUTABLE"));
            worst = worst == null ? s : worst.worst(s);
        }
        o.put("verdict", worst == null ? Status.OK.name() : worst.name());
        o.put("fails", old.path("alarm").asBoolean());
        copy(old, "dataset_drift", o, "dataset_drift");
        // the deciding measure's values follow its unit: KL was in nats, now in bits; JS was in bits
        double decisionScale = measure.equals("KL") ? 1 / LN2 : 1;
        ArrayNode cols = o.putArray("columns");
        for (JsonNode c : old.path("columns")) {
            ObjectNode n = cols.addObject();
            copy(c, "name", n, "column");
            n.put("role", role(c.path("role").asText()));
            copy(c, "scored", n, "scored");
            copy(c, "status", n, "status");
            copy(c, "reason", n, "reason");
            number(c, "kl_nats", 1 / LN2, n, "kl_pq");
            number(c, "reverse_kl_nats", 1 / LN2, n, "kl_qp");
            number(c, "psi", 1, n, "psi");
            number(c, "js_bits", 1, n, "js");
            number(c, "hellinger", 1, n, "hellinger");
            number(c, "total_variation", 1, n, "total_variation");
            number(c, "ks", 1, n, "ks");
            number(c, pValue(c, "ks"), 1, n, "ks_p_value");
            number(c, "wasserstein", 1, n, "wasserstein");
            number(c, "wasserstein_normalized", 1, n, "wasserstein_over_std");
            number(c, "new_mass", 1, n, "new_mass");
            number(c, pValue(c, "new_mass"), 1, n, "new_mass_p_value");
            for (String k : new String[] {"missing_rate_reference", "missing_rate_current"}) {
                number(c, k, 1, n, k);
            }
            if (c.has("missing_rate_current") && c.has("missing_rate_reference")) {
                NonFiniteJson.putNumber(n, "missing_rate_change", c.path("missing_rate_current").asDouble()
                        - c.path("missing_rate_reference").asDouble(), DriftJson.NOT_COMPUTABLE,
                        NonFiniteJson.KeyStyle.SNAKE_CASE);
            }
            for (String k : new String[] {"invalid_rate_reference", "invalid_rate_current"}) {
                number(c, k, 1, n, k);
            }
            ArrayNode nv = n.putArray("new_values");
            c.path("new_values").fields().forEachRemaining(e -> nv.addObject().put("value", e.getKey())
                    .put("rows", e.getValue().asLong()));
            n.set("invalid_cells", c.path("invalid_cells").isArray() ? c.get("invalid_cells").deepCopy()
                    : MAPPER.createArrayNode());
            uncounted(n);
            number(c, pValue(c, "g_test"), 1, n, "g_test_p_value");
            number(c, pValue(c, "chi_squared"), 1, n, "chi_squared_p_value");
            number(c, "decision_value", decisionScale, n, "decision");
            number(c, "critical", decisionScale, n, "critical");
            copy(c, "degrees_of_freedom", n, "df");
            if (c.has("bins")) {
                ArrayNode bins = n.putArray("bins");
                for (JsonNode b : c.get("bins")) {
                    ObjectNode bn = bins.addObject();
                    copy(b, "label", bn, "label");
                    copy(b, "reference_count", bn, "reference_count");
                    copy(b, "current_count", bn, "current_count");
                    number(b, "p", 1, bn, "p");
                    number(b, "q", 1, bn, "q");
                    number(b, "kl_term", 1 / LN2, bn, "kl_term");
                    copy(b, "novel", bn, "novel");
                }
                named(n);
            }
        }
        o.set("alarms", old.path("alarms").isArray() ? old.get("alarms") : MAPPER.createArrayNode());
        return o;
    }

    /**
     * The p-value key as each old form spelt it: Jackson wrote {@code g_test_pvalue} in version 1,
     * the camelCase renaming of version 0 gave {@code g_test_p_value}.
     */
    private static String pValue(JsonNode c, String prefix) {
        return c.has(prefix + "_pvalue") ? prefix + "_pvalue" : prefix + "_p_value";
    }

    /** An old role (the enum's name, CATEGORICAL) as today's label (categorical). */
    private static String role(String name) {
        try {
            return ColumnRole.valueOf(name).label();
        } catch (IllegalArgumentException e) {
            return name.toLowerCase(Locale.ROOT);
        }
    }

    private static void copy(JsonNode from, String key, ObjectNode to, String as) {
        if (from.has(key)) {
            to.set(as, from.get(key));
        }
    }

    /** A number times {@code scale} under its new name, by the non-finite rule, the reason kept. */
    private static void number(JsonNode from, String key, double scale, ObjectNode to, String as) {
        JsonNode v = from.get(key);
        if (v == null) {
            return;
        }
        if (v.isNumber()) {
            to.put(as, v.asDouble() * scale);
        } else if (v.isNull()) {
            to.putNull(as);
            to.put(as + NonFiniteJson.SNAKE_REASON_SUFFIX, from.path(key + NonFiniteJson.SNAKE_REASON_SUFFIX)
                    .asText(DriftJson.NOT_COMPUTABLE));
        } else {
            to.set(as, v); // "Infinity" / "-Infinity": a positive scale keeps the sign
        }
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
