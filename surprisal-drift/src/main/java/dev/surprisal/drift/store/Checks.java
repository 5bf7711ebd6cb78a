package dev.surprisal.drift.store;

import dev.surprisal.data.profile.Profile;
import dev.surprisal.drift.ColumnDrift;
import dev.surprisal.drift.DriftOptions;
import dev.surprisal.drift.DriftReport;
import dev.surprisal.drift.DriftScorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A monitored check: score today against the stored baseline, derive level, dataset and trend
 * alarms, and record everything in one transaction.
 */
public final class Checks {
    private Checks() {
    }

    /** The outcome of a check. */
    public record Outcome(long runId, DriftReport report, List<Alarm> alarms) {
        public boolean alarm() {
            return !alarms.isEmpty();
        }
    }

    /**
     * Runs one check of {@code today} (counted on the baseline's bins) for {@code monitor} at
     * {@code at} (an ISO date or timestamp, ordering the history).
     *
     * @throws StoreException if the monitor has no baseline
     */
    public static Outcome check(DriftStore store, String monitor, String at, Profile today, DriftOptions options,
                                TrendRule trend) {
        Profile reference = store.baseline(monitor).orElseThrow(() -> new StoreException("monitor '" + monitor
                + "' has no baseline; run 'surprisal drift baseline --monitor " + monitor + " --data FILE' first", null));
        DriftReport report = DriftScorer.compare(reference, today, options);
        List<Alarm> alarms = alarms(report, store, monitor, trend);
        long id = store.recordCheck(monitor, at, today, report, alarms);
        return new Outcome(id, report, alarms);
    }

    /** Level, dataset and trend alarms of a report against the stored history. */
    public static List<Alarm> alarms(DriftReport report, DriftStore store, String monitor, TrendRule trend) {
        List<Alarm> out = new ArrayList<>();
        for (ColumnDrift c : report.columns()) {
            if (c.status().drifted()) {
                out.add(new Alarm(c.name(), Alarm.Kind.LEVEL, c.name() + ": " + c.reason()));
            } else if (store != null && trend != null && Double.isFinite(c.decisionValue())) {
                var history = store.history(monitor, c.name());
                if (trend.fires(c.decisionValue(), c.critical(), history)) {
                    out.add(new Alarm(c.name(), Alarm.Kind.TREND, String.format(Locale.ROOT,
                            "%s: %s %.3g spikes above its history band %.3g (mean + %.0f sigma of %d points)",
                            c.name(), report.options().measure(), c.decisionValue(), trend.upperBand(history),
                            trend.sigmas(), history.size())));
                }
            }
        }
        if (report.datasetDrift()) {
            out.add(new Alarm(null, Alarm.Kind.DATASET, String.format(Locale.ROOT,
                    "dataset drift: %d of %d scored columns drifted (share %.0f%% >= %.0f%%)",
                    report.scored().stream().filter(c -> c.status().drifted()).count(), report.scored().size(),
                    100 * report.driftedShare(), 100 * report.options().driftShare())));
        }
        return out;
    }
}
