package dev.surprisal.cli;

import dev.surprisal.cli.drift.DriftCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The root of the {@code surprisal} command tree. Each verb is its own class; new verbs are added
 * to {@code subcommands} below. {@link #execute} is what {@link #main} and the tests run.
 */
@Command(name = "surprisal",
        mixinStandardHelpOptions = true,
        versionProvider = SurprisalCommand.Version.class,
        sortOptions = false,
        subcommands = {EntropyCommand.class, DivergenceCommand.class, MiCommand.class, DriftCommand.class,
                FileCommand.class, NotesCommand.class, ElboCommand.class, VaeCommand.class, TourCommand.class,
                dev.surprisal.cli.serve.ServeCommand.class,
                CommandLine.HelpCommand.class},
        description = {
                "Information theory for engineers: entropy, KL divergence and mutual information,",
                "with the unit always stated and an --explain that says what the number means.",
                ""},
        footer = {"",
                "Start here:",
                "  surprisal tour                                  a two-minute walk through the ideas",
                "  surprisal entropy 0.5 0.5                       1.0 (bits: one fair coin flip)",
                "  surprisal divergence --p 0.5,0.5 --q 0.9,0.1 --base e",
                "  surprisal mi --data people.csv --x zip --y city",
                "  surprisal file /usr/share/common-licenses/GPL-3 --explain",
                "  surprisal notes scan ~/notes --report notes.html",
                "  surprisal mi --data sensors.csv --target y       rank columns by MI, with r beside it",
                "  surprisal elbo demo                             the ELBO with exact numbers",
                "  surprisal vae train --epochs 10 --out runs/x   a VAE on Fashion-MNIST",
                "  surprisal drift compare ref.csv today.csv       KL(P||Q), PSI and a verdict per column",
                "",
                "Exit codes: 0 success, 1 alarm, 2 usage error, 3 bad data, 4 internal error."})
public final class SurprisalCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "missing command: choose one of entropy, divergence, mi, drift, file, notes, elbo, vae, tour");
    }

    /** The configured command line, printing to {@code out} and {@code err}. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        ErrorHandlers handlers = new ErrorHandlers();
        return new CommandLine(new SurprisalCommand())
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setUsageHelpWidth(100)
                .setParameterExceptionHandler(handlers)
                .setExecutionExceptionHandler(handlers);
    }

    /** Runs {@code surprisal args...} and returns its exit code (see {@link ExitCode}). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return commandLine(out, err).execute(args);
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = execute(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Reads the version Maven wrote into {@code surprisal-version.properties}. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = SurprisalCommand.class.getResourceAsStream("/surprisal-version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"surprisal " + p.getProperty("version", "unknown"),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
