// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.core.Base;
import dev.surprisal.data.NonFiniteJson;
import dev.surprisal.data.profile.InvalidCell;
import dev.surprisal.data.profile.RowSample;
import dev.surprisal.data.roles.ColumnRoles;
import dev.surprisal.data.roles.RoleDecision;
import dev.surprisal.drift.rules.Alarm;
import dev.surprisal.drift.rules.MonitoredCheck;
import dev.surprisal.drift.store.HistoryPoint;

import java.util.List;
import java.util.Objects;

/**
 * A drift check as one JSON object, the same for every caller: the command line's
 * {@code drift check|compare --json}, the server's check answer (and what it stores), and a Java
 * user's own service. Keys are snake_case; every number says its unit, in {@code units} or in the
 * name, and NaN and ±∞ follow the project's rule ({@link NonFiniteJson}: {@code null} with a
 * {@code <name>_reason}, or the strings {@code "Infinity"} / {@code "-Infinity"}).
 *
 * <p>The object, in this order: the settings ({@code measure: "drift"}, {@code unit} and
 * {@code base} of KL and JS, {@code direction}, {@code smoothing}, {@code null}, {@code thresholds}),
 * then the caller's own fields ({@link #withHeader}: a monitor, a run id, the input files), then
 * {@code reference_rows}, {@code current_rows}, {@code units}, {@code ks_wasserstein_sample},
 * {@code roles}, {@code excluded}, the verdicts ({@code alarm}: any alarm raised; {@code verdict}:
 * the worst column status; {@code fails}: whether the check fails by its fail-on rule, exit 1 on
 * the command line; {@code dataset_drift}; {@code columns_drifted.judged}: false when no column changed but
 * today's rows were too few to see a change at the warn band, {@link DriftReport#notJudged}), {@code columns} (most severe first), {@code alarms}
 * (each {@code column}, {@code kind}, {@code level} WARN or DRIFT by {@link MonitoredCheck#level},
 * {@code message}) and, when asked, {@code explanation} ({@link DriftExplanation}).
 *
 * <p>Per column: {@code kl_pq} = KL(P‖Q) and {@code kl_qp} = KL(Q‖P), P the reference, and
 * {@code js}, all in the chosen base's unit; {@code psi}, {@code hellinger},
 * {@code total_variation}, {@code ks}, {@code wasserstein_over_std} unitless; {@code wasserstein}
 * in the column's unit; rates and {@code new_mass} as shares in [0, 1]; {@code decision} and
 * {@code critical} in the deciding measure's unit (KL and JS in the chosen base); {@code new_values}
 * with their {@code rows} and {@code share} of today's valid values, and for a value that is a reference label
 * written with other case or surrounding spaces ({@link ValueText#variantOf}) {@code variant_of}, that label, and
 * {@code variant}, in words ({@code the reference's "Gold" with other case and surrounding spaces}). Each of {@code bins} (when asked) has
 * {@code label}, a stable internal id ({@code __UNSEEN__} for values the reference never had,
 * {@code __OTHER__} for a categorical column's tail), and {@code name}, what a reader is shown
 * ({@link ColumnDrift#binName}: the new values by name with their shares). A column that is not scored has
 * its divergences {@code null} with the reason {@code "not scored"}; a scored one that could not be
 * computed, {@code "not computable"}. {@code thresholds.tests} is the number of tests α is split over.
 *
 * <p>Immutable; configure with the {@code withX} methods:
 * <pre>{@code
 * ObjectNode json = DriftJson.of(report, profile.roles()).withAlarms(alarms).withBase(Base.NATS).toTree();
 * }</pre>
 */
public final class DriftJson {
    /** Which way KL is taken, in words. */
    public static final String DIRECTION = "KL(P||Q) with P = reference, Q = current data";
    /** The noise model behind {@code critical}, in words. */
    public static final String NULL_MODEL = "chi-squared approximation: N_eff * PSI ~ chi2(df), N_eff = n*m/(n+m), "
            + "df = bins used - 1";
    /** The reason given for a measure that has no value (NaN) in a scored column. */
    public static final String NOT_COMPUTABLE = "not computable";
    /** The reason given for the divergences of a column that is not scored (id-like, timestamp, date, constant). */
    public static final String NOT_SCORED = "not scored";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DriftReport report;
    private final ColumnRoles roles;
    private final List<Alarm> alarms;
    private final Base base;
    private final ObjectNode header;
    private final boolean explanation;
    private final boolean bins;

