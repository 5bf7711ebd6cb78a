// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.tour;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * What one stop of the tour shows: its text, written through this {@link PrintWriter}, and the
 * same stop's numbers (each with its measure and unit), verdicts and {@code try:} commands recorded
 * beside it, so that {@code tour --json} gives them as data without parsing the text.
 */
public final class TourStop extends PrintWriter {
    private final List<Result> results = new ArrayList<>();
    private final List<Verdict> verdicts = new ArrayList<>();
    private final List<String> tries = new ArrayList<>();

    /**
     * A number the stop showed.
     *
     * @param label   what it is of, as the text says ({@code fair coin}, {@code KL(P||Q)})
     * @param measure the measure, snake_case ({@code entropy}, {@code kl}, {@code psi})
     * @param value   the value, at full precision (the text rounds it); NaN when the text says "not estimable"
     * @param unit    its unit ({@code bits}, {@code nats}, {@code unitless}, …)
     */
    public record Result(String label, String measure, double value, String unit) {
    }

    /**
     * A label the stop gave something: a drift status, a note's label, a dependence verdict.
     *
     * @param label   what it is of
     * @param verdict the label given, as printed
     */
    public record Verdict(String label, String verdict) {
    }

    /**
     * A stop writing its text to {@code text}.
     *
     * @param text where the text goes: the terminal, or a buffer for {@code --json}
     */
    public TourStop(Writer text) {
        super(text, true); // each line reaches the terminal as it is printed, before the tiny VAE trains
    }

    /**
     * Records a number the text shows.
     *
     * @param label   what it is of
     * @param measure the measure, snake_case
     * @param value   the value
     * @param unit    its unit
     */
    public void result(String label, String measure, double value, String unit) {
        results.add(new Result(label, measure, value, unit));
    }

    /**
     * Records a label the text gives.
     *
     * @param label   what it is of
     * @param verdict the label
     */
    public void verdict(String label, String verdict) {
        verdicts.add(new Verdict(label, verdict));
    }

    /**
     * Prints the stop's {@code try:} line and records its command.
     *
     * @param command the command to try, starting with {@code surprisal}, with a remark in parentheses if any
     */
    public void tryLine(String command) {
        println("  try: " + command);
        tries.add(command);
    }

    /**
     * The numbers shown, in order.
     *
     * @return a copy
     */
    public List<Result> results() {
        return List.copyOf(results);
    }

    /**
     * The labels given, in order.
     *
     * @return a copy
     */
    public List<Verdict> verdicts() {
        return List.copyOf(verdicts);
    }

    /**
     * The commands of the {@code try:} lines, in order.
     *
     * @return a copy
     */
    public List<String> tries() {
        return List.copyOf(tries);
    }
}
