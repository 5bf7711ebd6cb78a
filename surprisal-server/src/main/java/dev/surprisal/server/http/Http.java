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

    /** The request attribute and answer key of a request's id, and its header ({@code X-Request-Id}). */
    static final String REQUEST_ID = "request_id";
    static final String REQUEST_ID_HEADER = "X-Request-Id";

    /**
     * The request's id, made at its first use (every request's, by a before-handler): 16 hex digits,
     * sent as {@code X-Request-Id}, in every error answer, and in the log line of a 500, so that an
     * answer can be matched with the server log.
     */
    static String requestId(Context ctx) {
        String id = ctx.attribute(REQUEST_ID);
        if (id == null) {
            id = String.format("%016x", java.util.concurrent.ThreadLocalRandom.current().nextLong());
            ctx.attribute(REQUEST_ID, id);
            ctx.header(REQUEST_ID_HEADER, id);
        }
        return id;
    }

    /**
     * An error answer, the one shape of every error: {@code {"error": message, "status": status,
     * "request_id": id}}, keys in snake_case, never a stack trace.
     */
    static void error(Context ctx, int status, String message) {
        json(ctx, status, object().put("error", message).put("status", status).put(REQUEST_ID, requestId(ctx)));
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
