// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.core.Base;
import dev.surprisal.data.profile.CategoryBins;
import dev.surprisal.data.profile.ColumnProfile;
import dev.surprisal.data.profile.Moments;
import dev.surprisal.data.profile.NumericBins;
import dev.surprisal.data.profile.RowSample;
import dev.surprisal.inference.KolmogorovSmirnovResult;
import dev.surprisal.inference.KolmogorovSmirnovTest;
import dev.surprisal.measures.Wasserstein;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Scores one binary, discrete, continuous or categorical column by {@link DriftScorer}'s rule: the
 * binned distribution with its missing and invalid bins, the deciding measure against its bands and
 * critical value, next to the column type's {@link Yardstick}; the new values ({@link NewValues}); the
 * missing and invalid shares ({@link ShareChecks}).
 */
final class ScoredColumn {
    /**
     * KS on the seeded samples (up to {@link RowSample#SIZE} values a side), reported, not used for alarms:
     * asymptotic p-values (scipy's {@code ks_2samp(method="asymp")}), since the exact ones cost O(nm) a column.
     */
    private static final KolmogorovSmirnovTest KS = KolmogorovSmirnovTest.twoSample()
            .withMethod(KolmogorovSmirnovTest.Method.ASYMP);

    private ScoredColumn() {
    }

    /**
     * @param p         the reference's column
     * @param q         today's column, counted on the reference's bins
     * @param o         the column's rule
     * @param alphaEach α' (the Bonferroni share of α of each test)
     * @param base      the unit KL and JS are shown in
     * @return the column's drift
     */
    static ColumnDrift score(ColumnProfile p, ColumnProfile q, DriftOptions o, double alphaEach, Base base) {
        if (p.bins() instanceof CategoryBins cb && cb.otherBuckets() > 1 && !cb.top().isEmpty()) {
            // a column with top values and a tail in hashed groups is judged both ways, the tail as one bin (the
            // rule before the groups) and in its groups, and the more severe verdict is shown (ties: the one
            // bin). Why: the groups add B - 1 degrees of freedom and small bins to TV's chance term, which
            // lowered the power on moves of the top values (the text table of docs/drift.md section 6: common
            // phrases +20 points at n=500 from 52% to 14% DRIFT); the one-bin view keeps that power, the groups
            // see moves among the rare values that one bin cannot. Without top values one bin holds everything.
            ColumnDrift one = scoreBins(oneTailBin(p, cb), oneTailBin(q, cb), o, alphaEach, base);
            ColumnDrift groups = scoreBins(p, q, o, alphaEach, base);
            return Status.rank(groups.status()) > Status.rank(one.status()) ? groups : one;
        }
        return scoreBins(p, q, o, alphaEach, base);
    }

    /** A column counted on hashed tail groups, with the groups summed into the one other bin of before. */
    static ColumnProfile oneTailBin(ColumnProfile c, CategoryBins cb) {
        CategoryBins one = CategoryBins.of(cb.top(), cb.otherValues(), 1);
        long[] counts = new long[one.size()];
        long[] grouped = c.counts();
        for (int i = 0; i < grouped.length; i++) {
            counts[i < cb.otherBin() ? i : i == cb.unseenBin() ? one.unseenBin() : one.otherBin()] += grouped[i];
        }
        return new ColumnProfile(c.name(), c.role(), c.reason(), one, counts, c.rows(), c.missing(), c.invalid(),
                c.invalidCells(), c.unseen(), c.moments(), c.sample(), c.keys(), c.convention());
    }

