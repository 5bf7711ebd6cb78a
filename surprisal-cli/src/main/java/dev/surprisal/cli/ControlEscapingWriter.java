// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.core.Printable;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * The one guard between user data and the terminal: every verb prints its answer, notes and
 * warnings through the command line's writers, and {@link SurprisalCommand} wraps both in this
 * writer, so a column name, a cell or a file name holding an ANSI escape, a carriage return, a NUL
 * or a bell is printed visibly escaped ({@code \e[31m}, {@code \r}, {@code \x00}, {@code \x07}),
 * never executed by the terminal, whichever verb or message quotes it. Line feeds and tabs pass;
 * a carriage return passes only as part of the platform's line separator (CR LF on Windows). JSON output is not
 * changed: Jackson already writes control characters as {@code \u001b} inside strings.
 * {@link Printable#escape} is the rule; the progress bar writes to the console itself.
 */
final class ControlEscapingWriter extends Writer {
    /** Whether this platform ends lines with CR LF; only then does a CR before a LF pass unescaped. */
    private static final boolean CRLF = System.lineSeparator().equals("\r\n");
    private final Writer out;
    private boolean pendingCr;

    private ControlEscapingWriter(Writer out) {
        super(out);
        this.out = out;
    }

    /** {@code out} behind the guard, flushing on each line as the command line's writers do. */
    static PrintWriter guard(PrintWriter out) {
        return new PrintWriter(new ControlEscapingWriter(out), true);
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        synchronized (lock) {
            int run = off;
            int end = off + len;
            for (int i = off; i < end; i++) {
                char c = buf[i];
                if (pendingCr) {
                    pendingCr = false;
                    out.write(c == '\n' ? "\r" : "\\r");
                }
                if (c == '\n' || c == '\t' || !Character.isISOControl(c)) {
                    continue;
                }
                out.write(buf, run, i - run);
                run = i + 1;
                if (c == '\r' && CRLF) {
                    pendingCr = true;
                } else {
                    out.write(Printable.escapeValue(String.valueOf(c)));
                }
            }
            out.write(buf, run, end - run);
        }
    }

    @Override
    public void flush() throws IOException {
        synchronized (lock) {
            if (pendingCr) {
                pendingCr = false;
                out.write("\\r");
            }
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }
}
