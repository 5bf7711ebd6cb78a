// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.cli.tour.Tour;
import dev.surprisal.cli.tour.TourSection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
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
                ""},
        footer = {"", "Examples:", "  surprisal tour | less", "  surprisal tour --no-vae      the same without training the tiny VAE"})
public final class TourCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Option(names = "--vae", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "In the ELBO stop, train a tiny VAE (2,000 Fashion-MNIST images, one epoch, seconds;"
                    + " the first run also unpacks PyTorch's native library). --no-vae skips it. Default: on.")
    boolean vae = true;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<TourSection> sections = Tour.sections(vae);
        out.println("Surprisal tour: information theory in " + sections.size() + " stops.");
        int i = 1;
        for (TourSection s : sections) {
            out.println();
            out.println(i++ + ". " + s.title());
            out.println("-".repeat(Math.min(78, s.title().length() + 3)));
            s.print(out);
        }
        out.println();
        out.println("Each stop ends with a 'try:' line; every verb has --help with examples.");
        out.flush();
        return ExitCode.OK;
    }
}
