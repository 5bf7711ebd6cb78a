// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.core.Validate;
import dev.surprisal.core.ValidationException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers typed on the command line ({@code entropy 0.5 0.5}, {@code --p 0.5,0.5}), separated by
 * spaces or commas. The options take the raw text and this class parses it, rather than picocli's
 * {@code double} converter, for three reasons: a word that is not a number is reported with the
 * option, the position and the value ({@code --p value 2: 'abc' is not a number}) instead of
 * "Unmatched argument";
 * {@code nan} and {@code inf} in any case reach the library, which says which entry is not finite;
 * and a decimal comma ({@code 0,5}) can be recognised, which split text cannot.
 *
 * <p>A decimal comma is ambiguous: {@code 0,5} is the list (0, 5) or the number 0.5. It is reported
 * as a usage error when the values are also separated by spaces ({@code --counts 0,5 0,5}: commas
 * would then not be the separator), and when a list read with commas is not a valid probability
 * vector ({@code --p 0,5}; see {@link #probabilities}).
 */
final class NumberList {
    /** Decimal numbers as people type them, with an optional exponent; no hex, no 'd'/'f' suffix. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    /** Digits, one comma, digits: a decimal comma or a two-element list. */
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d+,\\d+");

    private final String option;
    private final List<String> tokens;
    private final List<String> typed;
    private final double[] values;

    private NumberList(String option, List<String> tokens, List<String> typed, double[] values) {
        this.option = option;
        this.tokens = tokens;
        this.typed = typed;
        this.values = values;
    }

    /**
     * Parses {@code tokens} typed for {@code option}: its name ({@code --p}), or for positional values
     * what they are in the user's words ({@code the counts (--counts)}), never a placeholder such as
     * {@code VALUE}.
     *
     * @throws ParameterException (usage, exit 2) on a word that is not a number, an empty value, or
     *                            a comma that may be a decimal comma between space-separated values
     */
    static NumberList parse(String option, List<String> tokens, CommandLine cmd) {
        List<String> raw = tokens == null ? List.of() : List.copyOf(tokens);
        if (raw.size() > 1) {
            for (String t : raw) {
                if (t.contains(",") && !t.contains(".")) {
                    throw new ParameterException(cmd, option + ": '" + t + "' is ambiguous: the values are"
                            + " separated by spaces, so the comma may be a decimal comma (" + asDecimal(t)
                            + ") or a separator; write decimals with a point and separate values with"
                            + " spaces or with commas, not both");
                }
            }
        }
        List<Double> out = new ArrayList<>();
        List<String> typed = new ArrayList<>();
        for (String t : raw) {
            for (String piece : t.split(",", -1)) {
                out.add(number(option, out.size(), piece.strip(), t, cmd));
                typed.add(piece.strip());
            }
        }
        return new NumberList(option, raw, typed, out.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * The number {@code s}, entry {@code index} (0-based) of the list typed for {@code option}, from the
     * token {@code token}; a usage error naming the option (or the list, for positional values) and the
     * entry's position when it is no number.
     */
    private static double number(String option, int index, String s, String token, CommandLine cmd) {
        if (s.isEmpty()) {
            throw new ParameterException(cmd, option + ": " + (token.isBlank() ? "an empty value" : "an empty entry in '"
                    + token + "'") + ", expected a number such as 0.5");
        }
        if (DECIMAL.matcher(s).matches()) {
            return Double.parseDouble(s);
        }
        switch (s.toLowerCase(Locale.ROOT)) {
            case "nan":
                return Double.NaN; // a number the library rejects, naming its index (bad data)
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                throw new ParameterException(cmd, option + (option.startsWith("-") ? " " : ", ") + "value "
                        + (index + 1) + ": '" + s + "' is not a number"
                        + (s.matches(".*\\d.*") ? " (write decimals with a point, e.g. 0.5)" : ""));
        }
    }

    /** The parsed numbers, in order. */
    double[] values() {
        return values.clone();
    }

    /**
     * The values as a probability vector named {@code name} in messages. A sum within
     * {@link Validate#RENORMALIZE_TOLERANCE} of 1 is renormalised, and {@code report} gets a note
     * saying so. When the values are not a probability vector and were typed with a comma that may
     * be a decimal comma ({@code --p 0,5}), the ambiguity is reported instead, as a usage error.
     */
    double[] probabilities(String name, Report report, CommandLine cmd) {
        double[] p;
        try {
            p = check(name, () -> Validate.nearProbabilities(name, values));
        } catch (ValidationException e) {
            for (String t : tokens) {
                // ambiguous only when the decimal reading could be a probability: "0,5" may be 0.5, "2,2" is two counts
                if (DECIMAL_COMMA.matcher(t).matches() && Double.parseDouble(asDecimal(t)) <= 1) {
                    throw new ParameterException(cmd, option + ": '" + t + "' reads as the list " + t.replace(",", ", ")
                            + ", which is not a probability vector; if you meant " + asDecimal(t)
                            + ", write decimals with a point (" + e.getMessage() + ")");
                }
            }
            // the library's hint, in this command's words: counts are given with --counts
            throw e.getMessage().contains("(pass counts instead, or normalise)")
                    ? new ValidationException(e.getMessage().replace("(pass counts instead, or normalise)",
                    "(if these are counts, add --counts to normalise them; else correct the values)"), e)
                    : e;
        }
        if (p != values) {
            String which = positional() ? "the probabilities" : option + ": the probabilities";
            report.note(which + " sum to " + sum(values) + ", within "
                    + Validate.RENORMALIZE_TOLERANCE + " of 1; they were renormalised to sum to 1");
        }
        return p;
    }

    /**
     * Runs {@code work}, a library check or computation on these values under the parameter name
     * {@code name} ({@code p}, {@code counts}), and says its failure in the user's words: the
     * library's {@code p[1]: is NaN} becomes {@code value 2 ('nan'): is NaN} for positional values
     * and {@code --p value 2 ('nan'): is NaN} for an option, and {@code p: …} names the option or
     * "the values". Messages about other arguments pass unchanged. The exit code stays bad data.
     */
    <T> T check(String name, Supplier<T> work) {
        try {
            return work.get();
        } catch (ValidationException e) {
            throw reword(name, e);
        }
    }

    /** {@link #check} for a check that returns nothing. */
    void check(String name, Runnable work) {
        check(name, () -> {
            work.run();
            return null;
        });
    }

    /** Value {@code i} (0-based) as the user typed it: {@code value 2 ('nan')}, or {@code --p value 2 ('nan')}. */
    String position(int i) {
        String at = "value " + (i + 1) + (i < typed.size() ? " ('" + typed.get(i) + "')" : "");
        return positional() ? at : option + " " + at;
    }

    /** The whole list in the user's words: the option, or "the values" for positional values. */
    String whole() {
        return positional() ? "the values" : option;
    }

    private boolean positional() {
        return !option.startsWith("-");
    }

    private ValidationException reword(String name, ValidationException e) {
        if (!name.equals(e.argument())) {
            return e;
        }
        Matcher m = Pattern.compile("^" + Pattern.quote(name) + "(?:\\[(\\d+)\\])?((?:\\[[^\\]]*\\])*): (.*)$",
                Pattern.DOTALL).matcher(e.getMessage());
        if (!m.matches()) {
            return e;
        }
        String where = m.group(1) == null ? whole() : position(Integer.parseInt(m.group(1))) + m.group(2);
        String message = where + ": " + m.group(3);
        return e instanceof BadDataException ? new BadDataException(message, e) : new ValidationException(message, e);
    }

    private static String asDecimal(String t) {
        return t.replace(',', '.');
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}
