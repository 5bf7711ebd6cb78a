package dev.surprisal.cli;

import dev.surprisal.data.DataException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;

/**
 * Turns every failure into one line on stderr, prefixed {@value #PREFIX}, and an exit code.
 *
 * <ul>
 *   <li>{@link ParameterException} (unknown option, unparsable number, bad {@code --base}, a missing
 *       or contradictory option found by a verb): {@link ExitCode#USAGE};</li>
 *   <li>{@link BadDataException}, {@link IllegalArgumentException} raised while measuring (the
 *       command line parsed, so the numbers or the file are at fault) and the data module's
 *       {@link DataException}: {@link ExitCode#BAD_DATA};</li>
 *   <li>anything else: {@link ExitCode#INTERNAL}.</li>
 * </ul>
 */
public final class ErrorHandlers implements IParameterExceptionHandler, IExecutionExceptionHandler {
    /** Every error line starts with this, so logs can be grepped. */
    public static final String PREFIX = "surprisal: error: ";

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(PREFIX + ex.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return ExitCode.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        int code = exitCodeOf(ex);
        String message = ex.getMessage() == null ? ex.getClass().getName() : ex.getMessage();
        if (code == ExitCode.INTERNAL) {
            message = "internal error, please report it: " + ex;
        }
        err.println(PREFIX + message);
        err.flush();
        return code;
    }

    /** The exit code for an exception thrown by a verb's {@code call()}. */
    static int exitCodeOf(Throwable ex) {
        if (ex instanceof ParameterException) {
            return ExitCode.USAGE;
        }
        if (ex instanceof BadDataException || ex instanceof IllegalArgumentException
                || ex instanceof DataException) {
            return ExitCode.BAD_DATA;
        }
        return ExitCode.INTERNAL;
    }
}
