// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
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
import java.util.List;
import java.util.Properties;

/**
 * The root of the {@code surprisal} command tree. Each verb is its own class; new verbs are added
 * to {@link #VERBS} and {@link #verb}. {@link #execute} is what {@link #main} and the tests run.
 *
 * <p>Why the verbs are not in {@code @Command(subcommands = …)}: picocli builds the model of every
 * subcommand it is given (their classes, options, mixins and converters) before parsing, which
 * was most of {@code surprisal entropy 0.5 0.5}'s start-up. {@link #execute} gives picocli only
 * the verb that was typed; {@code --help}, {@code help} and anything unknown get the whole tree,
 * so listings and "did you mean" suggestions are unchanged.
 */
@Command(name = "surprisal",
        mixinStandardHelpOptions = true,
        versionProvider = SurprisalCommand.Version.class,
        sortOptions = false,
        description = {
                "Information theory for engineers: entropy, KL divergence and mutual information,",
                "with the unit always stated and an --explain that says what the number means.",
                ""},
        footer = {"",
                "Examples (start here):",
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

    /** The verbs, in the order {@code --help} lists them. */
    static final List<String> VERBS = List.of("entropy", "divergence", "mi", "drift", "file", "notes", "elbo",
            "vae", "tour", "serve");

    /** A new instance of one verb's command; only the verb asked for is loaded. */
    private static Object verb(String name) {
        return switch (name) {
            case "entropy" -> new EntropyCommand();
            case "divergence" -> new DivergenceCommand();
            case "mi" -> new MiCommand();
            case "drift" -> new DriftCommand();
            case "file" -> new FileCommand();
            case "notes" -> new NotesCommand();
            case "elbo" -> new ElboCommand();
            case "vae" -> new VaeCommand();
            case "tour" -> new TourCommand();
            case "serve" -> new dev.surprisal.cli.serve.ServeCommand();
            default -> throw new IllegalArgumentException("not a verb: " + name);
        };
    }

    /**
     * The configured command line with every verb, printing to {@code out} and {@code err}.
     *
     * @param out standard output
     * @param err standard error
     * @return the root command with every verb and {@code help}
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine root = new CommandLine(new SurprisalCommand());
        VERBS.forEach(v -> root.addSubcommand(verb(v)));
        root.addSubcommand(new HelpVerb());
        return configure(root, out, err);
    }

    /**
     * The command line {@code args} need: the root with only the verb {@code args[0]} when it is
     * one, the bare root for a lone {@code --version}, and otherwise every verb.
     */
    static CommandLine commandLineFor(PrintWriter out, PrintWriter err, String... args) {
        String first = args.length > 0 ? args[0] : "";
        if (VERBS.contains(first)) {
            return configure(new CommandLine(new SurprisalCommand()).addSubcommand(verb(first)), out, err);
        }
        if (args.length == 1 && (first.equals("--version") || first.equals("-V"))) {
            return configure(new CommandLine(new SurprisalCommand()), out, err);
        }
        return commandLine(out, err);
    }

    /** Settings for the root and every subcommand already added (picocli applies them to both). */
    private static CommandLine configure(CommandLine root, PrintWriter out, PrintWriter err) {
        ErrorHandlers handlers = new ErrorHandlers();
        return root
                // user data (column names, cells, file names) reaches the terminal escaped, whatever prints it
                .setOut(ControlEscapingWriter.guard(out))
                .setErr(ControlEscapingWriter.guard(err))
                .setCaseInsensitiveEnumValuesAllowed(true)
                // "@file" would read arguments from any file and echo its lines on errors (issue 11)
                .setExpandAtFiles(false)
                // every file argument of every verb: '-' is a usage error, not a file name
                .setExecutionStrategy(parsed -> {
                    PathArguments.refuseStandardStreams(parsed);
                    return new CommandLine.RunLast().execute(parsed);
                })
                .setUsageHelpWidth(100)
                // an empty FILE ('--data ""') is a usage error naming its option, not ": a directory" (the empty path is the working directory)
                // a file: URI names its local file (PathArguments refuses the other schemes after parsing)
                .registerConverter(java.nio.file.Path.class, PathArguments::convert)
                .registerConverter(dev.surprisal.data.TableLocation.class, PathArguments::location)
                .setParameterExceptionHandler(handlers)
                .setExecutionExceptionHandler(handlers);
    }

    /**
     * Runs {@code surprisal args...} and returns its exit code (see {@link ExitCode}). Nothing
     * escapes: an {@link Error} thrown by a verb (out of memory, stack overflow) is reported like
     * any internal error, with exit code 4, never the alarm's 1 nor a stack trace.
     *
     * @param out  standard output
     * @param err  standard error
     * @param args the arguments after {@code surprisal}
     * @return the exit code: 0 success, 1 alarm, 2 usage, 3 bad data, 4 internal error
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return execute(commandLineFor(out, err, args), args);
    }

    /** Runs {@code args} on a configured command line (see {@link #commandLine}), catching everything. */
    static int execute(CommandLine commandLine, String... args) {
        try {
            return commandLine.execute(args);
        } catch (Throwable t) {
            return ErrorHandlers.report(t, null, commandLine.getErr());
        }
    }

    /**
     * The {@code surprisal} command: runs {@link #execute} on the console and exits with its code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        // picocli's DefaultFactory otherwise looks for Groovy's Closure class when it is first used, and
        // that miss reads the central directory of the shaded jar (12,900 entries) and of the PyTorch
        // natives' jar: the only reason a short verb opened a jar at all (docs/benchmarks.md, start9).
        // Surprisal's annotations hold no Groovy closures.
        System.setProperty("picocli.disable.closures", "true");
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        // A failure on another thread (a progress bar, a pool) must not print a stack trace either.
        Thread.setDefaultUncaughtExceptionHandler((thread, t) -> ErrorHandlers.report(t, null, err));
        if (args.length > 1 && "drift".equals(args[0]) && "check".equals(args[1])) {
            // its first step opens the store: DuckDB loads on another core while picocli parses (csv13)
            dev.surprisal.drift.store.DriftStore.preloadDuckDb();
        }
        int code = execute(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * The version from the shaded jar's manifest ({@code Implementation-Version}), else from the
     * {@code surprisal-version.properties} Maven wrote (a build's class folder has no manifest).
     * The manifest comes first because the start-up archive keeps it: {@code --version} then reads
     * nothing from the jar, whose central directory alone costs a short verb tens of milliseconds.
     */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            String version = SurprisalCommand.class.getPackage().getImplementationVersion();
            if (version == null) {
                Properties p = new Properties();
                try (InputStream in = SurprisalCommand.class.getResourceAsStream("/surprisal-version.properties")) {
                    if (in != null) {
                        p.load(in);
                    }
                }
                version = p.getProperty("version", "unknown");
            }
            return new String[] {"surprisal " + version,
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
