// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.core.Base;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a measuring verb answers: a primary value with its measure name and unit, optional further
 * rows (the other direction, other measures, marginal entropies), extra JSON fields and sentences.
 *
 * <p>Plain output is meant for shells: a single result prints as the number alone (Java's shortest
 * round-tripping form, e.g. {@code 1.0}); several results print one per line as
 * {@code label<TAB>value<TAB>unit}. {@code --explain} appends the sentences; notes (an infinite KL,
 * a default that was applied) go to stderr unless {@code --quiet}. {@code --json} prints exactly one
 * object: {@code measure}, {@code value}, {@code unit} of the primary result, the extra fields,
 * {@code results} when there are several rows, and {@code explanation} with {@code --explain}.
 * Non-finite values follow {@link Json}'s rule (NaN: {@code null} and a reason; ±∞: a string).
 */
public final class Report {
    /** One labelled value. {@code unit} is a unit name such as "bits", or "unitless". */
    public record Row(String label, String measure, double value, String unit) {
    }

    private final List<Row> rows = new ArrayList<>();
    // the node factory, not Json.mapper(): building the mapper costs start-up that plain output never needs
    private final ObjectNode fields = JsonNodeFactory.instance.objectNode();
    // built only when --explain prints them: formatting them (String.format, BigDecimal, string
    // concatenations) was a fifth of `surprisal entropy 0.5 0.5`'s start-up
    private final List<Supplier<List<String>>> sentences = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    // null for a verb that reads no table; a table's reader always sets it, so its JSON always has "warnings"
    private List<dev.surprisal.data.profile.DateOrderWarning> warnings;
    private List<String> plainBody;

    /**
     * A report whose primary row is {@code measure = value unit}.
     *
     * @param measure the measure's name, such as {@code entropy}
     * @param value   its value
     * @param unit    its unit, such as {@code bits}
     * @return the report
     */
    public static Report of(String measure, double value, String unit) {
        Report r = new Report();
        r.rows.add(new Row(measure, measure, value, unit));
        return r;
    }

    /**
     * A report without rows yet; add them with {@link #row}.
     *
     * @return an empty report
     */
    public static Report empty() {
        return new Report();
    }

    /**
     * Adds a row: a plain {@code label<TAB>value<TAB>unit} line, and an entry of the JSON {@code rows}.
     *
     * @param label   the row's label, such as {@code KL(P||Q)}
     * @param measure the measure's name
     * @param value   the value
     * @param unit    its unit
     * @return this report
     */
    public Report row(String label, String measure, double value, String unit) {
        rows.add(new Row(label, measure, value, unit));
        return this;
    }

    /**
     * Adds a JSON field.
     *
     * @param name  the field (snake_case)
     * @param value its text
     * @return this report
     */
    public Report field(String name, String value) {
        fields.put(name, value);
        return this;
    }

    /**
     * Adds a JSON number by {@link Json}'s rule for NaN and ±∞.
     *
     * @param name  the field (snake_case)
     * @param value the number
     * @return this report
     */
    public Report field(String name, double value) {
        putNumber(fields, name, value);
        return this;
    }

    /**
     * As {@link #field(String, double)}, saying why the number is NaN when it is.
     *
     * @param name        the field (snake_case)
     * @param value       the number
     * @param reasonIfNaN the {@code <name>_reason} written when {@code value} is NaN
     * @return this report
     */
    public Report field(String name, double value, String reasonIfNaN) {
        putNumber(fields, name, value, reasonIfNaN);
        return this;
    }

    /**
     * Adds a JSON integer.
     *
     * @param name  the field (snake_case)
     * @param value the integer
     * @return this report
     */
    public Report field(String name, long value) {
        fields.put(name, value);
        return this;
    }

    /**
     * A structured JSON field (an array of rows, a nested matrix).
     *
     * @param name  the field (snake_case)
     * @param value the node
     * @return this report
     */
    public Report field(String name, JsonNode value) {
        fields.set(name, value);
        return this;
    }