    private DriftJson(DriftReport report, ColumnRoles roles, List<Alarm> alarms, Base base, ObjectNode header,
                      boolean explanation, boolean bins) {
        this.report = report;
        this.roles = roles;
        this.alarms = alarms;
        this.base = base;
        this.header = header;
        this.explanation = explanation;
        this.bins = bins;
    }

    /**
     * The JSON of a scored comparison: no alarms, KL and JS in bits, no caller fields, no
     * explanation, no per-bin detail.
     *
     * @param report the scored comparison
     * @param roles  the roles the comparison ran under (frozen in the reference profile)
     * @return the renderer
     * @throws NullPointerException if an argument is null
     */
    public static DriftJson of(DriftReport report, ColumnRoles roles) {
        return new DriftJson(Objects.requireNonNull(report, "report"), Objects.requireNonNull(roles, "roles"),
                List.of(), Base.BITS, NODES.objectNode(), false, false);
    }

    /**
     * @param raised the alarms raised on the report (level, dataset and trend alarms)
     * @return a copy with these alarms
     */
    public DriftJson withAlarms(List<Alarm> raised) {
        return new DriftJson(report, roles, List.copyOf(raised), base, header, explanation, bins);
    }

    /**
     * @param unit the unit of KL, JS and a KL or JS deciding measure (bits by default)
     * @return a copy in that unit
     */
    public DriftJson withBase(Base unit) {
        return new DriftJson(report, roles, alarms, Objects.requireNonNull(unit, "base"), header, explanation, bins);
    }

    /**
     * @param fields the caller's own fields (a monitor, a run id, the files), put after the thresholds;
     *               copied, later changes to it are not seen
     * @return a copy with these fields
     */
    public DriftJson withHeader(ObjectNode fields) {
        return new DriftJson(report, roles, alarms, base, fields.deepCopy(), explanation, bins);
    }

    /**
     * @param on whether to add {@code explanation}, the sentences of {@link DriftExplanation}
     * @return a copy
     */
    public DriftJson withExplanation(boolean on) {
        return new DriftJson(report, roles, alarms, base, header, on, bins);
    }

    /**
     * @param on whether each column lists its {@code bins}: label, counts, smoothed p and q and the
     *           KL(P‖Q) term p·log(p/q) in the chosen unit, and whether the bin is new today
     * @return a copy
     */
    public DriftJson withBins(boolean on) {
        return new DriftJson(report, roles, alarms, base, header, explanation, on);
    }

    /**
     * The object described above, as a tree the caller writes with its own mapper.
     *
     * @return a new tree
     */
    public ObjectNode toTree() {
        ObjectNode root = NODES.objectNode();
        root.put("measure", "drift");
        root.put("unit", base.unit());
        root.put("base", base.base());
        root.put("direction", DIRECTION);
        root.put("smoothing", report.options().smoothing().toString());
        root.put("null", NULL_MODEL);
        ObjectNode t = root.putObject("thresholds");
        DriftOptions o = report.options();
        t.put("measure", o.measure().label());
        t.put("unit", o.measure().unitLabel());
        t.put("warn", o.warn());
        t.put("drift", o.drift());
        t.put("tv_warn", o.tvWarn());
        t.put("tv_drift", o.tvDrift());
        t.put("w1_warn", o.w1Warn());
        t.put("w1_drift", o.w1Drift());
        t.put("fail_on", o.failOn().label());
        t.put("alpha", o.alpha());
        t.put("tests", report.tests());
        t.put("alpha_per_test", report.alphaPerTest());
        t.put("new_mass", o.newMass());
        t.put("drift_share", o.driftShare());
        root.setAll(header.deepCopy());
        root.put("reference_rows", report.referenceRows());
        root.put("current_rows", report.currentRows());
        root.set("units", units(base));
        root.putObject("ks_wasserstein_sample").put("method", "bottom-k of a hash of the row position")
                .put("seed", RowSample.SEED).put("size", RowSample.SIZE);
        ArrayNode roleList = root.putArray("roles");
        for (RoleDecision d : roles.decisions()) {
            roleList.addObject().put("column", d.column()).put("role", d.role().label()).put("reason", d.reason())
                    .put("scored", d.role().isScored());
        }
        roles.excluded().forEach(root.putArray("excluded")::add);
        root.put("alarm", !alarms.isEmpty());
        root.put("verdict", report.worst().name());
        root.put("fails", MonitoredCheck.fails(report, alarms));
        root.put("dataset_drift", report.datasetDrift());
        // judged false: no column changed, but today's rows were too few to see a change at the warn band
        root.putObject("columns_drifted").put("summary", report.summary())
                .put("judged", report.alarm() || report.notJudged().isEmpty())
                .put("scored", report.scored().size()).put("scored_drift", report.count(true, Status.DRIFT))
                .put("scored_warn", report.count(true, Status.WARN))
                .put("unscored", report.columns().size() - report.scored().size())
                .put("unscored_warn", report.count(false, Status.WARN));
        ArrayNode cols = root.putArray("columns");
        for (ColumnDrift c : report.bySeverity()) {
            column(cols.addObject(), c);
        }
        ArrayNode a = root.putArray("alarms");
        for (Alarm al : alarms) {
            ObjectNode n = a.addObject();
            if (al.column() == null) {
                n.putNull("column");
            } else {
                n.put("column", al.column());
            }
            n.put("kind", al.kind().name());
            n.put("level", MonitoredCheck.level(report, al).name());
            n.put("message", al.message());
        }
        if (explanation) {
            root.put("explanation", DriftExplanation.paragraph(report, base));
        }
        return root;
    }

