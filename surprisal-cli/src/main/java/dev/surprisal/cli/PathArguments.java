// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import dev.surprisal.data.TableLocation;

import java.nio.file.Path;
import java.util.List;

/**
 * The one check of every file and directory argument of every verb: no verb reads standard input
 * or writes standard output in place of a file, so {@code -} given for any {@link Path} or {@link TableLocation}
 * option or positional is a usage error (exit 2) naming the option, raised after parsing and before the verb
 * runs ({@link SurprisalCommand} runs it in its execution strategy). A URI of a scheme other than {@code file:}
 * ({@code hdfs://}, {@code s3a://}) is a usage error naming the option and the scheme, except for a table input
 * ({@link TableLocation}: {@code --data}, {@code --reference}) of a verb run with {@code --engine spark}, which hands
 * it to Spark untouched: the local engine cannot read it, and every file surprisal writes ({@code --report},
 * {@code --out}, a store) is local. An absolute {@code file:} URI names its local file ({@link #convert}). Without it, {@code -} reached
 * the verbs as a file name and was reported as bad data (exit 3) or "no such file". A file really
 * named {@code -} is given as {@code ./-}. (A type converter cannot do this: picocli reads a
 * conversion failure in a list of positionals as "unmatched arguments".)
 */
final class PathArguments {
    /** What follows the option's name in the error. */
    static final String STDIN = "'-' (standard input or output) is not supported here: give a file path"
            + " (save piped data to a file first, e.g. cat > day.csv; a file named '-' is ./-)";

    private PathArguments() {
    }

    /**
     * Throws a usage error when {@code -} was given for a path argument of any command in
     * {@code parsed}'s chain.
     *
     * @throws ParameterException naming the option (or the positional's label)
     */
    static void refuseStandardStreams(ParseResult parsed) {
        for (ParseResult r = parsed; r != null; r = r.subcommand()) {
            if (r.isUsageHelpRequested() || r.isVersionHelpRequested()) {
                return; // --help wins, as picocli does
            }
        }
        for (ParseResult r = parsed; r != null; r = r.subcommand()) {
            for (ArgSpec a : r.matchedArgs()) {
                if (!isPath(a)) {
                    continue;
                }
                boolean table = isTable(a);
                List<String> values = a.originalStringValues();
                for (int i = 0; i < values.size(); i++) {
                    String v = values.get(i);
                    String name = a instanceof OptionSpec o ? o.longestName() : positionalName(a.paramLabel(), i);
                    CommandLine cmd = r.commandSpec().commandLine();
                    if (v.equals("-")) {
                        throw new ParameterException(cmd, name + ": " + STDIN, a, v);
                    }
                    java.util.regex.Matcher m = URI.matcher(v);
                    if (m.find() && fileUri(v) == null) {
                        boolean remote = m.group(1) != null && !m.group(1).equalsIgnoreCase("file");
                        if (table && remote && spark(parsed)) {
                            continue; // Spark reads it where it lives
                        }
                        throw new ParameterException(cmd, uriMessage(name, v, m.group(1), table), a, v);
                    }
                }
            }
        }
    }

    /**
     * Converts a path argument: a {@code file:} URI ({@code file:///data/day.csv}, {@code file:/data/day.csv},
     * {@code file://localhost/data/day.csv}) names the local file it points to, for every verb and engine;
     * any other text is a path as given. Never throws for a URI (see the class comment):
     * {@link #refuseStandardStreams} refuses the URIs no engine reads, naming the option.
     *
     * @param text the argument as typed
     * @return the path
     * @throws CommandLine.TypeConversionException when the text is empty
     */
    static Path convert(String text) {
        if (text.isEmpty()) {
            throw new CommandLine.TypeConversionException("the file name is empty; name a file");
        }
        Path local = fileUri(text);
        return local != null ? local : Path.of(text);
    }

    /**
     * Converts a table input ({@code --data}, {@code --reference}): a remote URI ({@code s3a://bucket/day/}) kept as
     * typed, a {@code file:} URI or a path as {@link #convert} reads it. Never throws for a URI: {@link
     * #refuseStandardStreams} refuses the ones the chosen engine cannot read, naming the option.
     *
     * @param text the argument as typed
     * @return the location
     * @throws CommandLine.TypeConversionException when the text is empty
     */
    static TableLocation location(String text) {
        Path local = convert(text);
        java.util.regex.Matcher m = URI.matcher(text);
        if (m.find() && m.group(1) != null && !m.group(1).equalsIgnoreCase("file")) {
            return TableLocation.parse(text);
        }
        return TableLocation.of(local);
    }

    /** Whether the verb runs with {@code --engine spark}. */
    private static boolean spark(ParseResult parsed) {
        for (ParseResult r = parsed; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--engine")) {
                return "spark".equals(r.matchedOptionValue("--engine", "local"));
            }
        }
        return false;
    }

    /** The local path of an absolute {@code file:} URI ({@link TableLocation#parse}), or null when {@code text} is not one. */
    private static Path fileUri(String text) {
        if (!text.regionMatches(true, 0, "file:", 0, 5)) {
            return null;
        }
        try {
            return TableLocation.parse(text).path();
        } catch (dev.surprisal.core.ValidationException e) {
            return null;
        }
    }

    /** {@code scheme://…}, or {@code file:…}; a scheme of one letter is a Windows drive ({@code C:\…}). */
    private static final java.util.regex.Pattern URI =
            java.util.regex.Pattern.compile("^(?:([A-Za-z][A-Za-z0-9+.-]+)://|(?i)(file):)");

    /** The usage error of a URI no engine reads here. */
    private static String uriMessage(String name, String value, String scheme, boolean table) {
        if (scheme == null) {
            scheme = "file";
        }
        if (scheme.equalsIgnoreCase("file")) {
            return name + " " + value + ": a file: URI names a local file by its absolute path (file:///data/day.csv);"
                    + " give that form, or the path itself";
        }
        if (table) {
            return name + " " + value + ": '" + scheme + "' locations are read only by the Spark engine: add --engine spark"
                    + " (its Hadoop class path needs the connector for '" + scheme + "', see docs/scaling.md), or copy the"
                    + " file to this machine first (for example hdfs dfs -get, aws s3 cp)";
        }
        return name + " " + value + ": '" + scheme + "' URIs are not supported here: surprisal writes local files only (a"
                + " path or a file:/// URI), with every engine; write it here and copy it (for example hdfs dfs -put,"
                + " aws s3 cp)";
    }

    /**
     * Positional path {@code i} (0-based) in words, not the help's placeholder: {@code REFERENCE CURRENT}
     * gives the reference file and the current file, {@code FILE} the file, {@code DIR} the directory,
     * {@code RUN} the run directory.
     */
    static String positionalName(String label, int i) {
        String[] words = label.split(" ");
        String w = words[Math.min(i, words.length - 1)].toLowerCase(java.util.Locale.ROOT);
        return switch (w) {
            case "file" -> "the file";
            case "dir" -> "the directory";
            case "run" -> "the run directory";
            default -> "the " + w + " file";
        };
    }

    private static boolean isTable(ArgSpec a) {
        return takes(a, TableLocation.class);
    }

    private static boolean isPath(ArgSpec a) {
        return takes(a, TableLocation.class) || takes(a, Path.class);
    }

    /** Whether the argument, or the elements of its list, are of {@code type}. */
    private static boolean takes(ArgSpec a, Class<?> type) {
        if (type.isAssignableFrom(a.type())) {
            return true;
        }
        for (Class<?> t : a.auxiliaryTypes()) {
            if (type.isAssignableFrom(t)) {
                return true;
            }
        }
        return false;
    }
}
