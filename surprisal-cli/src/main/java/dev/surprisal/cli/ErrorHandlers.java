// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.core.ValidationException;
import dev.surprisal.data.DataException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.List;

/**
 * Turns every failure into one line on stderr, prefixed {@value #PREFIX}, and an exit code. Never a
 * stack trace, unless the environment variable {@value #DEBUG_ENV} is set.
 *
 * <ul>
 *   <li>{@link ParameterException} (picocli's parse errors, and the contradictory or missing options
 *       a verb finds): {@link ExitCode#USAGE}. An unknown verb or option gets picocli's "did you
 *       mean" suggestions.</li>
 *   <li>{@link ValidationException} (the library's validation, {@link DataException},
 *       {@link BadDataException}): {@link ExitCode#BAD_DATA}, except when the message is about a
 *       setting the user typed as an option. The library names its parameters ({@code learningRate:
 *       must be > 0}); when a parameter has the name of a field bound to an option of the command
 *       that ran, the message is rewritten with the option's name ({@code --lr: must be > 0}) and
 *       the exit code is {@link ExitCode#USAGE}. Options that carry the data being measured are
 *       marked {@link DataArgument} are renamed too but keep {@link ExitCode#BAD_DATA}. A verb whose option field
 *       and library parameter differ in name renames its field, so the one rule covers it.</li>
 *   <li>{@link IOException}: the file system refused (no such directory, permission denied, disk
 *       full): {@link ExitCode#BAD_DATA}, with the path and reason.</li>
 *   <li>anything else, including a bare {@link IllegalArgumentException} and errors such as
 *       {@link OutOfMemoryError} or {@link StackOverflowError}: {@link ExitCode#INTERNAL}, "internal
 *       error (a bug)". It never shares the alarm's exit code 1.</li>
 * </ul>
 */
public final class ErrorHandlers implements IParameterExceptionHandler, IExecutionExceptionHandler {
    /** Every error line starts with this, so logs can be grepped. */
    public static final String PREFIX = "surprisal: error: ";
    /** Set (to anything) to get the stack trace of an internal error on stderr. */
    public static final String DEBUG_ENV = "SURPRISAL_DEBUG";

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String message = ex.getMessage();
        if (message != null && message.startsWith("Error: ")) { // picocli's argument-group messages
            message = message.substring("Error: ".length());
        }
        if (message != null) {
            message = optionFirst(message);
        }
        if (cmd.getCommand() instanceof MiCommand && !(ex instanceof UnmatchedArgumentException)) {
            message = MiCommand.modeMessage(message, args);
        }
        if (ex instanceof UnmatchedArgumentException u) {
            List<String> suggestions = u.getSuggestions();
            if (!suggestions.isEmpty()) {
                message += "; did you mean " + String.join(" or ", suggestions.stream().limit(3).toList()) + "?";
            }
        }
        err.println(PREFIX + dev.surprisal.core.Printable.escape(message) + " (see '"
                + cmd.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return ExitCode.USAGE;
    }

    /** picocli's message when an option's converter refuses a value, with the help's placeholder in parentheses. */
    private static final java.util.regex.Pattern INVALID_OPTION = java.util.regex.Pattern.compile(
            "Invalid value for option '([^']+)'(?: \\([^)]*\\))?: (.*)", java.util.regex.Pattern.DOTALL);

    /**
     * A converter's refusal in the words of every other usage error, the option first and no placeholder:
     * picocli's {@code Invalid value for option '--iwae' (K[,K...]): 'x' is not an int} becomes
     * {@code --iwae: 'x' is not an int}, and {@code Invalid value for option '--base': base: expected …}
     * (the library naming its parameter) becomes {@code --base: expected …}. Other messages pass unchanged.
     */
    static String optionFirst(String message) {
        java.util.regex.Matcher m = INVALID_OPTION.matcher(message);
        if (!m.matches()) {
            return message;
        }
        String option = m.group(1);
        String rest = m.group(2);
        String parameter = option.replaceFirst("^-+", "") + ": ";
        return option + ": " + (rest.startsWith(parameter) ? rest.substring(parameter.length()) : rest);
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        return report(ex, cmd.getCommandSpec(), cmd.getErr());
    }