    private static ColumnDrift scoreBins(ColumnProfile p, ColumnProfile q, DriftOptions o, double alphaEach,
                                         Base base) {
        long[] pc = withMissingAndInvalid(p);
        long[] qc = withMissingAndInvalid(q);
        long n = p.rows();
        long m = q.rows();
        if (n == 0 || m == 0) {
            return notComputable(p, n, m, n == 0 ? "the reference has no rows" : "today has no rows");
        }
        Status missing = ShareChecks.verdict(p.missing(), n, q.missing(), m, o, alphaEach);
        Status invalid = p.role().isNumeric() ? ShareChecks.verdict(p.invalid(), n, q.invalid(), m, o, alphaEach)
                : Status.OK;
        // one cause, one alarm line: a missing or invalid share that rose beyond noise is its own alarm,
        // so the distribution is judged on the valid cells (both bins left out on both sides, which
        // BinnedDivergences then leaves out of the measures and degrees of freedom) — unless a side has
        // none, when there is no distribution to judge
        int b = p.binCount();
        long[] refCounts = withoutFalls(pc, n, qc, m);
        long[] curCounts = qc;
        long judgedN = n;
        long judgedM = m;
        boolean shareRose = missing == Status.DRIFT || invalid == Status.DRIFT;
        long validRef = n - pc[b] - pc[b + 1];
        long validToday = m - qc[b] - qc[b + 1];
        boolean onValid = shareRose && validRef > 0 && validToday > 0;
        if (onValid) {
            refCounts[b] = 0; // withoutFalls' copy
            refCounts[b + 1] = 0;
            curCounts = qc.clone();
            curCounts[b] = 0;
            curCounts[b + 1] = 0;
            judgedN = validRef;
            judgedM = validToday;
        }
        int tail = p.bins() instanceof CategoryBins cb ? cb.otherBin() : -1;
        int buckets = p.bins() instanceof CategoryBins cb ? cb.otherBuckets() : 1;
        long[] curMerged = tailMerged(curCounts, refCounts, tail, buckets);
        BinnedDivergences d = BinnedDivergences.of(tailMerged(refCounts, refCounts, tail, buckets), curMerged,
                o.smoothing());
        double[] ps = d.p();
        double[] qs = d.q();
        double[] terms = d.klContributions();
        splitTail(qs, qc, curMerged, tail, buckets);
        List<ColumnDrift.Bin> bins = new ArrayList<>();
        long novel = 0;
        for (int i = 0; i < pc.length; i++) {
            boolean isNovel = i < b && p.isNovelBin(i);
            novel += isNovel ? qc[i] : 0;
            String label = i < b ? p.binLabel(i) : i == b ? "(missing)" : "(invalid)";
            bins.add(new ColumnDrift.Bin(label, pc[i], qc[i], ps[i], qs[i], terms[i], isNovel));
        }
        double[] atoms = p.bins() instanceof NumericBins nb ? nb.atoms() : new double[0];
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
        String tailCounted = ColumnDrift.tailCounted(p.role(), bins);
        Yardstick y = atoms.length == 0 ? Yardstick.of(p.role(), d, wn, judgedN, judgedM, o, tailCounted)
                : atomYardstick(atoms, (NumericBins) p.bins(), pc, qc, validRef, validToday, a, c, wn, o);
        double value = o.measure().of(d);
        double critical = o.measure().critical(alphaEach, d.degreesOfFreedom(), judgedN, judgedM);
        Findings f = new Findings();
        DriftText.Shown shown = new DriftText.Shown(o.measure(), base);
        boolean beyondNoise = value >= critical;

        boolean driftBand = value >= o.drift() || y.reaches(y.drift());
        boolean warnBand = value >= o.warn() || y.reaches(y.warn());
        // the yardstick, not the measure's band, put the distribution's verdict at WARN or DRIFT: a history
        // then charts the yardstick (W1/std 0.261 on a WARN day, not PSI 0.067 under PSI's band)
        boolean yardstickDecided = false;
        // an OK distribution note, and its words for a day whose new values alarm on their own (below)
        String distribution = null;
        String withoutNew = null;
        if (shareRose && !onValid) {
            if (m != q.missing()) { // else the note below says it
                f.add(Status.OK, "the distribution is not judged: no valid cells " + (validToday > 0
                        ? "in the reference" : "today"));
            }
        } else if (p.bins() instanceof CategoryBins cb && cb.top().isEmpty() && cb.otherBuckets() == 1
                && cb.otherValues().count() > 0) {
            // every value in one bin: every measure is 0 by construction, which is no evidence of no change
            f.add(Status.OK, "the distribution is not compared: every reference value is rarer than the kept "
                    + "minimum and there are too few rows to group them, so all share one bin (new values are "
                    + "compared)");
        } else if (beyondNoise && driftBand) {
            yardstickDecided = value < o.drift();
            f.add(Status.DRIFT, DriftText.bandReached(shown, value, o.drift(), critical, y, y.drift(), "drift",
                    onValid));
        } else if (beyondNoise && warnBand) {
            yardstickDecided = value < o.warn();
            f.add(Status.WARN, DriftText.bandReached(shown, value, o.warn(), critical, y, y.warn(), "warn",
                    onValid));
        } else if (beyondNoise) {
            distribution = DriftText.smallChange(shown, value, critical, o.warn(), y, onValid);
            withoutNew = APART_FROM_NEW + DriftText.smallChange(shown, value, critical, o.warn(), Yardstick.NONE,
                    onValid);
            f.add(Status.OK, distribution);
        } else {
            distribution = DriftText.withinNoise(shown, value, critical, judgedN, judgedM, y, onValid);
            withoutNew = APART_FROM_NEW + DriftText.withinNoise(shown, value, critical, judgedN, judgedM,
                    Yardstick.NONE, onValid);
            f.add(Status.OK, distribution);
        }
        Status beforeNew = f.status;
        NewValues newValues = NewValues.judge(f, p, q, novel, validRef, validToday, o, alphaEach);
        if (distribution != null && p.bins() instanceof CategoryBins cb && cb.otherValues().count() > 0 && novel > 0
                && Status.rank(f.status) > Status.rank(beforeNew)) {
            // a categorical column with rare values compares its new values with them (tailMerged): beside a new-values
            // alarm, "TV 0.00 (0.0% of the mass would have to move)" would contradict the verdict, so the note
            // says what it measured, without the yardstick's words about all of the mass
            f.replace(distribution, withoutNew);
        }
        // the verdicts taken above, reported (the z-test is not run again)
        ShareChecks.report(f, missing, "missing", p.missing(), n, q.missing(), m, () -> "");
        if (p.role().isNumeric()) {
            ShareChecks.report(f, invalid, "invalid", p.invalid(), n, q.invalid(), m,
                    () -> dev.surprisal.data.profile.CellText.listed(q.invalidCells(), q.invalid()));
        }
        if (m == q.missing()) {
            f.add(Status.OK, "every cell is missing today");
        }
        return new ColumnDrift(p.name(), p.role(), true, f.status, f.reason(), n, m, d.klNats(), d.reverseKlNats(),
                d.psi(), d.jsBits(), d.hellinger(), d.totalVariation(), d.gTestPValue(), d.chiSquaredPValue(), ks, ksP, w,
                wn, ShareChecks.rate(p.missing(), n), ShareChecks.rate(q.missing(), m),
                ShareChecks.rate(p.invalid(), n), ShareChecks.rate(q.invalid(), m), newValues.share(), newValues.p(),
                value, critical, d.degreesOfFreedom(), q.unseen(), q.invalidCells(), bins, false,
                y.score(yardstickDecided), ValueText.variants(q.unseen().keySet(), p.bins()), p.convention());
    }

