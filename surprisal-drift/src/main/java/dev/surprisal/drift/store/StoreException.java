package dev.surprisal.drift.store;

/** A history store could not be opened, migrated, read or written; the message says which and why. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
