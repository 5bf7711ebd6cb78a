// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.core;

/**
 * Text a user gave, made safe to echo on a terminal: a control character (ESC, CR, BEL, C1…) in a
 * file, column or monitor name would otherwise reach the terminal raw, where {@code ESC[2J} clears
 * the screen and a CR overwrites what was printed (terminal escape injection).
 */
public final class Printable {
    private Printable() {
    }

    /**
     * {@code text} with every control character except line feed and tab written as an escape:
     * {@code \r}, {@code \e} for ESC, else {@code \xNN} (or a backslash, u and four hex digits above 0xFF).
     *
     * @param text any text; null gives "null"
     * @return the text with its control characters escaped
     */
    public static String escape(String text) {
        return escape(text, false);
    }

    /**
     * Like {@link #escape(String)}, with line feeds and tabs escaped too: for one value (a name)
     * quoted inside a one-line message.
     *
     * @param value any text; null gives "null"
     * @return the value with all its control characters escaped
     */
    public static String escapeValue(String value) {
        return escape(value, true);
    }

    /**
     * {@code word} as one shell word that can be pasted into a POSIX shell: as is when it holds only
     * letters, digits and {@code _ - . / : = , + @ %}, else in single quotes (a {@code '} inside written
     * {@code '\''}). Every hint that prints an option with a user's name ({@code --role 'order id=discrete'})
     * goes through it: unquoted, a name with a space fails as two arguments.
     *
     * @param word a name or option value; null gives "null"
     * @return the word, quoted when the shell would split or expand it
     */
    public static String shellWord(String word) {
        if (word == null) {
            return "null";
        }
        boolean plain = !word.isEmpty();
        for (int i = 0; i < word.length() && plain; i++) {
            char c = word.charAt(i);
            plain = c < 0x80 && (Character.isLetterOrDigit(c) || "_-./:=,+@%".indexOf(c) >= 0);
        }
        return plain ? word : "'" + escapeValue(word).replace("'", "'\\''") + "'";
    }

    /**
     * The first control character of {@code text} and its position, described ("ESC (0x1b) at
     * character 5"), or null when it has none.
     *
     * @param text the text
     * @return the description, or null
     */
    public static String firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                return escapeValue(String.valueOf(c)) + " at character " + (i + 1);
            }
        }
        return null;
    }

    private static String escape(String text, boolean all) {
        if (text == null) {
            return "null";
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) && (all || (c != '\n' && c != '\t'));
            if (control && b == null) {
                b = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (b == null) {
                continue;
            }
            if (!control) {
                b.append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == 0x1b) {
                b.append("\\e");
            } else {
                b.append(String.format(java.util.Locale.ROOT, c <= 0xff ? "\\x%02x" : "\\u%04x", (int) c));
            }
        }
        return b == null ? text : b.toString();
    }
}
