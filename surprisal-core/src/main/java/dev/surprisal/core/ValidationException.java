// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's own validation error: an input handed to Surprisal (a probability vector, a count,
 * an option, a file's content) is invalid. The message names the argument as the user knows it
 * (an option name such as {@code --bins}, a file with line and column) and the offending value,
 * and where possible says how to fix it.
 *
 * <p>It is a subtype of {@link IllegalArgumentException} so that ordinary Java callers can catch
 * it as such, but front ends must tell the two apart: a {@code ValidationException} is the
 * user's input at fault (the CLI exits 2 or 3), whereas a bare {@code IllegalArgumentException}
 * escaping the library is a bug (exit 4).
 */
public class ValidationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** {@code name: …} or {@code name[3]: …} or {@code name[3][1]: …} at the start of a message. */
    private static final Pattern ARGUMENT =
            Pattern.compile("^([A-Za-z][A-Za-z0-9_]*)((?:\\[[^\\]]*\\])*): ");

    /**
     * @param message what is wrong, naming the argument and the value
     */
    public ValidationException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming the argument and the value
     * @param cause   the underlying failure, kept for debugging (never shown with a stack trace)
     */
    public ValidationException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The argument this message is about, read from the project's message convention
     * {@code "name: problem"} or {@code "name[i]: problem"}: {@code "learningRate"} for
     * {@code "learningRate: must be > 0, got -1"}. A front end uses it to say the option the user
     * typed ({@code --lr}) instead of the parameter name, and to tell a bad setting (usage) from bad
     * data.
     *
     * @return the argument's name, or {@code null} when the message does not start with one
     */
    public String argument() {
        String m = getMessage();
        if (m == null) {
            return null;
        }
        Matcher matcher = ARGUMENT.matcher(m);
        return matcher.find() ? matcher.group(1) : null;
    }

    /**
     * The message with its leading argument name replaced, e.g. {@code "--lr: must be > 0, got -1"};
     * an index after the name is kept ({@code "--p[0]: is negative"}).
     *
     * @param displayName the name to show instead of {@link #argument()}
     * @return the message with the argument renamed, or the message unchanged when it names none
     */
    public String messageFor(String displayName) {
        String a = argument();
        return a == null ? getMessage() : displayName + getMessage().substring(a.length());
    }
}