    /** How a categorical column's distribution note begins beside a new-values alarm. */
    static final String APART_FROM_NEW = "apart from today's new values (counted here as the reference's rare "
            + "values are), ";

    /**
     * {@link Yardstick#withAtoms}: the atoms' observed shares of the valid values on both sides (then the
     * other values' share), and W1/std of the samples' values other than the atoms.
     */
    private static Yardstick atomYardstick(double[] atoms, NumericBins bins, long[] pc, long[] qc, long validRef,
                                           long validToday, RowSample a, RowSample c, double wn, DriftOptions o) {
        double[] ps = new double[atoms.length + 1];
        double[] qs = new double[atoms.length + 1];
        ps[atoms.length] = 1;
        qs[atoms.length] = 1;
        for (int i = 0; i < atoms.length; i++) {
            int bin = bins.binOf(atoms[i]);
            ps[i] = (double) pc[bin] / Math.max(1, validRef);
            qs[i] = (double) qc[bin] / Math.max(1, validToday);
            ps[atoms.length] -= ps[i];
            qs[atoms.length] -= qs[i];
        }
        double rest = Double.NaN;
        if (a != null && c != null) {
            double[] ref = others(a.values(), atoms);
            double[] cur = others(c.values(), atoms);
            if (ref.length > 1 && cur.length > 0) {
                rest = Wasserstein.distance(ref, cur) / Math.max(Moments.of(ref, ref.length).std(), 0.001);
            }
        }
        StringBuilder named = new StringBuilder();
        for (int i = 0; i < atoms.length; i++) {
            named.append(i == 0 ? "" : i == atoms.length - 1 ? " and " : ", ")
                    .append(bins.label(bins.binOf(atoms[i])).substring(2));
        }
        return Yardstick.withAtoms(wn, rest, ps, qs, Math.max(1, validRef), Math.max(1, validToday), o,
                named.toString());
    }