    private void column(ObjectNode n, ColumnDrift c) {
        DriftOptions o = report.options();
        String why = c.scored() ? NOT_COMPUTABLE : NOT_SCORED;
        n.put("column", c.name());
        n.put("role", c.role().label());
        n.put("scored", c.scored());
        n.put("status", c.status().name());
        n.put("reason", c.reason());
        // the decision itself, so that a reader need not find it in the reason's words
        n.put("stale_check_skipped", c.staleCheckSkipped());
        put(n, "kl_pq", base.fromNats(c.klNats()), why);
        put(n, "kl_qp", base.fromNats(c.reverseKlNats()), why);
        put(n, "psi", c.psi(), why);
        put(n, "js", js(c, base), why);
        put(n, "hellinger", c.hellinger(), why);
        put(n, "total_variation", c.totalVariation(), why);
        put(n, "ks", c.ks(), why);
        put(n, "ks_p_value", c.ksPValue(), why);
        put(n, "wasserstein", c.wasserstein(), why);
        put(n, "wasserstein_over_std", c.wassersteinNormalized(), why);
        put(n, "new_mass", c.newMass(), why);
        put(n, "new_mass_p_value", c.newMassPValue(), why);
        put(n, "missing_rate_reference", c.missingRateReference(), why);
        put(n, "missing_rate_current", c.missingRateCurrent(), why);
        put(n, "missing_rate_change", c.missingRateChange(), why);
        put(n, "invalid_rate_reference", c.invalidRateReference(), why);
        put(n, "invalid_rate_current", c.invalidRateCurrent(), why);
        ArrayNode nv = n.putArray("new_values");
        c.newValues().forEach((v, k) -> {
            ObjectNode value = nv.addObject().put("value", v).put("rows", k).put("share", c.shareOfValid(k));
            // a reference label written another way (case, surrounding spaces): which one
            String variant = c.newValueVariants().get(v);
            if (variant != null) {
                value.put("variant_of", variant).put("variant", ValueText.variantWords(v, variant));
            }
        });
        invalidCells(n, c.invalidCells(), c.invalidToday());
        put(n, "g_test_p_value", c.gTestPValue(), why);
        put(n, "chi_squared_p_value", c.chiSquaredPValue(), why);
        put(n, "decision", inBase(c.decisionValue(), o, base), why);
        put(n, "critical", inBase(c.critical(), o, base), why);
        n.put("df", c.degreesOfFreedom());
        if (bins) {
            ArrayNode bs = n.putArray("bins");
            for (ColumnDrift.Bin b : c.bins()) {
                // label: the bin's stable id (the unseen bin's is __UNSEEN__); name: what a reader is shown
                ObjectNode bn = bs.addObject().put("label", b.label()).put("name", c.binName(b))
                        .put("reference_count", b.referenceCount())
                        .put("current_count", b.currentCount());
                put(bn, "p", b.p(), why);
                put(bn, "q", b.q(), why);
                put(bn, "kl_term", base.fromNats(b.klTerm()), why);
                bn.put("novel", b.novel());
            }
        }
    }

