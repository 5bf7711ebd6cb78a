// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The server's warnings and errors while a test runs, with their stack traces, so a failing test can
 * show them in its message (a CI log keeps only the end of the output).
 */
final class ServerLog extends Handler implements AutoCloseable {
    private static final int MAX = 20;
    private final Logger logger = Logger.getLogger("dev.surprisal");
    private final List<String> records = new ArrayList<>();

    private ServerLog() {
        setLevel(Level.WARNING);
    }

    /** @return a handler on the project's loggers, removed by {@link #close} */
    static ServerLog capture() {
        ServerLog log = new ServerLog();
        log.logger.addHandler(log);
        return log;
    }

    @Override
    public synchronized void publish(LogRecord r) {
        if (!isLoggable(r) || records.size() >= MAX) {
            return;
        }
        StringBuilder b = new StringBuilder(r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage());
        if (r.getThrown() != null) {
            StringWriter w = new StringWriter();
            r.getThrown().printStackTrace(new PrintWriter(w));
            b.append('\n').append(w);
        }
        records.add(b.toString());
    }

    /** @return what was logged so far, at most 20 records */
    synchronized List<String> records() {
        return List.copyOf(records);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
