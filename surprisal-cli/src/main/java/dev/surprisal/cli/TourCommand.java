// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.cli.tour.Tour;
import dev.surprisal.cli.tour.TourSection;
import dev.surprisal.cli.tour.TourStop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code surprisal tour}: the seed's examples, explained, with numbers computed live. */
@Command(name = "tour",
        mixinStandardHelpOptions = true,
        header = "A short guided tour with live numbers.",
        description = {
                "Ten stops: entropy, KL asymmetry, cross-entropy, temperature, a mutual-information table,",
                "y = x^2 (where correlation misses what MI sees), drift, file entropy, notes and the ELBO",
                "with a tiny VAE. Every number is computed by the library as you watch.",
                "",
                "With --json, one object whose \"stops\" array has, per stop, its number and title, the",
                "numbers it shows at full precision (\"results\": label, measure, value, unit), the labels",
                "it gives (\"verdicts\"), its \"try\" commands and its \"text\", line by line.",
                ""},
        footer = {"", "Examples:", "  surprisal tour | less",
                "  surprisal tour --no-vae      the same without training the tiny VAE",
                "  surprisal tour --no-vae --json | jq '.stops[1].results'   KL(P||Q) and KL(Q||P), in nats"})
public final class TourCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Option(names = "--vae", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "In the ELBO stop, train a tiny VAE (2,000 Fashion-MNIST images, one epoch, seconds;"
                    + " the first run also unpacks PyTorch's native library). --no-vae skips it. Default: on.")
    boolean vae = true;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<TourSection> sections = Tour.sections(vae);
        if (json.json()) {
            out.println(json(sections));
            out.flush();
            return ExitCode.OK;
        }
        out.println("Surprisal tour: information theory in " + sections.size() + " stops.");
        int i = 1;
        for (TourSection s : sections) {
            out.println();
            out.println(i++ + ". " + s.title());
            out.println("-".repeat(Math.min(78, s.title().length() + 3)));
            TourStop stop = new TourStop(out);
            s.print(stop);
            stop.flush();
        }
        out.println();
        out.println("Each stop ends with a 'try:' line; every verb has --help with examples.");
        out.flush();
        return ExitCode.OK;
    }

    /** Runs every stop into a buffer and gives the tour as one JSON object. */
    private static String json(List<TourSection> sections) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode stops = root.putArray("stops");
        int i = 1;
        for (TourSection s : sections) {
            StringWriter text = new StringWriter();
            TourStop stop = new TourStop(text);
            s.print(stop);
            stop.flush();
            ObjectNode o = stops.addObject();
            o.put("stop", i++);
            o.put("title", s.title());
            ArrayNode results = o.putArray("results");
            for (TourStop.Result r : stop.results()) {
                ObjectNode n = results.addObject();
                n.put("label", r.label());
                n.put("measure", r.measure());
                Json.putNumber(n, "value", r.value(), "not estimable from this sample");
                n.put("unit", r.unit());
            }
            ArrayNode verdicts = o.putArray("verdicts");
            for (TourStop.Verdict v : stop.verdicts()) {
                verdicts.addObject().put("label", v.label()).put("verdict", v.verdict());
            }
            ArrayNode tries = o.putArray("try");
            stop.tries().forEach(tries::add);
            ArrayNode lines = o.putArray("text");
            text.toString().lines().forEach(lines::add);
        }
        try {
            return Json.mapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