    /** The values other than the atoms (sorted), in their order. */
    private static double[] others(double[] values, double[] atoms) {
        return Arrays.stream(values).filter(v -> Arrays.binarySearch(atoms, v) < 0).toArray();
    }

    /** A column that cannot be scored: every value NaN, the reason stated. */
    private static ColumnDrift notComputable(ColumnProfile p, long n, long m, String reason) {
        double nan = Double.NaN;
        return new ColumnDrift(p.name(), p.role(), true, Status.NOT_COMPUTABLE, reason, n, m, nan, nan, nan, nan, nan,
                nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, 0, Map.of(), List.of(),
                List.of(), false, null, Map.of(), p.convention());
    }

    /**
     * The reference's counts for the divergences: where today's missing (or invalid) share is below the
     * reference's, the reference's count of that bin is lowered to today's share, so that a fall of the
     * share (cleaner data: a WARN of its own, {@link ShareChecks#judge}) does not make the divergence DRIFT; the
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
        return tailMerged(counts, counts, other, 1);
    }

    /**
     * {@link #tailMerged(long[], int)} for a tail counted in {@code buckets} hashed buckets (indices {@code other}
     * to {@code other + buckets - 1}, unseen after them): today's new values are shared among the buckets in
     * proportion to the reference's counts in them ({@code weights}, largest remainders, so the total is kept), as
     * if the new values fell like the reference's rare ones. So new values move no bucket's share (the new-mass
     * rule judges them), and the buckets compare how today's rows of the reference's rare values spread among
     * them. With one bucket this is {@link #tailMerged(long[], int)}.
     *
     * @param counts  the counts, the unseen bin at {@code other + buckets}
     * @param weights the reference's counts, in the same bins
     * @param other   the first other bucket, or &lt; 0 for a column without one
     * @param buckets how many other buckets there are, ≥ 1
     * @return the counts with the unseen bin emptied into the buckets
     */
    static long[] tailMerged(long[] counts, long[] weights, int other, int buckets) {
        if (other < 0) {
            return counts;
        }
        long[] out = counts.clone();
        int unseen = other + buckets;
        long moved = out[unseen];
        out[unseen] = 0;
        long total = 0;
        for (int j = 0; j < buckets; j++) {
            total += weights[other + j];
        }
        if (buckets == 1 || total == 0) {
            out[other] += moved;
            return out;
        }
        long given = 0;
        double[] rest = new double[buckets];
        for (int j = 0; j < buckets; j++) {
            double exact = (double) moved * weights[other + j] / total;
            long whole = (long) Math.floor(exact);
            out[other + j] += whole;
            given += whole;
            rest[j] = exact - whole;
        }
        // the rows left by rounding down go to the largest remainders (the first of equals)
        for (long r = given; r < moved; r++) {
            int best = 0;
            for (int j = 1; j < buckets; j++) {
                if (rest[j] > rest[best]) {
                    best = j;
                }
            }
            out[other + best]++;
            rest[best] = -1;
        }
        return out;
    }

    /**
     * Shares each merged tail bucket's current share {@code q[other + j]} between the bucket and the unseen bin by
     * their raw counts ({@code merged} the counts after {@link #tailMerged}), for the per-bin display (the
     * reference's unseen share is 0 by construction, so its share and KL term stay on the other bins).
     */
    private static void splitTail(double[] q, long[] raw, long[] merged, int other, int buckets) {
        if (other < 0) {
            return;
        }
        int unseen = other + buckets;
        long tailCount = raw[unseen];
        for (int j = 0; j < buckets; j++) {
            tailCount += raw[other + j];
        }
        if (tailCount == 0) {
            return;
        }
        // each bucket keeps its own rows' part of its merged share; the new values' parts go to unseen
        double moved = 0;
        for (int j = 0; j < buckets; j++) {
            double share = q[other + j];
            if (merged[other + j] > 0) {
                q[other + j] = share * raw[other + j] / merged[other + j];
            }
            moved += share - q[other + j];
        }
        q[unseen] = moved;
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
