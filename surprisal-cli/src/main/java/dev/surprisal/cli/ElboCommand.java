// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.variational.KlDirectionFit;
import dev.surprisal.vae.KlFitPlot;
import dev.surprisal.vae.RunFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code surprisal elbo demo}: the ELBO made concrete, with exact numbers. */
@Command(name = "elbo",
        mixinStandardHelpOptions = true,
        subcommands = {ElboCommand.Demo.class},
        description = {"The evidence lower bound (ELBO), the objective of variational inference and VAEs.", ""},
        footer = {"", "Example:", "  surprisal elbo demo --plot kl-directions.png"})
public final class ElboCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command: demo");
    }

    @Command(name = "demo", mixinStandardHelpOptions = true,
            header = "The exact-evidence gap, CAVI climbing its ELBO, and forward versus reverse KL.",
            description = {"Printed with explanations. All values in nats.", ""},
            footer = {"", "Examples:", "  surprisal elbo demo", "  surprisal elbo demo --seed 7 --plot kl-directions.png"})
    static final class Demo implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--seed", defaultValue = "42", description = "Seed for the CAVI data. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--plot", paramLabel = "FILE.png", description = "Also draw the forward/reverse KL fits as a PNG.")
        Path plot;

        @Override
        public Integer call() throws Exception {
            if (plot != null) {
                // Checked before the demo runs: "plot: DIR is a directory" is reported as --plot, a usage error.
                RunFiles.checkOutputFile("plot", plot);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("1. log p(x) = ELBO + KL(q || posterior), checked where log p(x) is exact");
            out.println("-----------------------------------------------------------------------");
            ElboDemo.exactGap(out);
            out.println();
            out.println("2. Coordinate-ascent variational inference (CAVI)");
            out.println("-------------------------------------------------");
            ElboDemo.cavi(out, seed);
            out.println();
            out.println("3. Forward versus reverse KL");
            out.println("----------------------------");
            KlDirectionFit.Fit[] fits = ElboDemo.klDirections(out);
            if (plot != null) {
                KlFitPlot.write(plot, ElboDemo.BIMODAL, fits[0], fits[1], -8, 8);
                out.println("  plot written to " + plot);
            }
            out.flush();
            return ExitCode.OK;
        }
    }
}
