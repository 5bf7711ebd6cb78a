// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.server.ReportJson;
import dev.surprisal.server.store.ServerTables;
import io.javalin.http.Context;

import java.util.List;

/** Small helpers of the handlers: JSON in and out, parameters, HTML with the security headers. */
final class Http {
    /** The dashboard's policy: no script but our own inline one by hash-free nonce-less 'self', no network. */
    static final String CSP = dev.surprisal.report.MonitorPages.CSP;

    private Http() {
    }

    static ObjectNode object() {
        return ReportJson.MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return ReportJson.MAPPER.createArrayNode();
    }

    static ObjectNode error(String message) {
        return object().put("error", message);
    }

    static void json(Context ctx, int status, JsonNode node) {
        try {
            ctx.status(status).contentType("application/json").result(ReportJson.MAPPER.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static void html(Context ctx, String page) {
        ctx.header("Content-Security-Policy", CSP).contentType("text/html; charset=utf-8").result(page);
    }

    static JsonNode parse(String text) {
        try {
            return ReportJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ApiError(400, "body: not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** The request's JSON object; an empty body is an empty object. */
    static JsonNode body(Context ctx) {
        String b = ctx.body();
        if (b == null || b.isBlank()) {
            return object();
        }
        JsonNode n = parse(b);
        if (!n.isObject()) {
            throw new ApiError(400, "body: expected a JSON object");
        }
        return n;
    }

    static int intParam(Context ctx, String name, int dflt, int lo, int hi) {
        long v = longParam(ctx, name, dflt);
        if (v < lo || v > hi) {
            throw new ApiError(400, name + ": must be " + lo + ".." + hi + ", got " + v);
        }
        return (int) v;
    }

    static long longParam(Context ctx, String name, long dflt) {
        String s = ctx.queryParam(name);
        if (s == null) {
            return dflt;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new ApiError(400, name + ": expected a whole number, got '" + s + "'");
        }
    }

    static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

    static ObjectNode row(ServerTables.CheckRow c) {
        return object().put("run_id", c.runId()).put("window", c.window()).put("status", c.status())
                .put("alarm", c.alarm()).put("rows", c.rows()).put("duration_ms", c.durationMs())
                .put("created_at", c.createdAt().toString()).put("trigger", c.trigger()).put("excluded", c.excluded())
                .put("exclude_reason", c.excludeReason());
    }
}