    /**
     * Prints the one error line for {@code ex} thrown while running {@code spec}'s command (or
     * before any command ran, {@code spec} null) and returns the exit code.
     */
    static int report(Throwable ex, CommandSpec spec, PrintWriter err) {
        int code = exitCodeOf(ex, spec);
        String message;
        if (code == ExitCode.INTERNAL) {
            message = "internal error (a bug), please report it: " + describe(ex)
                    + (debug() ? "" : " (set " + DEBUG_ENV + "=1 for the stack trace)");
        } else {
            message = messageOf(ex, spec);
        }
        // a message may echo a user's value: its control characters must not reach the terminal raw
        err.println(PREFIX + dev.surprisal.core.Printable.escape(message));
        if (code == ExitCode.INTERNAL && debug()) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** The exit code for an exception thrown by a verb of {@code spec} (null: no verb known). */
    static int exitCodeOf(Throwable ex, CommandSpec spec) {
        if (ex instanceof ParameterException) {
            return ExitCode.USAGE;
        }
        if (ex instanceof ValidationException v) {
            OptionSpec o = namedOption(v, spec);
            return o != null && !isDataArgument(o) ? ExitCode.USAGE : ExitCode.BAD_DATA;
        }
        if (ex instanceof IOException || ex instanceof UncheckedIOException) {
            return ExitCode.BAD_DATA;
        }
        return ExitCode.INTERNAL;
    }

    private static String messageOf(Throwable ex, CommandSpec spec) {
        if (ex instanceof ValidationException v) {
            OptionSpec option = namedOption(v, spec);
            return option == null ? v.getMessage() : v.messageFor(option.longestName());
        }
        if (ex instanceof UncheckedIOException u) {
            return ioMessage(u.getCause());
        }
        if (ex instanceof IOException io) {
            return ioMessage(io);
        }
        return ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    }

    /** NoSuchFileException and friends carry only the path as message; say what went wrong too. */
    private static String ioMessage(IOException e) {
        String kind = switch (e.getClass().getSimpleName()) {
            case "NoSuchFileException" -> "no such file or directory";
            case "AccessDeniedException" -> "permission denied";
            case "FileAlreadyExistsException" -> "already exists";
            case "NotDirectoryException" -> "not a directory";
            case "DirectoryNotEmptyException" -> "directory not empty";
            default -> null;
        };
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (kind == null && e instanceof java.nio.file.FileSystemException f && f.getFile() != null && f.getReason() != null) {
            return m; // "PATH: reason" already says which file and why
        }
        return kind == null ? "cannot read or write a file: " + m : m + ": " + kind;
    }

    /**
     * The option of {@code spec} whose field has the name of the argument {@code v} is about, or
     * null. Its name replaces the parameter's in the message (the user reads {@code --kb}, never a
     * field name), whether it is a setting or marked {@link DataArgument}. A {@link DataException}
     * is about a file's content and names no option.
     */
    static OptionSpec namedOption(ValidationException v, CommandSpec spec) {
        String argument = v.argument();
        if (spec == null || argument == null || v instanceof DataException || v instanceof BadDataException) {
            return null;
        }
        for (OptionSpec o : spec.options()) {
            // a field, or a validating setter such as ThreadsOption's threads(int)
            if (o.userObject() instanceof Field f && f.getName().equals(argument)
                    || o.userObject() instanceof java.lang.reflect.Method m && m.getName().equals(argument)) {
                return o;
            }
        }
        return null;
    }

    private static boolean isDataArgument(OptionSpec o) {
        return o.userObject() instanceof Field f && f.isAnnotationPresent(DataArgument.class);
    }

    private static String describe(Throwable ex) {
        if (ex instanceof OutOfMemoryError) {
            return "out of memory (" + ex.getMessage() + "); give Java more with SURPRISAL_JAVA_OPTS=-Xmx8g"
                    + " or use less input";
        }
        if (ex instanceof StackOverflowError) {
            return "stack overflow";
        }
        return ex.getClass().getName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
    }

    private static boolean debug() {
        String d = System.getenv(DEBUG_ENV);
        return d != null && !d.isEmpty();
    }
}
