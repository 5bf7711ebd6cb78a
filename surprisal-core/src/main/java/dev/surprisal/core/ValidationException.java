package dev.surprisal.core;

/**
 * The project's own validation error: an input handed to Surprisal (a probability vector, a count,
 * an option, a file's content) is invalid. The message names the argument as the user knows it
 * (an option name such as {@code --bins}, a file with line and column) and the offending value,
 * and where possible says how to fix it.
 *
 * <p>It is a subtype of {@link IllegalArgumentException} so that ordinary Java callers can catch
 * it as such, but front ends must tell the two apart: a {@code ValidationException} is the
 * user's input at fault (the CLI exits 2 or 3), whereas a bare {@code IllegalArgumentException}
 * escaping the library is a bug (exit 4).
 */
public class ValidationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, naming the argument and the value
     */
    public ValidationException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming the argument and the value
     * @param cause   the underlying failure, kept for debugging (never shown with a stack trace)
     */
    public ValidationException(String message, Throwable cause) {
        super(message, cause);
    }
}