    /**
     * Writes a column's most frequent invalid values as {@code invalid_cells}: one object per value with
     * {@code value}, {@code count} (its cells) and {@code where} ("line 102", its first cell), most frequent first;
     * and {@code invalid_cells_other}, the invalid cells of the values not listed. The same keys in
     * {@code drift baseline} and {@code drift check}. A profile stored before values were counted has
     * {@code count} and {@code invalid_cells_other} null, with {@code count_reason}.
     *
     * @param column  the column's JSON object
     * @param cells   its most frequent invalid values ({@link dev.surprisal.data.profile.ColumnProfile#invalidCells})
     * @param invalid its invalid cells, all values
     */
    public static void invalidCells(ObjectNode column, List<InvalidCell> cells, long invalid) {
        ArrayNode ic = column.putArray("invalid_cells");
        for (InvalidCell x : cells) {
            ObjectNode o = ic.addObject().put("where", x.where()).put("value", x.value());
            if (x.counted()) {
                o.put("count", x.count());
            } else {
                o.putNull("count").put("count_reason", NOT_COUNTED);
            }
        }
        long others = InvalidCell.others(invalid, cells);
        if (others < 0) {
            column.putNull("invalid_cells_other");
        } else {
            column.put("invalid_cells_other", others);
        }
    }

    /** Why an invalid value has no count: its profile was stored before values were counted. */
    public static final String NOT_COUNTED = "stored before invalid values were counted";

    /**
     * Writes a reference's date and timestamp columns whose order of day and month the data did not decide
     * ({@link dev.surprisal.data.profile.DateOrderWarning}) as {@code warnings}, always there (empty when none): one
     * object per column with {@code column}, {@code kind} ({@code "date_order_assumed"}), {@code layout} (the
     * layout read), {@code example} (a reference cell), {@code read} and {@code other_reading} (its ISO date in the
     * two orders), {@code fix} and {@code message}; the same key in {@code drift baseline}, {@code drift compare} and
     * the server's new baseline.
     *
     * @param o         the answer's JSON object
     * @param reference the reference profile
     * @param explain   whether to add each warning's plain sentences as {@code explanation}
     */
    public static void dateOrderWarnings(ObjectNode o, dev.surprisal.data.profile.Profile reference, boolean explain) {
        dateOrderWarnings(o, reference.dateOrderWarnings(), explain);
    }

    /**
     * Writes the reference's notes on labels written several ways ({@link
     * dev.surprisal.data.profile.Profile#labelVariantNotes}) as {@code label_variants}, always there (empty when none):
     * what the baseline folded into what, or the warning with the fix.
     *
     * @param o         the answer's JSON object
     * @param reference the reference profile
     */
    public static void labelVariantNotes(ObjectNode o, dev.surprisal.data.profile.Profile reference) {
        ArrayNode a = o.putArray("label_variants");
        reference.labelVariantNotes(dev.surprisal.data.profile.ProfileOptions.NORMALIZE_LABELS).forEach(a::add);
    }

    /**
     * Writes date-order warnings as {@code warnings}, always there (empty when none), each by
     * {@link dev.surprisal.data.profile.DateOrderWarning#addTo}: a monitor's current baseline's on the server.
     *
     * @param o        the answer's JSON object
     * @param warnings the warnings, e.g. {@code Profile.dateOrderWarnings()}
     * @param explain  whether to add each warning's plain sentences as {@code explanation}
     */
    public static void dateOrderWarnings(ObjectNode o, List<dev.surprisal.data.profile.DateOrderWarning> warnings,
                                         boolean explain) {
        ArrayNode a = o.putArray("warnings");
        warnings.forEach(w -> w.addTo(a, explain));
    }

    /**
     * The {@code units} object of a check: KL and JS in {@code base}'s unit, the others unitless,
     * W₁ in the column's own unit.
     *
     * @param base the unit of KL and JS
     * @return a new object
     */
    public static ObjectNode units(Base base) {
        ObjectNode units = NODES.objectNode();
        units.put("kl", base.unit()).put("js", base.unit()).put("psi", "unitless").put("hellinger", "unitless")
                .put("total_variation", "unitless").put("wasserstein_over_std", "unitless")
                .put("wasserstein", "the column's unit");
        return units;
    }

    /**
     * Jensen–Shannon divergence of a column in {@code base}'s unit (the report holds it in bits).
     *
     * @param c    a column's scores
     * @param base the unit
     * @return JS in that unit
     */
    public static double js(ColumnDrift c, Base base) {
        return base.fromNats(c.jsBits() * Math.log(2));
    }

