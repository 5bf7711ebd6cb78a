// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The server log's records while it is open (on the root logger), for tests that assert what was logged. */
final class LogCapture extends Handler implements AutoCloseable {
    private final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());

    private LogCapture() {
    }

    /** @return a capture of every record logged from now until it is closed */
    static LogCapture root() {
        LogCapture c = new LogCapture();
        Logger.getLogger("").addHandler(c);
        return c;
    }

    @Override
    public void publish(LogRecord r) {
        records.add(r);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }

    /** @return the records so far */
    List<LogRecord> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    /**
     * @param level a level
     * @return the messages logged at exactly that level
     */
    List<String> messages(Level level) {
        return records().stream().filter(r -> r.getLevel() == level).map(LogRecord::getMessage).toList();
    }

    /** Forgets the records so far. */
    void clear() {
        records.clear();
    }
}
