// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.data.NonFiniteJson;

/**
 * The one indented JSON writer of every verb, with the project's rule for the doubles JSON cannot
 * hold ({@link NonFiniteJson}: NaN is {@code null} with a {@code <name>_reason} field, ±∞ the strings
 * {@code "Infinity"} / {@code "-Infinity"}), the same rule as the server's answers. Every key of
 * the CLI's JSON is snake_case: records written through {@link #mapper()} (the notes' reports) get
 * their components renamed ({@code novelBits} → {@code novel_bits}), and the reason field follows
 * ({@link NonFiniteJson.KeyStyle#SNAKE_CASE}). The mapper is built on the first call of
 * {@link #mapper()}, that is when JSON is written, so plain output (which still puts its numbers
 * into nodes by {@link #putNumber}) never pays for it: building it loaded about 400 classes,
 * a quarter of {@code surprisal entropy 0.5 0.5}'s start-up.
 */
public final class Json {
    /** The reason given for a NaN when the verb gives none. */
    public static final String NOT_DEFINED = NonFiniteJson.NOT_DEFINED;
    /** The key style of every verb's JSON. */
    public static final NonFiniteJson.KeyStyle KEYS = NonFiniteJson.KeyStyle.SNAKE_CASE;
    /** Suffix of the field that says why a number is null. */
    public static final String REASON_SUFFIX = NonFiniteJson.SNAKE_REASON_SUFFIX;

    private Json() {
    }

    /**
     * The mapper; every verb's JSON goes through it.
     *
     * @return the one mapper, built on first use
     */
    public static ObjectMapper mapper() {
        return Mapper.INSTANCE;
    }

    /** Holder: the JVM builds the mapper when this class is first used (lazy and thread-safe). */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = NonFiniteJson.mapper(true, KEYS);
    }

    /** Puts a number into a JSON object by the rule above, with the default reason for NaN. */
    public static void putNumber(ObjectNode node, String name, double v) {
        NonFiniteJson.putNumber(node, name, v, NOT_DEFINED, KEYS);
    }

    /**
     * Puts a number into a JSON object: NaN as {@code null} with {@code <name>_reason} = {@code reason},
     * ±∞ as the strings "Infinity" / "-Infinity", anything else as a number.
     */
    public static void putNumber(ObjectNode node, String name, double v, String reason) {
        NonFiniteJson.putNumber(node, name, v, reason, KEYS);
    }
}
