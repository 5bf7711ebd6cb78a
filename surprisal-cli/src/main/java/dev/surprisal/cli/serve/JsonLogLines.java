// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.cli.Json;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * {@code serve --json}'s output: one compact JSON object per line (JSON Lines), so that a log
 * shipper or {@code jq} reads each event alone. The server's own log records (a failed schedule, an
 * alert that could not be delivered, an internal error) become lines
 * {@code {"time", "level", "logger", "message"}} (plus {@code "error"} and {@code "stack_trace"} when
 * a record carries an exception) on standard error, in place of java.util.logging's two-line text.
 */
final class JsonLogLines {
    /** The logger every server class logs under. */
    static final String SERVER_LOGGER = "dev.surprisal.server";

    /** Held strongly: java.util.logging keeps loggers weakly, and a collected one forgets its handler. */
    private static final Logger SERVER = Logger.getLogger(SERVER_LOGGER);

    private static final ObjectWriter LINE = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    private JsonLogLines() {
    }

    /**
     * One object as one line of text.
     *
     * @param o the object
     * @return its compact JSON, without a line break
     */
    static String line(ObjectNode o) {
        try {
            return LINE.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /**
     * Sends the server's log records to {@code err} as JSON lines, instead of to the parent handlers.
     *
     * @param err where the lines go (standard error)
     * @return the handler, to pass to {@link #uninstall} when the server stops
     */
    static Handler install(PrintWriter err) {
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (!isLoggable(r)) {
                    return;
                }
                synchronized (err) {
                    err.println(line(record(r)));
                    err.flush();
                }
            }

            @Override
            public void flush() {
                err.flush();
            }

            @Override
            public void close() {
                err.flush();
            }
        };
        SERVER.addHandler(h);
        SERVER.setUseParentHandlers(false);
        return h;
    }

    /**
     * Gives the server's log records back to the parent handlers.
     *
     * @param h the handler {@link #install} returned
     */
    static void uninstall(Handler h) {
        SERVER.removeHandler(h);
        SERVER.setUseParentHandlers(true);
    }

    /** A log record as an object: time (UTC, ISO-8601), level, logger, message, and the exception if any. */
    static ObjectNode record(LogRecord r) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("time", Instant.ofEpochMilli(r.getMillis()).toString());
        o.put("level", r.getLevel().getName());
        o.put("logger", r.getLoggerName());
        o.put("message", new Formatter() {
            @Override
            public String format(LogRecord x) {
                return formatMessage(x);
            }
        }.format(r));
        if (r.getThrown() != null) {
            o.put("error", r.getThrown().toString());
            StringWriter trace = new StringWriter();
            r.getThrown().printStackTrace(new PrintWriter(trace));
            o.put("stack_trace", trace.toString());
        }
        return o;
    }
}
