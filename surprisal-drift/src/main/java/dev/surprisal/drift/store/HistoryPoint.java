// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.store;

import dev.surprisal.drift.Measure;

/**
 * One column's scores at one past check.
 *
 * @param runId            the run
 * @param at               the date or time the check was run for, as given ({@code --at})
 * @param column           the column
 * @param status           the column's verdict
 * @param psi              PSI (nats)
 * @param klNats           KL(P||Q) in nats, P the reference
 * @param jsBits           JS divergence in bits
 * @param hellinger        Hellinger distance
 * @param decision         the deciding measure's value
 * @param critical         its noise level (critical value)
 * @param newMass          share of today's values where the reference had none
 * @param alarmed          whether an alarm fired for this column in this run
 * @param referenceVersion the version of the monitor's baseline this check was scored against
 *                         (1 for the first baseline; each {@code saveBaseline} adds one)
 * @param missingChange    the column's missing share in this check minus the reference's (NaN when not
 *                         stored): with the reference's share it says whether the column was all missing
 * @param replacedRunId    the run this one replaced (a re-run of the same run time and baseline), or -1
 *                         (none, or recorded before the store kept it: schema version 3)
 * @param reason           why this column alarmed in this run, as the check worded it ("W1/std 0.147 >= warn
 *                         band 0.100, …"): the messages of its stored alarms without the column's name,
 *                         joined by "; "; null when it did not alarm or its alarm stored no message
 * @param measure          the deciding measure the check used, whose unit {@code decision} and
 *                         {@code critical} are in ({@link Measure#unitLabel()}: PSI and Hellinger unitless,
 *                         KL nats, JS bits); null when the run was recorded before the store kept it
 *                         (schema version 4): never guessed from the baseline's rule, which a check's own
 *                         {@code --measure} overrides
 * @param yardstick        the column's own yardstick (W1/std or TV) as its check judged it, with its bands and
 *                         whether it decided the verdict ({@link dev.surprisal.drift.YardstickScore}); null
 *                         when the run was recorded before the store kept it (schema version 5) or the
 *                         column had none
 */
