// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.config;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${env:NAME}} in config values: replaced by the environment variable, so secrets live in
 * the environment and never in a file checked into a repository. A missing variable is an error
 * naming the variable, never a silent empty string.
 */
public final class Secrets {
    private static final Pattern REF = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");
    private final Function<String, String> env;

    /** @param env how a variable is looked up (System::getenv in production, a map in tests) */
    public Secrets(Function<String, String> env) {
        this.env = env;
    }

    /** @return secrets from the process environment */
    public static Secrets fromEnvironment() {
        return new Secrets(System::getenv);
    }

    /**
     * @param vars the variables
     * @return secrets from a map
     */
    public static Secrets of(Map<String, String> vars) {
        return new Secrets(vars::get);
    }

    String resolve(String value, Node where) {
        Matcher m = REF.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = env.apply(m.group(1));
            if (v == null) {
                throw where.error("environment variable " + m.group(1) + " is not set (referenced as ${env:"
                        + m.group(1) + "})");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        if (value.contains("${") && !REF.matcher(value).find()) {
            throw where.error("only ${env:NAME} references are supported, got '" + value + "'");
        }
        return out.toString();
    }

    String resolveSecret(String value, Node where) {
        if (!value.isEmpty() && !REF.matcher(value).find()) {
            throw where.error("a secret must come from the environment, e.g. \"${env:SURPRISAL_SECRET}\"; "
                    + "literal secrets are refused so that config files can be checked in");
        }
        return resolve(value, where);
    }
}
