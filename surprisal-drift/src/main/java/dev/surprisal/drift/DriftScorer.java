// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.core.Base;
import dev.surprisal.core.NumberStyle;
import dev.surprisal.core.ColumnRole;
import dev.surprisal.core.ValidationException;
import dev.surprisal.data.profile.CategoryBins;
import dev.surprisal.data.profile.ColumnProfile;
import dev.surprisal.data.profile.Moments;
import dev.surprisal.data.profile.NumericBins;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.RowSample;
import dev.surprisal.inference.KolmogorovSmirnovResult;
import dev.surprisal.inference.KolmogorovSmirnovTest;
import dev.surprisal.measures.Wasserstein;
import org.apache.commons.statistics.distribution.BinomialDistribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores a current {@link Profile} against a reference profile counted on the same frozen roles and
 * bins. Each column ends OK, WARN or DRIFT, with the reason in plain words.
 *
 * <p><b>Scored columns</b> (binary, discrete, continuous, categorical). The binned distribution has
 * two more bins, missing and invalid cells, so a surge of either is drift like any other change (a fall
 * of either is left out of the divergences and judged by its own check, WARN). A categorical column's
 * other and unseen bins are compared as one tail bin ({@code tailMerged}): values the reference never
 * had are judged by the new-mass rule alone, whose null expects them.
 * Divergences are taken after the same smoothing of both sides ({@link DriftOptions#smoothing()}).
 * With α' = α / (the tests the columns run, {@link #tests(ColumnRole)}: Bonferroni):
 * <ol>
 *   <li>the deciding measure (PSI by default) at least its warn band and beyond its
 *       sample-size-aware critical value at α' is WARN, at least its drift band and beyond it DRIFT;</li>
 *   <li>"new mass" — today's share of valid values in bins the reference never saw (below or above
 *       its range, unseen values or categories) — at least {@link DriftOptions#newMass()} and improbable
 *       under its null at α' is DRIFT. The null: for a continuous column the exact distribution of the
 *       number of values outside the reference's range under exchangeability ({@link RangeExceedance});
 *       for a categorical column a binomial with rate (others + 1)/(n + 1), an upper bound on the
 *       Good–Turing unseen mass; for a value-binned column a binomial with rate 1/(n + 1). A categorical
 *       column with rare reference values (other categories) also DRIFTs when one new value is at least
 *       {@link DriftOptions#newMass()} of today and improbable by the bound of {@code frequentNewValueP}; the two
 *       tests then run at α'/2 each;</li>
 *   <li>the missing share, or the invalid share, rising by at least {@link DriftOptions#newMass()}
 *       and beyond noise (two-proportion z-test at α') is DRIFT; falling so is WARN (cleaner data, or
 *       an upstream parser that now fills or drops what it used to leave empty or malformed).</li>
 * </ol>
 * <p><b>Unscored columns</b> (id-like, timestamp, date, constant) are checked, not scored: the
 * missing share as above; for timestamps and dates also the invalid share as above (cells that are
 * no ISO date, date-time or epoch number, which a downstream parser rejects; the alarm names the format
 * expected and what was found); for id-like columns duplicate keys, today's share of repeated values
 * rising by at least a point beyond noise (WARN); for timestamps and dates stale data as
 * {@link Freshness} says (WARN: two samples of one period are not stale; a monitor's next batch is
 * when its newest value does not advance past the previous batch's); for a constant column more than
 * one value today (WARN).
 */
public final class DriftScorer {
    /**
     * KS on the seeded samples (up to {@link RowSample#SIZE} values a side), reported, not used for alarms:
     * asymptotic p-values (scipy's {@code ks_2samp(method="asymp")}), since the exact ones cost O(nm) a column.
     */
    private static final KolmogorovSmirnovTest KS = KolmogorovSmirnovTest.twoSample()
            .withMethod(KolmogorovSmirnovTest.Method.ASYMP);

    private DriftScorer() {
    }

    /**
     * Scores every column of {@code current} (counted on the reference: all its columns, or a selection
     * of them) against {@code reference}.
     *
     * @param reference the reference profile
     * @param current   today's profile, counted on the reference
     * @param options   the rule
     * @return the report
     * @throws ValidationException if a column is missing from current or was counted on other bins
     */
    public static DriftReport compare(Profile reference, Profile current, DriftOptions options) {
        return compare(reference, current, options, ColumnRules.none());
    }

    /**
     * As {@link #compare(Profile, Profile, DriftOptions)}, each column judged on its own bands where
     * {@code columns} gives them (the false-alarm budget α and the measure stay the check's).
     *
     * @param reference the reference profile
     * @param current   today's profile, counted on the reference
     * @param options   the check's rule
     * @param columns   per-column bands over it
     * @return the report
     * @throws ValidationException if a column is missing from current or was counted on other bins, or
     *                             {@code columns} names a column the reference lacks
     */
    public static DriftReport compare(Profile reference, Profile current, DriftOptions options, ColumnRules columns) {
        return compare(reference, current, options, columns, Base.BITS);
    }

    /**
     * As {@link #compare(Profile, Profile, DriftOptions, ColumnRules)}, the reasons stating a KL or JS
     * deciding measure (its value, bands and critical value) in {@code base}'s unit, as the table
     * and the JSON show it.
     *
     * @param reference the reference profile
     * @param current   today's profile, counted on the reference
     * @param options   the check's rule
     * @param columns   per-column bands over it
     * @param base      the unit KL and JS are shown in (bits unless the user chose another)
     * @return the report
     * @throws ValidationException if a column is missing from current or was counted on other bins, or
     *                             {@code columns} names a column the reference lacks
     */
    public static DriftReport compare(Profile reference, Profile current, DriftOptions options, ColumnRules columns,
                                      Base base) {
        return compare(reference, current, options, columns, base, Freshness.samples());
    }

    /**
     * As {@link #compare(Profile, Profile, DriftOptions, ColumnRules, Base)}, timestamp and date
     * columns checked for stale data as {@code freshness} says: {@link Freshness#samples()} for two
     * samples that may cover the same period (what the shorter overloads use), {@link Freshness#after}
     * or {@link Freshness#nextBatch()} for a monitor's next batch.
     *
     * @param reference the reference profile
     * @param current   today's profile, counted on the reference
     * @param options   the check's rule
     * @param columns   per-column bands over it
     * @param base      the unit KL and JS are shown in (bits unless the user chose another)
     * @param freshness what today's timestamps are compared with
     * @return the report
     * @throws ValidationException if a column is missing from current or was counted on other bins, or
     *                             {@code columns} names a column the reference lacks
     */
    public static DriftReport compare(Profile reference, Profile current, DriftOptions options, ColumnRules columns,
                                      Base base, Freshness freshness) {
        columns.validate(reference.columnNames());
        List<ColumnDrift> out = new ArrayList<>();
        int tests = 0;
        for (ColumnProfile q : current.columns()) {
            tests += tests(reference.column(q.name()).role());
        }
        double alphaEach = options.alpha() / Math.max(1, tests);
        for (ColumnProfile q : current.columns()) {
            ColumnProfile p = reference.column(q.name());
            if (!p.sameBins(q)) {
                throw new ValidationException("current: column '" + p.name()
                        + "' was not counted on the reference's bins; count it with ProfileBuilder.count(reference, ...)");
            }
            DriftOptions o = columns.forColumn(options, p.name());
            out.add(p.scored() ? scored(p, q, o, alphaEach, base) : unscored(p, q, o, alphaEach, freshness));
        }
        return new DriftReport(out, options, reference.rows(), current.rows());
    }

    /**
     * The tests a column of this role runs, each at α' (the Bonferroni split of α): for a scored
     * column the divergence, the new mass and the missing share, and the invalid share when it is
     * numeric; for an unscored one the missing share, duplicate keys when it is id-like, and the
     * invalid share (cells that are no date or time) when it is a timestamp or date (the stale and
     * constant checks are comparisons, not tests).
     *
     * @param role a column's frozen role
     * @return the number of tests it runs
     */
    public static int tests(ColumnRole role) {
        if (role.isScored()) {
            return role.isNumeric() ? 4 : 3;
        }
        return role == ColumnRole.ID_LIKE || role.isTemporal() ? 2 : 1;
    }

    static ColumnDrift scored(ColumnProfile p, ColumnProfile q, DriftOptions o, double alphaEach, Base base) {
        long[] pc = withMissingAndInvalid(p);
        long[] qc = withMissingAndInvalid(q);
        long n = p.rows();
        long m = q.rows();
        if (n == 0 || m == 0) {
            return notComputable(p, n, m, n == 0 ? "the reference has no rows" : "today has no rows");
        }
        int tail = p.bins() instanceof CategoryBins cb ? cb.otherBin() : -1;
        BinnedDivergences d = BinnedDivergences.of(tailMerged(withoutFalls(pc, n, qc, m), tail), tailMerged(qc, tail),
                o.smoothing());
        double[] ps = d.p();
        double[] qs = d.q();
        double[] terms = d.klContributions();
        splitTail(qs, qc, tail);
        List<ColumnDrift.Bin> bins = new ArrayList<>();
        long novel = 0;
        int b = p.binCount();
        for (int i = 0; i < pc.length; i++) {
            boolean isNovel = i < b && p.isNovelBin(i);
            novel += isNovel ? qc[i] : 0;
            String label = i < b ? p.binLabel(i) : i == b ? "(missing)" : "(invalid)";
            bins.add(new ColumnDrift.Bin(label, pc[i], qc[i], ps[i], qs[i], terms[i], isNovel));
        }
        long validRef = n - p.missing() - p.invalid();
        long validToday = m - q.missing() - q.invalid();
        double newMass = validToday == 0 ? 0 : (double) novel / validToday;
        double nullRate;
        double newMassP;
        if (p.bins() instanceof NumericBins) {
            nullRate = 2.0 / (validRef + 1);
            newMassP = novel == 0 ? 1.0 : RangeExceedance.survival(novel, validRef, validToday);
        } else {
            nullRate = p.bins() instanceof CategoryBins
                    ? Math.min(1.0, (p.categoryBins().others().size() + 1.0) / (validRef + 1)) : 1.0 / (validRef + 1);
            newMassP = novel == 0 || validToday == 0 ? 1.0
                    : BinomialDistribution.of((int) Math.min(Integer.MAX_VALUE, validToday), nullRate)
                    .survivalProbability((int) Math.min(Integer.MAX_VALUE, novel - 1));
        }
        double ks = Double.NaN;
        double ksP = Double.NaN;
        double w = Double.NaN;
        double wn = Double.NaN;
        RowSample a = p.sample();
        RowSample c = q.sample();
        if (a != null && c != null && a.size() > 0 && c.size() > 0) {
            double[] ref = a.values();
            double[] cur = c.values();
            KolmogorovSmirnovResult r = KS.test(ref, cur);
            ks = r.statistic();
            ksP = r.pValue();
            w = Wasserstein.distance(ref, cur);
            wn = w / Math.max(Moments.of(ref, a.size()).std(), 0.001);
        }
        double value = o.measure().of(d);
        double critical = o.measure().critical(alphaEach, d.degreesOfFreedom(), n, m);
        Findings f = new Findings();
        Shown shown = new Shown(o.measure(), base);
        boolean beyondNoise = value >= critical;
        // a column with rare reference values (other categories) also runs the frequent-new-value test: α' halved
        boolean rareValues = p.bins() instanceof CategoryBins cb && !cb.others().isEmpty() && !q.unseen().isEmpty();
        double alphaNew = rareValues ? alphaEach / 2 : alphaEach;
        if (newMass >= o.newMass() && newMassP < alphaNew) {
            String named = q.unseen().isEmpty() ? "" : ": " + ValueText.named(q.unseen(), validToday);
            f.add(Status.DRIFT, String.format(Locale.ROOT, "new values: %.2f%% of today's values fall where the "
                    + "reference had none%s (%s; under no drift about %s)", 100 * newMass, named, pValue(newMassP),
                    pct(nullRate)));
            ValueText.lookalikes(p.name(), q.unseen().keySet(), p.bins()).forEach(x -> f.add(Status.DRIFT, x));
        } else if (rareValues) {
            Map.Entry<String, Long> top = q.unseen().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            double share = (double) top.getValue() / Math.max(1, validToday);
            double topP = share >= o.newMass() ? frequentNewValueP(top.getValue(), validRef, validToday) : 1.0;
            if (topP < alphaNew) {
                f.add(Status.DRIFT, String.format(Locale.ROOT, "a frequent new value: %s is %s of today's values "
                        + "(%d rows) and the reference never had it; a value the reference's %d values never had is "
                        + "that frequent with probability at most %s", ValueText.quote(top.getKey()), pct(share),
                        top.getValue(), validRef, pValue(topP).substring(4)));
                ValueText.lookalikes(p.name(), List.of(top.getKey()), p.bins()).forEach(x -> f.add(Status.DRIFT, x));
            }
        }
        Yardstick y = Yardstick.of(p.role(), d, wn, n, m, o);
        boolean driftBand = value >= o.drift() || y.reaches(y.drift);
        boolean warnBand = value >= o.warn() || y.reaches(y.warn);
        if (beyondNoise && driftBand) {
            f.add(Status.DRIFT, bandReached(shown, value, o.drift(), critical, y, y.drift, "drift"));
        } else if (beyondNoise && warnBand) {
            f.add(Status.WARN, bandReached(shown, value, o.warn(), critical, y, y.warn, "warn"));
        } else if (beyondNoise) {
            f.add(Status.OK, String.format(Locale.ROOT, "%s %s is beyond noise (critical %s) but below the warn "
                    + "band %s%s: a real but small change", shown.name(), shown.of(value), shown.of(critical),
                    shown.of(o.warn()), y == Yardstick.NONE ? "" : ", and " + y.describe() + " below " + fmt(y.warn)));
        } else {
            f.add(Status.OK, String.format(Locale.ROOT, "%s %s is within sampling noise (critical %s at n=%d, m=%d)%s",
                    shown.name(), shown.of(value), shown.of(critical), n, m,
                    y == Yardstick.NONE ? "" : "; " + y.describe()));
        }
        shareCheck(f, "missing", p.missing(), n, q.missing(), m, o, alphaEach);
        if (p.role().isNumeric()) {
            shareCheck(f, "invalid", p.invalid(), n, q.invalid(), m, o, alphaEach);
        }
        if (m == q.missing()) {
            f.add(Status.OK, "every cell is missing today");
        }
        return new ColumnDrift(p.name(), p.role(), true, f.status, f.reason(), n, m, d.klNats(), d.reverseKlNats(),
                d.psi(), d.jsBits(), d.hellinger(), d.totalVariation(), d.gTestPValue(), d.chiSquaredPValue(), ks, ksP, w,
                wn, rate(p.missing(), n), rate(q.missing(), m), rate(p.invalid(), n), rate(q.invalid(), m), newMass,
                newMassP, value, critical, d.degreesOfFreedom(), q.unseen(), q.invalidCells(), bins);
    }

    static ColumnDrift unscored(ColumnProfile p, ColumnProfile q, DriftOptions o, double alphaEach,
                                Freshness freshness) {
        long n = p.rows();
        long m = q.rows();
        Findings f = new Findings();
        shareCheck(f, "missing", p.missing(), n, q.missing(), m, o, alphaEach);
        if (p.role().isTemporal()) {
            TimeCells.check(f, p, q, shareCheck(f, "invalid", p.invalid(), n, q.invalid(), m, o, alphaEach));
        }
        if (p.keys() != null && q.keys() != null) {
            if (p.role() == ColumnRole.ID_LIKE) {
                double dr = p.keys().duplicateShare();
                double dc = q.keys().duplicateShare();
                long pn = p.keys().present();
                long qn = q.keys().present();
                if (!Double.isNaN(dr) && !Double.isNaN(dc) && dc - dr >= 0.01
                        && twoProportionP(Math.round(dr * pn), pn, Math.round(dc * qn), qn) < alphaEach) {
                    f.add(Status.WARN, String.format(Locale.ROOT, "duplicate keys: %.1f%% of today's values repeat "
                            + "(reference %.1f%%)", 100 * dc, 100 * dr));
                }
            } else if (p.role().isTemporal()) {
                freshness.judge(p.name(), p.keys().min(), p.keys().max(), q.keys().min(), q.keys().max(), f);
            } else if (p.role() == ColumnRole.CONSTANT && q.keys().distinct() > Math.max(1, p.keys().distinct())) {
                f.add(Status.WARN, q.keys().distinct() + " distinct values today in a column that was constant");
            }
        }
        f.add(Status.OK, p.role().label() + ": not scored (" + p.reason() + ")");
        double nan = Double.NaN;
        return new ColumnDrift(p.name(), p.role(), false, f.status, f.reason(), n, m, nan, nan, nan, nan, nan, nan, nan,
                nan, nan, nan, nan, nan, rate(p.missing(), n), rate(q.missing(), m), rate(p.invalid(), n),
                rate(q.invalid(), m), nan, nan, nan, nan, 0, Map.of(), q.invalidCells(), List.of());
    }

    /**
     * Adds a finding when a share (missing, invalid) moves by at least the floor and beyond noise:
     * DRIFT when it rises (data broke), WARN when it falls (cleaner data, or a changed upstream parser).
     *
     * @return whether it rose so (a DRIFT finding was added)
     */
    private static boolean shareCheck(Findings f, String what, long a, long n, long b, long m, DriftOptions o,
                                      double alphaEach) {
        double r = rate(a, n);
        double c = rate(b, m);
        if (Math.abs(c - r) >= o.newMass() && twoProportionP(a, n, b, m) < alphaEach) {
            if (c > r) {
                f.add(Status.DRIFT, String.format(Locale.ROOT, "%s share rose %s -> %s (beyond noise)", what, pct(r),
                        pct(c)));
                return true;
            }
            f.add(Status.WARN, String.format(Locale.ROOT, "%s share fell %s -> %s (beyond noise): cleaner data or "
                    + "a changed upstream parser", what, pct(r), pct(c)));
        }
        return false;
    }

    /**
     * An upper bound on the probability that some value the reference never had appears at least
     * {@code c} times today: value i of probability πᵢ is unseen in n reference values with probability
     * (1 − πᵢ)ⁿ and reaches c of m today with P(Bin(m, πᵢ) ≥ c), so the expected number of such values is
     * Σᵢ πᵢ · (1 − πᵢ)ⁿ P(Bin(m, πᵢ) ≥ c)/πᵢ ≤ sup_π (1 − π)ⁿ P(Bin(m, π) ≥ c)/π (as Σ πᵢ ≤ 1), which bounds
     * the probability by Markov's inequality. The sup is taken on a fine logarithmic grid of π. It needs no
     * estimate of the unseen values' distribution, so it holds for any column; a value frequent today and
     * absent from the whole reference is a change even where most values are new every day.
     */
    static double frequentNewValueP(long c, long n, long m) {
        if (c <= 1 || m <= 0) {
            return 1.0;
        }
        int trials = (int) Math.min(Integer.MAX_VALUE, m);
        int atLeast = (int) Math.min(Integer.MAX_VALUE, c - 1);
        double lo = Math.log(0.1 / (n + m + 1));
        double best = 0;
        for (int k = 0; k <= FREQUENT_GRID; k++) {
            double pi = Math.exp(lo * (1 - (double) k / FREQUENT_GRID));
            if (pi >= 1) {
                continue;
            }
            double v = Math.exp(n * Math.log1p(-pi) - Math.log(pi))
                    * BinomialDistribution.of(trials, pi).survivalProbability(atLeast);
            best = Math.max(best, v);
        }
        return Math.min(1.0, best);
    }

    /** Grid points of {@link #frequentNewValueP}: π from 0.1/(n + m) by factors of about 1.03 (n + m = 1e4). */
    private static final int FREQUENT_GRID = 400;

    /** "p = 0.0032", or "p < 0.0001" below it (never "p = 0.0"). */
    static String pValue(double p) {
        return p < 1e-4 ? "p < 0.0001" : String.format(Locale.ROOT, "p = %.2g", p);
    }

    /** Two-sided p-value of the pooled two-proportion z-test. */
    static double twoProportionP(long a, long n, long b, long m) {
        if (n == 0 || m == 0) {
            return 1.0;
        }
        double pool = (double) (a + b) / (n + m);
        double se = Math.sqrt(pool * (1 - pool) * (1.0 / n + 1.0 / m));
        if (se == 0) {
            return (double) a / n == (double) b / m ? 1.0 : 0.0;
        }
        double z = Math.abs((double) b / m - (double) a / n) / se;
        return 2 * org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1).survivalProbability(z);
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, v != 0 && v < 0.001 ? "%.3f%%" : "%.1f%%", 100 * v);
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0.0 : (double) part / whole;
    }

    /** "PSI 0.277 >= drift band 0.250, beyond noise (critical 0.0192): TV … >= drift band 0.100", what reached it. */
    private static String bandReached(Shown measure, double value, double band, double critical, Yardstick y,
                                      double yardBand, String which) {
        return String.format(Locale.ROOT, "%s %s%s, beyond noise (critical %s)%s", measure.name(), measure.of(value),
                value >= band ? " >= " + which + " band " + measure.of(band) : "", measure.of(critical),
                y.reaches(yardBand) ? ": " + y.describe() + " >= " + which + " band " + fmt(yardBand) : "");
    }

    /**
     * The deciding measure as the table shows it: its printed name, and a value of it (or of its bands
     * or critical value) in the shown unit, named: "0.349 bits" for KL and JS, "0.277" for PSI and Hellinger.
     */
    private record Shown(Measure measure, Base base) {
        String name() {
            return measure.label();
        }

        String of(double v) {
            String u = measure.unitIn(base);
            return String.format(Locale.ROOT, "%.3g", measure.inBase(v, base)) + (u.isEmpty() ? "" : " " + u);
        }
    }

    private static String fmt(double v) {
        return BAND.format(v);
    }

    private static final NumberStyle BAND = NumberStyle.general(3);

    /**
     * The column's own yardstick of how much changed, judged next to the deciding measure: for
     * binary, discrete and categorical columns the total variation of the value shares above what chance
     * alone gives, for continuous columns W₁/σ (see {@link DriftOptions}).
     */
    private record Yardstick(String name, double value, double chance, double warn, double drift) {
        static final Yardstick NONE = new Yardstick("", Double.NaN, 0, Double.NaN, Double.NaN);

        static Yardstick of(ColumnRole role, BinnedDivergences d, double w1Normalized, long n, long m, DriftOptions o) {
            switch (role) {
                case BINARY:
                case DISCRETE:
                case CATEGORICAL:
                    return new Yardstick("TV", d.totalVariation(), chanceTotalVariation(d, n, m), o.tvWarn(),
                            o.tvDrift());
                case CONTINUOUS:
                    return Double.isNaN(w1Normalized) ? NONE
                            : new Yardstick("W1/std", w1Normalized, 0, o.w1Warn(), o.w1Drift());
                default:
                    return NONE;
            }
        }

        /** Whether the value, less what chance gives, reaches {@code band}. */
        boolean reaches(double band) {
            return this != NONE && value - chance >= band;
        }

        String describe() {
            if (name.equals("TV")) {
                return String.format(Locale.ROOT, "TV %.3g (%.1f%% of the probability mass would have to move to turn "
                        + "one distribution into the other; %.1f%% beyond the %.1f%% chance gives)", value, 100 * value,
                        100 * Math.max(0, value - chance), 100 * chance);
            }
            return String.format(Locale.ROOT, "W1/std %.3g (values moved %.2f reference standard deviations on "
                    + "average)", value, value);
        }
    }

    /**
     * The total variation two samples of sizes n and m from one distribution show on average:
     * ½ Σᵢ E|p̂ᵢ − q̂ᵢ| ≈ ½ Σᵢ √(2/π) √(p̄ᵢ(1 − p̄ᵢ)(1/n + 1/m)), with p̄ the pooled shares (the normal
     * approximation of each bin's difference). Subtracting it keeps a column with many small bins from
     * reaching the TV bands on noise alone; a bin that really moved contributes a little less than its
     * move to the difference, so the correction errs towards calling less.
     */
    static double chanceTotalVariation(BinnedDivergences d, long n, long m) {
        double v = 1.0 / n + 1.0 / m;
        double w = (double) n / (n + m);
        double sum = 0;
        double[] p = d.p();
        double[] q = d.q();
        for (int i = 0; i < p.length; i++) {
            double pooled = w * p[i] + (1 - w) * q[i];
            sum += Math.sqrt(pooled * (1 - pooled) * v);
        }
        return 0.5 * Math.sqrt(2 / Math.PI) * sum;
    }

    /** A column that cannot be scored: every value NaN, the reason stated. */
    private static ColumnDrift notComputable(ColumnProfile p, long n, long m, String reason) {
        double nan = Double.NaN;
        return new ColumnDrift(p.name(), p.role(), true, Status.NOT_COMPUTABLE, reason, n, m, nan, nan, nan, nan, nan,
                nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, 0, Map.of(), List.of(),
                List.of());
    }

    /**
     * The reference's counts for the divergences: where today's missing (or invalid) share is below the
     * reference's, the reference's count of that bin is lowered to today's share, so that a fall of the
     * share (cleaner data: a WARN of its own, {@link #shareCheck}) does not make the divergence DRIFT; the
     * valid values are then compared as they are. A rise stays in the divergence.
     */
    private static long[] withoutFalls(long[] pc, long n, long[] qc, long m) {
        long[] out = pc.clone();
        for (int i = pc.length - 2; i < pc.length; i++) {
            if ((double) qc[i] / m < (double) pc[i] / n) {
                out[i] = Math.round((double) qc[i] / m * n);
            }
        }
        return out;
    }

    /**
     * The counts with a categorical column's unseen bin (index {@code other + 1}) added to its other bin
     * (index {@code other}) and emptied, so the divergences compare the tail (reference categories outside
     * the top K, and values the reference never had) as one bin; {@code other} &lt; 0 leaves them as they are.
     * Why: in a column of many rare values (free text, product names) most of a same-distribution day is
     * values the reference never had — the Good–Turing estimate of that share is the reference's share of
     * values seen once — yet the unseen bin holds nothing in the reference, so PSI, JS and TV would read a
     * resampled day as a change (PSI 7.5 on 4,247 distinct texts in 5,000). Whether today's new values are
     * more than the reference leads one to expect is the new-mass rule's question, with its own null.
     */
    static long[] tailMerged(long[] counts, int other) {
        if (other < 0) {
            return counts;
        }
        long[] out = counts.clone();
        out[other] += out[other + 1];
        out[other + 1] = 0;
        return out;
    }

    /**
     * Shares the merged tail's current share {@code q[other]} between the other and unseen bins by their
     * raw counts, for the per-bin display (the reference's unseen share is 0 by construction, so its
     * share and KL term stay on the other bin).
     */
    private static void splitTail(double[] q, long[] raw, int other) {
        long tailCount = other < 0 ? 0 : raw[other] + raw[other + 1];
        if (tailCount == 0) {
            return;
        }
        double tail = q[other];
        q[other] = tail * raw[other] / tailCount;
        q[other + 1] = tail - q[other];
    }

    /** The bin counts with the missing and invalid counts appended. */
    private static long[] withMissingAndInvalid(ColumnProfile c) {
        long[] counts = c.counts();
        long[] out = java.util.Arrays.copyOf(counts, counts.length + 2);
        out[counts.length] = c.missing();
        out[counts.length + 1] = c.invalid();
        return out;
    }
}
