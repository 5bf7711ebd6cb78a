// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.variational.KlDirectionFit;
import dev.surprisal.vae.KlFitPlot;
import dev.surprisal.vae.RunFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
            footer = {"", "Examples:", "  surprisal elbo demo", "  surprisal elbo demo --seed 7 --plot kl-directions.png",
                "  surprisal elbo demo --json      log p(x), each q's ELBO terms, CAVI's trace and both KL fits"})
    static final class Demo implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        JsonOption json;

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
            if (json.json()) {
                ElboDemo.ExactGap gap = ElboDemo.exactGap();
                ElboDemo.Cavi cavi = ElboDemo.cavi(seed);
                KlDirectionFit.Fit[] fits = ElboDemo.klDirections();
                if (plot != null) {
                    KlFitPlot.write(plot, ElboDemo.BIMODAL, fits[0], fits[1], -8, 8);
                }
                out.println(Json.mapper().writeValueAsString(json(gap, cavi, fits, seed, plot)));
                out.flush();
                return ExitCode.OK;
            }
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

        /** The three demonstrations as one object; the headline is the exact log-evidence. */
        static ObjectNode json(ElboDemo.ExactGap gap, ElboDemo.Cavi cavi, KlDirectionFit.Fit[] fits, long seed, Path plot) {
            ObjectNode o = Json.mapper().createObjectNode();
            o.put("measure", "log_evidence");
            Json.putNumber(o, "value", gap.logEvidence());
            o.put("unit", "nats");
            ArrayNode rows = o.putObject("exact_gap").putArray("q");
            for (ElboDemo.GapRow r : gap.rows()) {
                ObjectNode n = rows.addObject().put("q", r.q());
                Json.putNumber(n, "reconstruction", r.terms().reconstruction());
                Json.putNumber(n, "kl_to_prior", r.terms().kl());
                Json.putNumber(n, "elbo", r.terms().elbo());
                Json.putNumber(n, "kl_to_posterior", r.klToPosterior());
            }
            ObjectNode c = o.putObject("cavi").put("seed", seed).put("points", 300).put("clusters", 3);
            ArrayNode trace = c.putArray("elbo_trace");
            for (double v : cavi.elboTrace()) {
                trace.add(v);
            }
            ArrayNode means = c.putArray("means");
            for (double v : cavi.means()) {
                means.add(v);
            }
            ObjectNode k = o.putObject("kl_directions").put("target", "0.5 N(-3, 1) + 0.5 N(3, 1)");
            String[] names = {"forward", "reverse"};
            for (int i = 0; i < 2; i++) {
                ObjectNode f = k.putObject(names[i]);
                f.put("minimises", i == 0 ? "KL(p||q)" : "KL(q||p)");
                Json.putNumber(f, "mean", fits[i].mean());
                Json.putNumber(f, "sd", fits[i].sd());
                Json.putNumber(f, "kl_pq", fits[i].forwardKl());
                Json.putNumber(f, "kl_qp", fits[i].reverseKl());
            }
            if (plot != null) {
                o.put("plot", plot.toString());
            }
            return o;
        }
    }
}
