package dev.surprisal.drift.store;

/** One column's scores at one past check. */
public record HistoryPoint(long runId, String at, String column, String status, double psi, double klNats,
                           double jsBits, double hellinger, double decision, double critical, double newMass,
                           boolean alarmed) {
}