    /**
     * A value of the deciding measure in the unit shown: KL and JS in {@code base}'s unit, PSI,
     * Hellinger and the others as they are (unitless).
     *
     * @param v    a value of the deciding measure, as {@link ColumnDrift#decisionValue()} holds it
     *             (KL in nats, JS in bits)
     * @param o    the rule, which names the deciding measure
     * @param base the unit
     * @return the value in the unit shown
     */
    public static double inBase(double v, DriftOptions o, Base base) {
        return o.measure().inBase(v, base);
    }

    /**
     * A check's notes beside its scores, the one JSON form of the command line and the server:
     * {@code schema} ({@code absent_columns}, {@code new_columns}, {@code notes}) when the batch's
     * columns differ from the baseline's, and {@code missing_days_before} ({@code first}, {@code last},
     * {@code days}, {@code note}) when the days just before the check have no run recorded.
     *
     * @param into    the object to add them to
     * @param outcome the check (its {@link MonitoredCheck.Outcome#schema()} and
     *                {@link MonitoredCheck.Outcome#missingDaysBefore()}; either may be absent)
     * @return {@code into}
     */
    public static ObjectNode putNotes(ObjectNode into, MonitoredCheck.Outcome outcome) {
        putSchema(into, outcome.schema());
        dev.surprisal.drift.store.RunGaps.Gap g = outcome.missingDaysBefore();
        if (g != null) {
            into.putObject("missing_days_before").put("first", g.first().toString()).put("last", g.last().toString())
                    .put("days", g.days()).put("note", dev.surprisal.drift.store.RunGaps.sentence(g));
        }
        return into;
    }

    /**
     * The {@code schema} object of a check or comparison whose columns differ from the reference's.
     *
     * @param into   the object to add it to
     * @param change the change, or null when unknown; nothing is added when it is null or empty
     * @return {@code into}
     */
    public static ObjectNode putSchema(ObjectNode into, SchemaChange change) {
        if (change != null && !change.isEmpty()) {
            ObjectNode o = into.putObject("schema");
            change.absent().forEach(o.putArray("absent_columns")::add);
            change.added().forEach(o.putArray("new_columns")::add);
            change.notes().forEach(o.putArray("notes")::add);
        }
        return into;
    }

    /**
     * The deciding measure of a history point as stored, for {@code drift history --json} and the server's
     * history answer alike: {@code measure} ("PSI", "JS", ...) and {@code decision_unit} (of
     * {@code decision} and {@code critical}: "unitless", "nats" or "bits"), both null with a
     * {@code measure_note} for a point recorded before the store kept its measure (said, not guessed); and
     * the column's own yardstick as judged: {@code yardstick} ("W1/std", "TV"), {@code yardstick_value},
     * {@code yardstick_chance} (what chance alone gives; the bands are compared with value − chance),
     * {@code yardstick_warn}, {@code yardstick_drift}, all in {@code yardstick_unit} "unitless", and
     * {@code yardstick_decided} (it, not the measure's band, put the verdict at WARN or DRIFT); a null
     * {@code yardstick} with a {@code yardstick_note} when the score stored none (before schema version 5,
     * or a column without one).
     *
     * @param into  the point's object
     * @param point the point
     * @return {@code into}
     */
    public static ObjectNode putMeasure(ObjectNode into, HistoryPoint point) {
        if (point.measure() == null) {
            into.putNull("measure").putNull("decision_unit")
                    .put("measure_note", HistoryPoint.MEASURE_NOT_STORED);
        } else {
            into.put("measure", point.measure().label()).put("decision_unit", point.decisionUnit());
        }
        YardstickScore y = point.yardstick();
        if (y == null) {
            into.putNull("yardstick").put("yardstick_note", HistoryPoint.YARDSTICK_NOT_STORED
                    + ", or the column has none");
        } else {
            into.put("yardstick", y.name()).put("yardstick_unit", "unitless");
            put(into, "yardstick_value", y.value(), "not measured");
            put(into, "yardstick_chance", y.chance(), "not measured");
            put(into, "yardstick_warn", y.warnBand(), "no band");
            put(into, "yardstick_drift", y.driftBand(), "no band");
            into.put("yardstick_decided", y.decided());
        }
        return into;
    }

    private static void put(ObjectNode n, String name, double v, String why) {
        NonFiniteJson.putNumber(n, name, v, why, NonFiniteJson.KeyStyle.SNAKE_CASE);
    }
}
