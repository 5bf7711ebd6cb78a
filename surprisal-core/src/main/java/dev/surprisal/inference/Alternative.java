// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.inference;

import dev.surprisal.core.ValidationException;

import java.util.Locale;

/**
 * The alternative hypothesis of a test, scipy's {@code alternative='two-sided'|'less'|'greater'}.
 * What "less" and "greater" mean is stated by each test: for a correlation they are the sign of
 * the coefficient; for the two-sample Kolmogorov–Smirnov test they compare the distribution
 * functions, not the values.
 */
public enum Alternative {
    /** The statistic differs from its null value in either direction. */
    TWO_SIDED("two-sided"),
    /** The statistic is below its null value (for a correlation: negative association). */
    LESS("less"),
    /** The statistic is above its null value (for a correlation: positive association). */
    GREATER("greater");

    private final String scipyName;

    Alternative(String scipyName) {
        this.scipyName = scipyName;
    }

    /**
     * The name scipy uses.
     *
     * @return {@code "two-sided"}, {@code "less"} or {@code "greater"}
     */
    public String scipyName() {
        return scipyName;
    }

    /**
     * Parses scipy's names (any case; {@code two_sided} is accepted too).
     *
     * @param text {@code two-sided}, {@code less} or {@code greater}
     * @return the alternative
     * @throws ValidationException naming the accepted values if {@code text} is none of them
     */
    public static Alternative parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Alternative a : values()) {
            if (a.scipyName.equals(t)) {
                return a;
            }
        }
        throw new ValidationException("alternative: expected two-sided, less or greater, got '" + text + "'");
    }
}
