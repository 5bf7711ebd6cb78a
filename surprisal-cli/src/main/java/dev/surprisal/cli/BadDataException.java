package dev.surprisal.cli;

/**
 * Data that parse but cannot be measured (exit code {@link ExitCode#BAD_DATA}). Commands throw it
 * when they detect the problem themselves; an {@link IllegalArgumentException} raised by a measure
 * on user-provided numbers is mapped to the same exit code by {@link ErrorHandlers}.
 */
public final class BadDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadDataException(String message) {
        super(message);
    }

    public BadDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
