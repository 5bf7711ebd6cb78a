// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.store;

import dev.surprisal.data.profile.ColumnProfile;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.drift.DriftOptions;
import dev.surprisal.drift.Measure;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A monitor's history laid out for a chart, the one rule the command line's sparklines and the
 * server's page and JSON share:
 * <ul>
 *   <li><b>The timeline.</b> Each run once, oldest first, and after a run that a gap follows one slot
 *       per missing day ({@link RunGaps#missingDays}: a daily history's days with no check recorded),
 *       so a failed day is seen, not skipped. The days checked are the runs' times
 *       ({@link DriftStore#runTimes}), not the points': a run a server left out of the history, or one
 *       that scored no column, is a day checked, not a missing one.</li>
 *   <li><b>The chart of a column</b> ({@link #decisions}) is its deciding measure, the one the verdict
 *       is decided on (PSI unless the baseline's rule names another), scaled up to at least the larger of
 *       its largest noise level (critical value) and the rule's warn band, so that a flat low line means
 *       no drift, not magnified noise. The command line's sparklines, the server's page and the HTML
 *       report draw it.</li>
 *   <li><b>Off-scale points.</b> A point more than {@value #OFF_SCALE} times the largest of the
 *       others below it (and the chart's floor, e.g. the warn band) is drawn off the scale and left out
 *       of it: a column scored as all missing (PSI 15) would otherwise flatten every real drift day
 *       (PSI 0.2 to 0.8). At most a quarter of the points are left out, so a series that rises for
 *       good is scaled to its own level. Why a point is off the scale comes from what its check
 *       stored: its missing share against the reference's ({@link #reason}), never a guess from the
 *       size of the value. {@link #offScale()} is the one meaning of {@code off_scale} in the JSON of
 *       {@code drift history} and of the server's {@code /history}: off the scale of its column's chart
 *       ({@link #decisions}).</li>
 * </ul>
 */
public final class HistoryChart {
    /** How many times the rest of a series a point must be to be drawn off the scale. */
    public static final double OFF_SCALE = 10;

    private final List<Slot> slots;
    private final List<RunGaps.Gap> gaps;
    private final List<HistoryPoint> points;
    private final Map<String, List<HistoryPoint>> byColumn;
    private final Map<String, Double> referenceMissing;
    private final double warnBand;
    private final String measure;

    /**
     * One place on the timeline: a run, or a day with no run recorded.
     *
     * @param runId      the run, or -1 for a missing day
     * @param at         the run's time as recorded, or the missing day (ISO date)
     * @param replacedRunId the run this run replaced (a re-run), else -1
     */
    public record Slot(long runId, String at, long replacedRunId) {
        /** @return true for a day with no run recorded */
        public boolean missing() {
            return runId < 0;
        }
    }

    /**
     * A point drawn off the scale.
     *
     * @param slot   its index on the timeline
     * @param point  its stored scores
     * @param value  its value in the charted measure
     * @param reason why it is so large, from what its check stored
     */
    public record OffScalePoint(int slot, HistoryPoint point, double value, String reason) {
    }

    /**
     * One column's values on the timeline.
     *
     * @param column   the column
     * @param values   one value per slot; NaN at a missing day or a run that did not score the column
     * @param points   one point per slot, null where {@code values} is NaN for want of a point
     * @param top      the largest value drawn on the scale (at least the floor)
     * @param offScale the points drawn off the scale, oldest first
     * @param measure  what the values are, as printed: the chart's deciding measure ("PSI"), or the column's
     *                 yardstick ("W1/std", "TV", unitless, less what chance gives) when it decided the verdict
     * @param warnBand the warn band of what is drawn, in its unit (the scale reaches at least it)
     */
    public record Series(String column, double[] values, List<HistoryPoint> points, double top,
                         List<OffScalePoint> offScale, String measure, double warnBand) {
        /**
         * @return true when the values are the column's yardstick (it decided a verdict shown), not the
         *         deciding measure
         */
        public boolean yardstick() {
            return points.stream().anyMatch(p -> p != null && p.yardstickDecided());
        }

        /**
         * What the values are, with their unit, as a chart's title says it: "PSI (unitless)", "KL (nats)"
         * (the values as stored, {@link Measure#labelWithUnit()}), or the yardstick, which is unitless
         * ("W1/std (unitless)"); a label that names no measure as it is.
         *
         * @return the name of what is drawn and its unit
         */
        public String title() {
            if (yardstick()) {
                return measure + " (unitless)";
            }
            Measure m = Measure.byLabel(measure);
            return m == null ? measure : m.labelWithUnit();
        }

        /**
         * What the values are, in the unit a page shows: KL and JS in {@code base}'s unit ("KL (bits)"), as the
         * page's table states it, the others as {@link #title()}.
         *
         * @param base the unit KL and JS are shown in
         * @return the name of what is drawn and its unit
         */
        public String title(dev.surprisal.core.Base base) {
            Measure m = yardstick() ? null : Measure.byLabel(measure);
            return m == null ? title() : m.labelWithUnit(base);
        }

        /**
         * A value of this series (or its noise level, or its band), as stored, in the unit {@link #title(
         * dev.surprisal.core.Base)} states: KL and JS converted from their stored unit (nats, bits) to {@code base}'s.
         *
         * @param v    a value in the stored unit
         * @param base the unit KL and JS are shown in
         * @return the value shown
         */
        public double shown(double v, dev.surprisal.core.Base base) {
            Measure m = yardstick() ? null : Measure.byLabel(measure);
            return m == null ? v : m.inBase(v, base);
        }

        /**
         * @param slot a slot index
         * @return true when that slot's point is drawn off the scale
         */
        public boolean isOffScale(int slot) {
            return offScale.stream().anyMatch(o -> o.slot() == slot);
        }

        /**
         * @param slot a slot index
         * @return why that slot's point is off the scale, or null when it is on it
         */
        public String reasonAt(int slot) {
            return offScale.stream().filter(o -> o.slot() == slot).map(OffScalePoint::reason).findFirst().orElse(null);
        }
    }

    private HistoryChart(List<HistoryPoint> points, List<Slot> slots, List<RunGaps.Gap> gaps,
                         Map<String, List<HistoryPoint>> byColumn, Map<String, Double> referenceMissing,
                         double warnBand, String measure) {
        this.points = points;
        this.slots = slots;
        this.gaps = gaps;
        this.byColumn = byColumn;
        this.referenceMissing = referenceMissing;
        this.warnBand = warnBand;
        this.measure = measure;
    }

    /**
     * Lays out a history whose days checked are its points' runs.
     *
     * @param points    the history, oldest first ({@link DriftStore#history})
     * @param zone      the monitor's zone, whose dates are the runs' days (UTC where it has none)
     * @param reference the baseline the points were scored against, for the reasons of off-scale
     *                  points and the warn band of its stored rule; null when unknown (the reason then
     *                  names the value only, and the chart reaches the measure's default warn band)
     * @return the chart
     * @throws dev.surprisal.core.ValidationException if a run time is no ISO date or date-time
     */
    public static HistoryChart of(List<HistoryPoint> points, ZoneId zone, Profile reference) {
        return of(points, points.stream().map(HistoryPoint::at).toList(), zone, reference);
    }

    /**
     * Lays out a history.
     *
     * @param points    the history, oldest first ({@link DriftStore#history}), runs left out of it dropped
     * @param runTimes  every run's time against the same baseline ({@link DriftStore#runTimes}), for the
     *                  missing days: a run without points is a day checked all the same
     * @param zone      the monitor's zone, whose dates are the runs' days (UTC where it has none)
     * @param reference the baseline the points were scored against, for the reasons of off-scale
     *                  points and the warn band of its stored rule; null when unknown
     * @return the chart
     * @throws dev.surprisal.core.ValidationException if a run time is no ISO date or date-time
     */
    public static HistoryChart of(List<HistoryPoint> points, List<String> runTimes, ZoneId zone, Profile reference) {
        Map<String, Double> shares = new HashMap<>();
        Measure stored = storedMeasure(points);
        // without the baseline's rule, the default band of the measure drawn: the scale is a warn band's all the same
        double warn = (stored != null ? stored : DriftOptions.defaults().measure()).warn();
        String label = DriftOptions.defaults().measure().label();
        if (reference != null) {
            for (ColumnProfile c : reference.columns()) {
                if (c.rows() > 0) {
                    shares.put(c.name(), (double) c.missing() / c.rows());
                }
            }
            // the stored rule's: a --warn given to one check alone is not recorded
            DriftOptions rule = DriftOptions.defaults().withSettings(reference.rule());
            warn = rule.warn();
            label = rule.measure().label();
            if (stored != null && stored != rule.measure()) {
                // the checks used another measure (their own --measure): its default band, not the rule's,
                // which is in another measure's unit
                warn = stored.warn();
            }
        }
        return layOut(points, runTimes, zone, shares, warn, stored != null ? stored.label() : label);
    }

    /**
     * The deciding measure every point's check stored, the one the chart draws; null when the points
     * stored none (recorded before schema version 4), or different ones.
     */
    static Measure storedMeasure(List<HistoryPoint> points) {
        Measure one = null;
        for (HistoryPoint p : points) {
            if (p.measure() == null || (one != null && one != p.measure())) {
                return null;
            }
            one = p.measure();
        }
        return one;
    }

    /**
     * The deciding measures the points' checks stored, each once, in the order first seen; "not stored"
     * ({@link HistoryPoint#MEASURE_NOT_STORED}) for points recorded before schema version 4. More than
     * one means the chart's values are not all in one measure.
     *
     * @return the labels, in the order first seen
     */
    public List<String> measures() {
        return points.stream().map(HistoryPoint::measureLabel).distinct().toList();
    }

    /**
     * Lays out a history whose baseline is known by its columns' missing shares only (a drift report's
     * {@code missingRateReference}); its charts reach the default warn band of the measure the points
     * stored (PSI's 0.1 when they stored none), the rule not being known.
     *
     * @param points           the history, oldest first ({@link DriftStore#history})
     * @param zone             the monitor's zone, whose dates are the runs' days (UTC where it has none)
     * @param referenceMissing each column's missing share in the baseline, 0..1 (a column without one:
     *                         the reason of its off-scale points names the value only)
     * @return the chart
     * @throws dev.surprisal.core.ValidationException if a run time is no ISO date or date-time
     */
    public static HistoryChart of(List<HistoryPoint> points, ZoneId zone, Map<String, Double> referenceMissing) {
        // no stored rule here: the measure's default warn band, so the scale is the warn band's and noise reads low
        Measure used = storedMeasure(points);
        Measure m = used != null ? used : DriftOptions.defaults().measure();
        return layOut(points, points.stream().map(HistoryPoint::at).toList(), zone, referenceMissing, m.warn(),
                m.label());
    }

    private static HistoryChart layOut(List<HistoryPoint> points, List<String> runTimes, ZoneId zone,
                                       Map<String, Double> referenceMissing, double warnBand, String measure) {
        List<String> checked = new ArrayList<>(runTimes);
        points.forEach(p -> checked.add(p.at()));
        List<RunGaps.Gap> gaps = RunGaps.missingDays(checked, zone);
        Map<String, List<HistoryPoint>> byColumn = new LinkedHashMap<>();
        List<Slot> slots = new ArrayList<>();
        int nextGap = 0;
        for (int i = 0; i < points.size(); i++) {
            HistoryPoint p = points.get(i);
            byColumn.computeIfAbsent(p.column(), k -> new ArrayList<>()).add(p);
            boolean firstOfRun = i == 0 || points.get(i - 1).runId() != p.runId();
            if (!firstOfRun) {
                continue;
            }
            // the missing days before this run's day, after the last run shown before it (which may be on an
            // earlier day than the gap's own run before it, when that run has no points)
            LocalDate day = RunTime.day(p.at(), zone);
            for (; nextGap < gaps.size() && gaps.get(nextGap).last().isBefore(day); nextGap++) {
                RunGaps.Gap g = gaps.get(nextGap);
                for (LocalDate d = g.first(); !d.isAfter(g.last()); d = d.plusDays(1)) {
                    slots.add(new Slot(-1, d.toString(), -1));
                }
            }
            slots.add(new Slot(p.runId(), p.at(), p.replacedRunId()));
        }
        return new HistoryChart(List.copyOf(points), List.copyOf(slots), gaps, byColumn, Map.copyOf(referenceMissing),
                warnBand, measure);
    }

    /** @return the timeline: runs oldest first, each missing day after the run before it */
    public List<Slot> slots() {
        return slots;
    }

    /** @return the runs of missing days, oldest first (empty unless the history is daily) */
    public List<RunGaps.Gap> gaps() {
        return gaps;
    }

    /** @return every point, in the history's order (oldest run first, its columns by name) */
    public List<HistoryPoint> points() {
        return points;
    }

    /** @return the columns, in the order of their first point */
    public List<String> columns() {
        return List.copyOf(byColumn.keySet());
    }

    /**
     * @param column a column
     * @return its points, oldest first (empty for a column with none)
     */
    public List<HistoryPoint> points(String column) {
        return byColumn.getOrDefault(column, List.of());
    }

    /**
     * One column's series in a measure, with its off-scale points and scale.
     *
     * @param column  the column
     * @param measure the charted value of a point, e.g. {@code HistoryPoint::psi}
     * @param floor   the least value the scale reaches, e.g. the warn band (0 for none)
     * @return the series
     */
    public Series series(String column, ToDoubleFunction<HistoryPoint> measure, double floor) {
        return series(column, measure, floor, this.measure, warnBand);
    }

    private Series series(String column, ToDoubleFunction<HistoryPoint> measure, double floor, String label,
                          double band) {
        Map<Long, HistoryPoint> byRun = new HashMap<>();
        points(column).forEach(p -> byRun.put(p.runId(), p));
        double[] values = new double[slots.size()];
        List<HistoryPoint> pts = new ArrayList<>(slots.size());
        for (int i = 0; i < values.length; i++) {
            HistoryPoint p = slots.get(i).missing() ? null : byRun.get(slots.get(i).runId());
            pts.add(p);
            values[i] = p == null ? Double.NaN : measure.applyAsDouble(p);
        }
        List<Integer> off = offScale(values, floor);
        double top = floor;
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i]) && !off.contains(i)) {
                top = Math.max(top, values[i]);
            }
        }
        List<OffScalePoint> out = new ArrayList<>();
        for (int i : off) {
            out.add(new OffScalePoint(i, pts.get(i), values[i], reason(pts.get(i),
                    referenceMissing.getOrDefault(column, Double.NaN))));
        }
        return new Series(column, values, java.util.Collections.unmodifiableList(pts), top, List.copyOf(out), label,
                band);
    }

    /**
     * One column's chart: its deciding measure ({@link HistoryPoint#decision}), scaled to at least the
     * larger of twice its largest noise level (critical value, {@link #NOISE_HEADROOM}) and the warn band
     * of the baseline's rule, so that noise reads low, the noise level is on the chart, and a flat low line
     * means no drift. The command line's
     * sparklines, the server's page and JSON, and the HTML report draw it.
     *
     * <p>When the column's own yardstick (W1/std, TV) decided any of its verdicts shown
     * ({@link HistoryPoint#yardstickDecided}: it reached its band while the measure stayed under the
     * measure's), the chart is that yardstick instead, less what chance gives
     * ({@link dev.surprisal.drift.YardstickScore#judged}), scaled to at least its warn band: a WARN day decided
     * by W1/std 0.261 never reads as PSI 0.067 under PSI's 0.1 band. Points that stored no yardstick (before
     * schema version 5) are then gaps.
     *
     * @param column the column
     * @return the series
     */
    public Series decisions(String column) {
        List<HistoryPoint> own = points(column);
        if (own.stream().anyMatch(HistoryPoint::yardstickDecided)) {
            double band = 0;
            java.util.Set<String> names = new java.util.LinkedHashSet<>();
            for (HistoryPoint p : own) {
                if (p.yardstick() != null) {
                    band = Math.max(band, p.yardstick().warnBand());
                    names.add(p.yardstick().name());
                }
            }
            return series(column, p -> p.yardstick() == null ? Double.NaN : p.yardstick().judged(),
                    Math.max(1e-12, band), String.join(" or ", names), band);
        }
        double floor = Math.max(1e-12, warnBand); // a scale above 0 even for a column that never moved
        for (HistoryPoint p : points(column)) {
            if (Double.isFinite(p.critical())) {
                // twice the noise level: sampling noise is mostly below it (about half of it on average), so
                // scaled to the noise level itself a quiet column was drawn at half height every day
                floor = Math.max(floor, NOISE_HEADROOM * p.critical());
            }
        }
        return series(column, HistoryPoint::decision, floor);
    }

    /**
     * How many times its largest noise level (critical value) a column's chart reaches at least, so that
     * noise, mostly under its noise level, reads low: the noise level is drawn at half height at most.
     */
    public static final double NOISE_HEADROOM = 2;

    /**
     * The points drawn off the scale of their column's chart ({@link #decisions}), with why: the one
     * meaning of {@code off_scale} and {@code off_scale_reason} in every JSON of a history.
     *
     * @return point to reason, in the history's order (empty: none)
     */
    public Map<HistoryPoint, String> offScale() {
        Map<HistoryPoint, String> out = new java.util.IdentityHashMap<>();
        for (String c : columns()) {
            decisions(c).offScale().forEach(o -> out.put(o.point(), o.reason()));
        }
        return out;
    }

    /**
     * @return the warn band the charts reach at least: the baseline's stored rule's; the default band of the
     *         measure drawn when the rule is unknown or the checks used another measure
     */
    public double warnBand() {
        return warnBand;
    }

    /**
     * @return the deciding measure the charts draw, as printed: the one the points' checks stored when they
     *         all stored the same, else the baseline's rule's (PSI unless it names another); see
     *         {@link #measures()} for a history whose checks used several
     */
    public String measure() {
        return measure;
    }

    /**
     * The points of a series drawn off the scale: the fewest largest (at most a quarter of the finite
     * values) that are each more than {@value #OFF_SCALE} times the larger of {@code floor} and the
     * largest value below them.
     *
     * @param values the series (NaN: no value)
     * @param floor  the least value the scale reaches
     * @return their indices, ascending (empty: none)
     */
    public static List<Integer> offScale(double[] values, double floor) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i])) {
                order.add(i);
            }
        }
        order.sort((a, b) -> Double.compare(values[b], values[a]));
        int k = 0;
        for (int cut = 1; cut <= order.size() / 4 && k == 0; cut++) {
            if (values[order.get(cut - 1)] > OFF_SCALE * Math.max(floor, values[order.get(cut)])) {
                k = cut;
            }
        }
        List<Integer> off = new ArrayList<>(order.subList(0, k));
        off.sort(null);
        return List.copyOf(off);
    }

    /**
     * Why a point is off the scale, from what its check stored: all missing when its missing share (the
     * reference's plus the stored change) is 100% (a column absent from the file, or empty, that day);
     * otherwise only what it is: off the scale of the other checks (its value is shown beside it).
     *
     * @param point  the point's stored scores
     * @param before the column's missing share in the baseline it was scored against, 0..1; NaN when unknown
     * @return the reason, a phrase
     */
    public static String reason(HistoryPoint point, double before) {
        if (Double.isFinite(before) && Double.isFinite(point.missingChange())) {
            if (before + point.missingChange() >= 1 - 1e-9) {
                return String.format(Locale.ROOT, "all missing in this check (missing share %.1f%% in the reference, "
                        + "100%% here: the column was absent from the file or empty)", 100 * before);
            }
        }
        return "off the scale of the other checks";
    }
}