    /**
     * A fresh JSON object node, for building structured fields.
     *
     * @return an empty object
     */
    public static ObjectNode objectNode() {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * A fresh JSON array node, for building structured fields.
     *
     * @return an empty array
     */
    public static ArrayNode arrayNode() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /**
     * Puts a number into a JSON object by {@link Json}'s rule: NaN is {@code null} with a
     * {@code <name>_reason} field, ±∞ the string "Infinity" / "-Infinity".
     *
     * @param node the object
     * @param name the field's name (snake_case)
     * @param v    the number
     */
    public static void putNumber(ObjectNode node, String name, double v) {
        Json.putNumber(node, name, v);
    }

    /**
     * As {@link #putNumber(ObjectNode, String, double)}, saying why the number is NaN when it is.
     *
     * @param node        the object
     * @param name        the field's name (snake_case)
     * @param v           the number
     * @param reasonIfNaN the {@code <name>_reason} written when {@code v} is NaN
     */
    public static void putNumber(ObjectNode node, String name, double v, String reasonIfNaN) {
        Json.putNumber(node, name, v, reasonIfNaN);
    }

    /**
     * Preformatted plain-text lines (an aligned table) printed instead of the rows in plain mode;
     * JSON output is unaffected and carries the same content as structured fields.
     *
     * @param lines the lines, printed as given
     * @return this report
     */
    public Report plain(List<String> lines) {
        plainBody = List.copyOf(lines);
        return this;
    }

    /**
     * Records the base both as the number and, through the unit, by name.
     *
     * @param base the unit of the values
     * @return this report
     */
    public Report base(Base base) {
        return field("base", base.base());
    }

    /**
     * A plain-language sentence shown with {@code --explain}.
     *
     * @param s the sentence
     * @return this report
     */
    public Report sentence(String s) {
        sentences.add(() -> List.of(s));
        return this;
    }

    /**
     * Sentences shown with {@code --explain}, written only if they are shown.
     *
     * @param s what writes them
     * @return this report
     */
    public Report sentences(Supplier<List<String>> s) {
        sentences.add(s);
        return this;
    }

    private List<String> explanation() {
        List<String> all = new ArrayList<>();
        sentences.forEach(s -> all.addAll(s.get()));
        return all;
    }

    /**
     * A remark for stderr (and the JSON {@code notes} array), e.g. why a value is infinite.
     *
     * @param s the remark
     * @return this report
     */
    public Report note(String s) {
        notes.add(s);
        return this;
    }

    /**
     * A date column read in an order of day and month that the data did not decide: a "surprisal: warning: " line on
     * stderr unless {@code --quiet} (with {@code --explain} its plain sentences below it), and an object of the JSON
     * {@code warnings} array, as {@code drift baseline} shows them ({@link #printWarnings}); once called, the JSON
     * has {@code warnings} even when empty, as drift's answers.
     *
     * @param w the warnings, e.g. {@code DateOrderWarning.ofDecisions(table's roles)}
     * @return this report
     */
    public Report warnings(List<dev.surprisal.data.profile.DateOrderWarning> w) {
        if (warnings == null) {
            warnings = new ArrayList<>();
        }
        w.stream().filter(x -> !warnings.contains(x)).forEach(warnings::add);
        return this;
    }

    /**
     * Date-order warnings as text, the one rendering of every verb ({@code drift baseline}, {@code drift compare},
     * {@code mi}, {@code entropy --data}): a "surprisal: warning: " line each on standard error, with
     * {@code --explain} its plain sentences below it; nothing when quiet.
     *
     * @param err      standard error
     * @param warnings the warnings
     * @param explain  whether to add the plain sentences
     * @param quiet    whether {@code --quiet} was given
     */
    public static void printWarnings(PrintWriter err, List<dev.surprisal.data.profile.DateOrderWarning> warnings,
                                     boolean explain, boolean quiet) {
        if (quiet) {
            return;
        }
        for (dev.surprisal.data.profile.DateOrderWarning w : warnings) {
            err.println("surprisal: warning: " + w.message());
            if (explain) {
                err.println("  " + w.explanation());
            }
        }
        err.flush();
    }

    /**
     * The rows, in the order added.
     *
     * @return a copy
     */
    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /**
     * The notes, in the order added.
     *
     * @return a copy
     */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /**
     * Prints the report as the options ask.
     *
     * @param options the verb's options ({@code --json}, {@code --explain}, {@code --quiet})
     * @param out     standard output: the answer
     * @param err     standard error: the notes
     */
    public void print(CommonOptions options, PrintWriter out, PrintWriter err) {
        if (options.json()) {
            out.println(toJson(options.explain()));
        } else {
            printPlain(out, options.explain());
            if (!options.quiet()) {
                for (String n : notes) {
                    err.println("surprisal: note: " + n);
                }
            }
            if (warnings != null) {
                printWarnings(err, warnings, options.explain(), options.quiet());
            }
        }
        out.flush();
        err.flush();
    }

    private void printPlain(PrintWriter out, boolean explain) {
        if (plainBody != null) {
            plainBody.forEach(out::println);
        } else if (rows.size() == 1) {
            out.println(format(rows.get(0).value()));
        } else {
            for (Row r : rows) {
                out.println(r.label() + "\t" + format(r.value()) + "\t" + r.unit());
            }
        }
        if (explain) {
            explanation().forEach(out::println);
        }
    }

    /**
     * The single JSON object for {@code --json}.
     *
     * @param explain whether to include the sentences
     * @return the object, indented
     */
    public String toJson(boolean explain) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        if (!rows.isEmpty()) {
            Row primary = rows.get(0);
            root.put("measure", primary.measure());
            putNumber(root, "value", primary.value());
            root.put("unit", primary.unit());
        }
        root.setAll(fields);
        if (rows.size() > 1) {
            ArrayNode results = root.putArray("results");
            for (Row r : rows) {
                ObjectNode o = results.addObject();
                o.put("label", r.label());
                o.put("measure", r.measure());
                putNumber(o, "value", r.value());
                o.put("unit", r.unit());
            }
        }
        if (!notes.isEmpty()) {
            ArrayNode a = root.putArray("notes");
            notes.forEach(a::add);
        }
        if (warnings != null) {
            ArrayNode a = root.putArray("warnings");
            warnings.forEach(w -> w.addTo(a, explain));
        }
        if (explain) {
            root.put("explanation", String.join(" ", explanation()));
        }
        try {
            return Json.mapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Shortest decimal that reads back to the same double ({@code 1.0}, {@code 0.08079313589591118}).
     *
     * @param v any number
     * @return {@link Double#toString(double)}
     */
    public static String format(double v) {
        return Double.toString(v);
    }
}
