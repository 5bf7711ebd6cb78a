package dev.surprisal.drift;

/** A column's verdict. */
public enum Status {
    /** Within noise or below the warn band. */
    OK,
    /** Beyond noise and at least the warn band. */
    WARN,
    /** Beyond noise and at least the alert band, or new mass beyond its null. */
    DRIFT,
    /** Nothing to compare (no rows on one side); the reason says why. */
    NOT_COMPUTABLE;

    /** WARN and DRIFT count as drifted. */
    public boolean drifted() {
        return this == WARN || this == DRIFT;
    }
}
