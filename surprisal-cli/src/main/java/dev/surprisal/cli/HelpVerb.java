// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpCommandInitializable2;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code surprisal help [VERB [SUB...]]}: the help page of a verb or of a sub-verb at any depth
 * ({@code help drift check} shows check's page). picocli's own {@code HelpCommand} looks up only
 * the first name, so {@code help drift check} showed drift's page.
 */
@Command(name = "help", helpCommand = true,
        header = "Show the help page of a verb or sub-verb.",
        description = {"With no verb, the list of verbs. Each further name goes one level down:", ""},
        footer = {"", "Examples:", "  surprisal help drift", "  surprisal help drift check     the same as surprisal drift check --help"})
public final class HelpVerb implements IHelpCommandInitializable2, Runnable {
    @Parameters(paramLabel = "VERB", arity = "0..*", description = "A verb and its sub-verbs, e.g. drift check.")
    List<String> path = new ArrayList<>();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    private CommandLine self;
    private Help.ColorScheme colors;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, Help.ColorScheme colorScheme, PrintWriter outWriter,
                     PrintWriter errWriter) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = outWriter;
    }

    @Override
    public void run() {
        CommandLine target = self.getParent();
        List<String> walked = new ArrayList<>();
        for (String name : path) {
            CommandLine sub = target.getSubcommands().get(name);
            if (sub == null) {
                String where = walked.isEmpty() ? "surprisal" : "surprisal " + String.join(" ", walked);
                throw new ParameterException(self, "unknown verb '" + name + "' under '" + where + "'; choose one of "
                        + String.join(", ", target.getSubcommands().keySet()));
            }
            walked.add(name);
            target = sub;
        }
        target.usage(out, colors);
        out.flush();
    }
}