public record HistoryPoint(long runId, String at, String column, String status, double psi, double klNats,
                           double jsBits, double hellinger, double decision, double critical, double newMass,
                           boolean alarmed, int referenceVersion, double missingChange, long replacedRunId,
                           String reason, Measure measure, dev.surprisal.drift.YardstickScore yardstick) {
    /** What {@link #why()} says of an alarm whose check stored no message. */
    public static final String REASON_NOT_STORED = "reason not stored by this version";
    /** What a history says of a point whose run did not store its deciding measure (before schema 4). */
    public static final String MEASURE_NOT_STORED = "measure not stored (recorded before schema version 4)";
    /** What a history says of a point whose score did not store its yardstick (before schema 5). */
    public static final String YARDSTICK_NOT_STORED = "yardstick not stored (recorded before schema version 5)";

    /**
     * A point whose yardstick was not stored (recorded before schema version 5).
     *
     * @param runId the run
     * @param at the date or time the check was run for
     * @param column the column
     * @param status the column's verdict
     * @param psi PSI (nats)
     * @param klNats KL(P||Q) in nats, P the reference
     * @param jsBits JS divergence in bits
     * @param hellinger Hellinger distance
     * @param decision the deciding measure's value
     * @param critical its noise level (critical value)
     * @param newMass share of today's values where the reference had none
     * @param alarmed whether an alarm fired for this column in this run
     * @param referenceVersion the version of the baseline this check was scored against
     * @param missingChange the column's missing share minus the reference's (NaN when not stored)
     * @param replacedRunId the run this one replaced, or -1
     * @param reason why this column alarmed, as stored, or null
     * @param measure the deciding measure the check used, or null when not stored
     */
    public HistoryPoint(long runId, String at, String column, String status, double psi, double klNats,
                        double jsBits, double hellinger, double decision, double critical, double newMass,
                        boolean alarmed, int referenceVersion, double missingChange, long replacedRunId,
                        String reason, Measure measure) {
        this(runId, at, column, status, psi, klNats, jsBits, hellinger, decision, critical, newMass, alarmed,
                referenceVersion, missingChange, replacedRunId, reason, measure, null);
    }

    /**
     * Whether the column's yardstick, not the deciding measure's band, put this check's verdict at WARN or
     * DRIFT; false when it did not or was not stored.
     *
     * @return whether the yardstick decided
     */
    public boolean yardstickDecided() {
        return yardstick != null && yardstick.decided();
    }

    /**
     * A point whose deciding measure was not stored (recorded before schema version 4).
     *
     * @param runId the run
     * @param at the date or time the check was run for
     * @param column the column
     * @param status the column's verdict
     * @param psi PSI (nats)
     * @param klNats KL(P||Q) in nats, P the reference
     * @param jsBits JS divergence in bits
     * @param hellinger Hellinger distance
     * @param decision the deciding measure's value
     * @param critical its noise level (critical value)
     * @param newMass share of today's values where the reference had none
     * @param alarmed whether an alarm fired for this column in this run
     * @param referenceVersion the version of the baseline this check was scored against
     * @param missingChange the column's missing share minus the reference's (NaN when not stored)
     * @param replacedRunId the run this one replaced, or -1
     * @param reason why this column alarmed, as stored, or null
     */
    public HistoryPoint(long runId, String at, String column, String status, double psi, double klNats,
                        double jsBits, double hellinger, double decision, double critical, double newMass,
                        boolean alarmed, int referenceVersion, double missingChange, long replacedRunId,
                        String reason) {
        this(runId, at, column, status, psi, klNats, jsBits, hellinger, decision, critical, newMass, alarmed,
                referenceVersion, missingChange, replacedRunId, reason, null, null);
    }

    /**
     * The deciding measure as printed ("JS"), or {@link #MEASURE_NOT_STORED}.
     *
     * @return its label
     */
    public String measureLabel() {
        return measure == null ? MEASURE_NOT_STORED : measure.label();
    }

    /**
     * The unit of {@link #decision()} and {@link #critical()} as stored: "unitless" (PSI, Hellinger),
     * "nats" (KL) or "bits" (JS); null when the measure was not stored.
     *
     * @return the unit, or null
     */
    public String decisionUnit() {
        return measure == null ? null : measure.unitLabel();
    }

    /**
     * A point without a stored reason.
     *
     * @param runId the run
     * @param at the date or time the check was run for
     * @param column the column
     * @param status the column's verdict
     * @param psi PSI (nats)
     * @param klNats KL(P||Q) in nats, P the reference
     * @param jsBits JS divergence in bits
     * @param hellinger Hellinger distance
     * @param decision the deciding measure's value
     * @param critical its noise level (critical value)
     * @param newMass share of today's values where the reference had none
     * @param alarmed whether an alarm fired for this column in this run
     * @param referenceVersion the version of the baseline this check was scored against
     * @param missingChange the column's missing share minus the reference's (NaN when not stored)
     * @param replacedRunId the run this one replaced, or -1
     */
    public HistoryPoint(long runId, String at, String column, String status, double psi, double klNats,
                        double jsBits, double hellinger, double decision, double critical, double newMass,
                        boolean alarmed, int referenceVersion, double missingChange, long replacedRunId) {
        this(runId, at, column, status, psi, klNats, jsBits, hellinger, decision, critical, newMass, alarmed,
                referenceVersion, missingChange, replacedRunId, null);
    }

    /**
     * Why this column alarmed, for display: the stored reason, or {@link #REASON_NOT_STORED} for an alarm
     * whose check stored none (never a guess from the scores, whose rule the store does not keep).
     *
     * @return the reason; null when the column did not alarm in this run
     */
    public String why() {
        if (!alarmed) {
            return null;
        }
        return reason == null || reason.isBlank() ? REASON_NOT_STORED : reason;
    }
    /**
     * A point with no stored missing-share change that replaced no run.
     *
     * @param runId the run
     * @param at the date or time the check was run for
     * @param column the column
     * @param status the column's verdict
     * @param psi PSI (nats)
     * @param klNats KL(P||Q) in nats, P the reference
     * @param jsBits JS divergence in bits
     * @param hellinger Hellinger distance
     * @param decision the deciding measure's value
     * @param critical its noise level (critical value)
     * @param newMass share of today's values where the reference had none
     * @param alarmed whether an alarm fired for this column in this run
     * @param referenceVersion the version of the baseline this check was scored against
     */
    public HistoryPoint(long runId, String at, String column, String status, double psi, double klNats,
                        double jsBits, double hellinger, double decision, double critical, double newMass,
                        boolean alarmed, int referenceVersion) {
        this(runId, at, column, status, psi, klNats, jsBits, hellinger, decision, critical, newMass, alarmed,
                referenceVersion, Double.NaN, -1);
    }

    /** @return true when this run replaced an earlier run of the same run time (a re-run) */
    public boolean rerun() {
        return replacedRunId >= 0;
    }

    /**
     * A point scored against the first baseline (reference version 1).
     *
     * @param runId the run
     * @param at the date or time the check was run for
     * @param column the column
     * @param status the column's verdict
     * @param psi PSI (nats)
     * @param klNats KL(P||Q) in nats, P the reference
     * @param jsBits JS divergence in bits
     * @param hellinger Hellinger distance
     * @param decision the deciding measure's value
     * @param critical its noise level (critical value)
     * @param newMass share of today's values where the reference had none
     * @param alarmed whether an alarm fired for this column in this run
     */
    public HistoryPoint(long runId, String at, String column, String status, double psi, double klNats,
                        double jsBits, double hellinger, double decision, double critical, double newMass,
                        boolean alarmed) {
        this(runId, at, column, status, psi, klNats, jsBits, hellinger, decision, critical, newMass, alarmed, 1);
    }
}
