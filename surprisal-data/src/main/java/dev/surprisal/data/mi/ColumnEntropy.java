// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.mi;

import dev.surprisal.data.roles.LabelVariants;

import dev.surprisal.core.Base;
import dev.surprisal.core.ColumnRole;
import dev.surprisal.core.ValidationException;
import dev.surprisal.counts.Counts;
import dev.surprisal.data.DataException;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.roles.ColumnRoles;
import dev.surprisal.data.roles.ColumnStats;
import dev.surprisal.data.roles.RoleDecision;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.data.roles.RoleRules;
import dev.surprisal.estimators.EntropyEstimator;
import dev.surprisal.inference.Bootstrap;
import dev.surprisal.inference.EntropyInterval;
import dev.surprisal.measures.Entropy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The entropy of one table column, as its role calls for:
 * <ul>
 *   <li>binary, discrete, categorical, id-like, timestamp, date, constant: the {@link Counted counts} of its
 *       values and their entropy by the estimator given (plug-in by default);</li>
 *   <li>continuous: the {@link Differential differential entropy} by Vasicek's spacing estimator (as
 *       {@code scipy.stats.differential_entropy(method='vasicek')}, window ⌊√n + 0.5⌋);</li>
 *   <li>continuous with {@code bins}: the {@link Binned Shannon entropy of N equal-width bins} over
 *       [min, max] (numpy's {@code histogram} edges; the last edge inclusive).</li>
 * </ul>
 * The plug-in entropy of raw floats (every value its own outcome) is never computed: it only counts
 * distinct values. Every decision about what applies is taken here, for every engine and front end: the settings
 * ({@link #checkSettings}), then by role: {@code bins} only for a continuous column, an estimator of counts only
 * for counts (a discrete column, or a continuous one's bins), the interval's method by the estimator that gave the
 * value ({@link Result#estimator()}) or why it is withheld ({@link EntropyInterval}).
 *
 * <pre>{@code
 * ColumnEntropy.Result r = ColumnEntropy.of(Path.of("orders.csv"), "amount", RoleOverrides.none(), null, null, Base.BITS);
 * }</pre>
 */
public final class ColumnEntropy {
    /**
     * How a {@link Refusal} names the caller's settings. The library's messages say {@link #LIBRARY}'s words (the
     * parameter {@code bins}, {@code RoleOverrides.withRole}); a front end renders them in its own
     * ({@link Refusal#message(String, Words)}), e.g. the command line's {@code --bins} and {@code --role}.
     */
    public interface Words {
        /** The library's words: the parameters of {@link ColumnEntropy#of} and {@link RoleOverrides#withRole}. */
        Words LIBRARY = new Words() {
            @Override
            public String bins() {
                return "bins";
            }

            @Override
            public String someBins() {
                return "bins = N";
            }

            @Override
            public String role(String column, ColumnRole role) {
                return "RoleOverrides.withRole(\"" + column + "\", ColumnRole." + role.name() + ")";
            }

            @Override
            public String estimator() {
                return "estimator";
            }
        };

        /**
         * The setting of the number of bins.
         *
         * @return e.g. {@code "bins"}
         */
        String bins();

        /**
         * The setting of N bins, N left as a letter.
         *
         * @return e.g. {@code "bins = N"}
         */
        String someBins();

        /**
         * The setting that gives {@code column} the role {@code role}.
         *
         * @param column the column
         * @param role   the role
         * @return e.g. {@code RoleOverrides.withRole("discount", ColumnRole.DISCRETE)}
         */
        String role(String column, ColumnRole role);

        /**
         * The setting of the entropy estimator of counts.
         *
         * @return e.g. {@code "estimator"}
         */
        String estimator();
    }

    /**
     * A column whose entropy cannot be given as asked (bins asked of a column that is not continuous; an estimator of
     * counts asked of a continuous column without bins; a continuous column too tied for the spacing estimator), with
     * advice naming the settings that work: its message is in the
     * library's words ({@link Words#LIBRARY}), {@link #message(String, Words)} in a front end's.
     */
    public static final class Refusal extends DataException {
        private static final long serialVersionUID = 1L;
        private final transient java.util.function.Function<Words, String> problem;

        Refusal(Path file, java.util.function.Function<Words, String> problem) {
            super(file, problem.apply(Words.LIBRARY));
            this.problem = problem;
        }

        /**
         * A message that quotes this refusal (its own {@link #getMessage()}, or that of an exception that wraps it
         * with another prefix) with the settings named in {@code words}.
         *
         * @param quoting the message that quotes this refusal's
         * @param words   how to name the settings
         * @return {@code quoting} with the library's words replaced by {@code words}'
         */
        public String message(String quoting, Words words) {
            return problem == null ? quoting : quoting.replace(problem.apply(Words.LIBRARY), problem.apply(words));
        }
    }

    /** One of {@link Counted}, {@link Differential}, {@link Binned}. */
    public sealed interface Result permits Counted, Differential, Binned {
        /**
         * The column's role and the reason it was given.
         *
         * @return the column's role and the reason it was given
         */
        RoleDecision role();

        /**
         * Notes about the role and the cells (left out, invalid), in order.
         *
         * @return notes about the role and the cells (left out, invalid), in order
         */
        List<String> notes();

        /**
         * The estimate's 95% bootstrap interval ({@link EntropyInterval}, the interval type chosen per estimator), or
         * why it has none; null when no interval was asked for (replicates 0).
         *
         * @return the interval or its reason, null when not asked for
         */
        EntropyInterval interval();

        /**
         * The column's warning when it was read as dates in an order of day and month that the data did not decide
         * ({@link dev.surprisal.data.profile.DateOrderWarning#of(RoleDecision)}). Its entropy counts its distinct
         * dates, the same in either order, but its role is shown with the layout ({@code date (mm/dd/yyyy)}), the one
         * a drift baseline of the file would freeze: it is warned as {@code drift baseline} warns.
         *
         * @return the warning, or none
         */
        default List<dev.surprisal.data.profile.DateOrderWarning> dateOrderWarnings() {
            return dev.surprisal.data.profile.DateOrderWarning.ofDecisions(List.of(role()));
        }

        /**
         * The estimator that gave {@code value}, by the names {@link EntropyInterval#method(String)} and
         * {@link EntropyInterval#coverage(String)} take: the estimator of counts (plug-in, miller-madow, …) for a
         * counted or binned column, {@code vasicek} for a continuous one's differential entropy.
         *
         * @return the estimator's name
         */
        String estimator();
    }

    /**
     * A discrete column: its value counts and their entropy H = −Σ pᵢ log pᵢ by the chosen estimator
     * ({@link ColumnEntropy#entropy(Counts, EntropyEstimator, Base)}), the value the CLI prints.
     *
     * @param role      the column's role
     * @param counts    the count of each distinct value
     * @param value     the entropy of the counts, in the unit of {@code base}
     * @param base      the unit
     * @param estimator the estimator's name (plug-in, miller-madow, …)
     * @param notes     notes about the role
     * @param interval  the value's bootstrap interval (resampling the rows), null when not asked for
     */
    public record Counted(RoleDecision role, Counts counts, double value, Base base, String estimator,
                          List<String> notes, EntropyInterval interval) implements Result {
    }

    /**
     * The entropy of counts by an estimator: the plug-in H = −Σ (cᵢ/n) log(cᵢ/n) computed directly (the least
     * rounding) when {@code estimator} is null or plug-in, else the estimator's value.
     *
     * @param counts    the counts
     * @param estimator the estimator (null: plug-in)
     * @param base      the unit of the result
     * @return the entropy, in the unit of {@code base}
     */
    public static double entropy(Counts counts, EntropyEstimator estimator, Base base) {
        return isPlugIn(estimator) ? Entropy.of(counts, base) : estimator.entropy(counts, base);
    }

    static boolean isPlugIn(EntropyEstimator estimator) {
        return estimator == null || estimator.name().equals("plug-in");
    }

    /**
     * A continuous column's differential entropy, h(X) = −∫ f log f, in the unit of {@code base} of the
     * column's own units; it can be negative and shifts by log c when the values are multiplied by c.
     *
     * @param role   the column's role
     * @param value  h(X) in the unit of {@code base}
     * @param base   the unit
     * @param window the spacing estimator's window m
     * @param n      values used (those with a number)
     * @param notes  notes about the role and the cells
     * @param interval the value's bootstrap interval (resampling the values), null when not asked for
     */
    public record Differential(RoleDecision role, double value, Base base, int window, int n, List<String> notes,
                               EntropyInterval interval) implements Result {
        /** The name of Vasicek's spacing estimator. */
        public static final String ESTIMATOR = "vasicek";

        /**
         * Vasicek's spacing estimator, the one estimator of a continuous column's differential entropy.
         *
         * @return {@value #ESTIMATOR}
         */
        @Override
        public String estimator() {
            return ESTIMATOR;
        }
    }

    /**
     * The Shannon entropy of a stated binning of a continuous column: a property of the binning (more bins give more).
     *
     * @param role      the column's role
     * @param value     the entropy of the bin counts, in the unit of {@code base}
     * @param base      the unit
     * @param bins      the number of equal-width bins
     * @param min       the lower edge
     * @param max       the upper edge
     * @param occupied  bins holding at least one value
     * @param estimator the entropy estimator applied to the bin counts
     * @param n         values binned
     * @param notes     notes about the role and the cells
     * @param interval  the value's bootstrap interval (resampling the values into the same bins), null when not
     *                  asked for
     */
    public record Binned(RoleDecision role, double value, Base base, int bins, double min, double max, long occupied,
                         String estimator, int n, List<String> notes, EntropyInterval interval) implements Result {
    }

    private ColumnEntropy() {
    }

    /**
     * Checks the settings that do not depend on the column, before anything is read: one rule for every engine
     * and front end ({@link #of(TableReader, String, RoleOverrides, Integer, EntropyEstimator, Base, int, long)}, the
     * Spark engine's {@code SparkMi.entropy}, which call it first). What depends on the column's role (bins of a
     * column that is not continuous, an estimator of counts for a continuous one) is refused by {@code of} once the
     * role is known.
     *
     * @param bins       null, or the number of bins
     * @param estimator  the estimator of counts (null: plug-in)
     * @param replicates 0 for no interval, else the number of resamples
     * @throws ValidationException naming {@code bins} (fewer than 1) or {@code bootstrap} (replicates outside 0 or
     *                             10 to 100,000, or an estimator whose interval has not been calibrated)
     */
    public static void checkSettings(Integer bins, EntropyEstimator estimator, int replicates) {
        if (bins != null && bins < 1) {
            throw new ValidationException("bins: must be at least 1, got " + bins);
        }
        dev.surprisal.selection.MiOptions.checkBootstrap(replicates);
        if (replicates > 0 && estimator != null) {
            // an estimator of counts whose interval is not calibrated is refused whatever the role: a continuous
            // column without bins takes no estimator of counts at all (refused by role below)
            EntropyInterval.method(estimator.name());
        }
    }

    /**
     * The entropy of {@code column} in {@code file} by its role.
     *
     * @param file      a CSV, TSV, Parquet or JSON file
     * @param column    the column
     * @param overrides the user's role options
     * @param bins      null for the differential entropy of a continuous column, else the number of bins (≥ 1)
     * @param estimator the estimator of a discrete column's or the binned entropy (null: plug-in); null for a
     *                  continuous column without bins, whose differential entropy is Vasicek's
     * @param base      the unit
     * @return the result by role
     * @throws DataException if the file cannot be read or the column is unknown; a {@link Refusal} if {@code bins}
     *                       is given for a column that is not continuous, an estimator for a continuous column
     *                       without bins, or the spacing estimator has too few distinct values
     * @throws ValidationException naming {@code bins} when it is below 1 ({@link #checkSettings})
     */
    public static Result of(Path file, String column, RoleOverrides overrides, Integer bins, EntropyEstimator estimator,
                            Base base) {
        return of(TableReader.open(file), column, overrides, bins, estimator, base);
    }

    /**
     * The entropy of {@code column} read through a configured reader (e.g. {@link TableReader#withDelimiter}).
     *
     * @param reader    the file's reader
     * @param column    the column
     * @param overrides the user's role options
     * @param bins      null for the differential entropy of a continuous column, else the number of bins (≥ 1)
     * @param estimator the estimator of a discrete column's or the binned entropy (null: plug-in); null for a
     *                  continuous column without bins
     * @param base      the unit
     * @return the result by role
     * @throws DataException as {@link #of(Path, String, RoleOverrides, Integer, EntropyEstimator, Base)}
     */
    public static Result of(TableReader reader, String column, RoleOverrides overrides, Integer bins,
                            EntropyEstimator estimator, Base base) {
        return of(reader, column, overrides, bins, estimator, base, 0, Bootstrap.DEFAULT_SEED);
    }

    /**
     * The entropy of {@code column} with its 95% bootstrap interval ({@link Result#interval()}): the rows are
     * resampled {@code replicates} times and the interval formed as {@link EntropyInterval} chooses per estimator.
     *
     * <pre>{@code
     * Result r = ColumnEntropy.of(TableReader.open(Path.of("orders.csv")), "country", RoleOverrides.none(), null,
     *         null, Base.BITS, 1000, 42);
     * r.interval().interval().lower();   // the same numbers as `surprisal entropy --bootstrap 1000`
     * }</pre>
     *
     * @param reader     the file's reader
     * @param column     the column
     * @param overrides  the user's role options
     * @param bins       null for the differential entropy of a continuous column, else the number of bins (≥ 1)
     * @param estimator  the estimator of a discrete column's or the binned entropy (null: plug-in); its interval
     *                   is calibrated for plug-in and miller-madow only
     * @param base       the unit
     * @param replicates 0 for no interval, else the number of resamples (10 to 100,000, as {@code mi}'s)
     * @param seed       the resampling seed
     * @return the result by role, with its interval
     * @throws DataException as {@link #of(Path, String, RoleOverrides, Integer, EntropyEstimator, Base)}
     * @throws ValidationException as {@link #checkSettings}, before the file is read
     */
    public static Result of(TableReader reader, String column, RoleOverrides overrides, Integer bins,
                            EntropyEstimator estimator, Base base, int replicates, long seed) {
        return of(reader, column, overrides, bins, estimator, base, replicates, seed, false);
    }

    /**
     * {@link #of(TableReader, String, RoleOverrides, Integer, EntropyEstimator, Base, int, long)}, choosing whether
     * labels that differ only by surrounding spaces or letter case count as one ({@link LabelVariants}, as
     * {@link MiTable#read(TableReader, RoleOverrides, long, boolean, boolean)}): either way a note names them.
     *
     * @param reader          the file's reader
     * @param column          the column
     * @param overrides       the user's role options
     * @param bins            null for the differential entropy of a continuous column, else the number of bins
     * @param estimator       the estimator of counts (null: plug-in)
     * @param base            the unit
     * @param replicates      0 for no interval, else the number of resamples
     * @param seed            the resampling seed
     * @param normalizeLabels true to count each group of variants as its most frequent spelling
     * @return the result by role, with its interval
     * @throws DataException as {@link #of(Path, String, RoleOverrides, Integer, EntropyEstimator, Base)}
     * @throws ValidationException as {@link #checkSettings}, before the file is read
     */
    public static Result of(TableReader reader, String column, RoleOverrides overrides, Integer bins,
                            EntropyEstimator estimator, Base base, int replicates, long seed, boolean normalizeLabels) {
        checkSettings(bins, estimator, replicates);
        Path file = reader.file();
        ColumnRoles roles = ColumnRoles.detect(reader, overrides);
        return ofCells(roles, column, () -> ColumnCells.read(reader, roles, column),
                () -> MiTable.of(reader.read(), roles, 0L, file, true), bins, estimator, base, file, replicates, seed,
                normalizeLabels);
    }

    /**
     * The entropy of {@code column} from its cells as an engine has read them by the one rule of {@link ColumnCells}
     * (missing cells left out, a numeric role's cells by value, invalid and infinite cells left out, each in a note):
     * what the local engine does with a file ({@link #of(TableReader, String, RoleOverrides, Integer,
     * EntropyEstimator, Base, int, long, boolean)}), and the Spark engine with the raw counts of a Dataset's column
     * folded by {@link ColumnCells#fold}, so that both give the same counts and notes. The notes about the cells come
     * after the role's and before the label variants' ({@link LabelVariants}).
     *
     * @param roles           the table's roles (the column among them)
     * @param column          the column
     * @param cells           the column's cells read by {@link ColumnCells} (for a role counted by its values)
     * @param table           the table prepared for MI with seed 0 (for a continuous role)
     * @param bins            null for the differential entropy of a continuous column, else the number of bins
     * @param estimator       the estimator of counts (null: plug-in)
     * @param base            the unit
     * @param file            the source, for messages (may be null)
     * @param replicates      0 for no interval, else the number of resamples
     * @param seed            the resampling seed
     * @param normalizeLabels true to count each group of variants as its most frequent spelling
     * @return the result by role, with its interval when asked for
     * @throws DataException as {@link #of(Path, String, RoleOverrides, Integer, EntropyEstimator, Base)}, and when no
     *                       value is left once missing, invalid and infinite cells are out
     * @throws ValidationException as {@link #checkSettings}
     */
    public static Result ofCells(ColumnRoles roles, String column, java.util.function.Supplier<ColumnCells.Read> cells,
                                 java.util.function.Supplier<MiTable> table, Integer bins, EntropyEstimator estimator,
                                 Base base, Path file, int replicates, long seed, boolean normalizeLabels) {
        List<String> cellNotes = new ArrayList<>(3);
        return of(roles, column, () -> {
            ColumnCells.Read read = cells.get();
            cellNotes.addAll(read.notes());
            return read.values();
        }, table, bins, estimator, base, file, replicates, seed, normalizeLabels, cellNotes);
    }

    /**
     * The entropy of {@code column} from the labelled counts an engine has gathered, with its label variants noted
     * and, when {@code normalizeLabels}, folded ({@link LabelVariants}): the one rule of
     * {@link #of(TableReader, String, RoleOverrides, Integer, EntropyEstimator, Base, int, long, boolean)}, shared
     * with the Spark engine, so that both give the same notes and numbers. A discrete role's entropy is then that of
     * the folded counts; the note says what was folded into what, or, without folding, which spellings differ only
     * by surrounding spaces or letter case and how to fold them.
     *
     * @param roles           the table's roles (the column among them)
     * @param column          the column
     * @param counts          the column's distinct values as text and their counts, nulls dropped (for a discrete
     *                        role)
     * @param table           the table prepared for MI with seed 0 (for a continuous role)
     * @param bins            null for the differential entropy of a continuous column, else the number of bins
     * @param estimator       the estimator of counts (null: plug-in)
     * @param base            the unit
     * @param file            the source, for messages (may be null)
     * @param replicates      0 for no interval, else the number of resamples
     * @param seed            the resampling seed
     * @param normalizeLabels true to count each group of variants as its most frequent spelling
     * @return the result by role, with its interval when asked for and the variants' note last
     * @throws DataException as {@link #of(Path, String, RoleOverrides, Integer, EntropyEstimator, Base)}
     * @throws ValidationException as {@link #checkSettings}
     */
    public static Result of(ColumnRoles roles, String column, java.util.function.Supplier<dev.surprisal.data.ValueCounts>
                            counts, java.util.function.Supplier<MiTable> table, Integer bins, EntropyEstimator estimator,
                            Base base, Path file, int replicates, long seed, boolean normalizeLabels) {
        return of(roles, column, counts, table, bins, estimator, base, file, replicates, seed, normalizeLabels,
                List.of());
    }

    /**
     * As the public overload, with the notes that reading the cells wrote ({@code cellNotes}: what was left out as
     * missing, invalid or infinite), filled while {@code counts} runs and put before the variants' note.
     */
    private static Result of(ColumnRoles roles, String column, java.util.function.Supplier<dev.surprisal.data.ValueCounts>
                             counts, java.util.function.Supplier<MiTable> table, Integer bins,
                             EntropyEstimator estimator, Base base, Path file, int replicates, long seed,
                             boolean normalizeLabels, List<String> cellNotes) {
        List<String> variants = new ArrayList<>(1);
        Result r = of(roles, column, () -> labelCounts(counts.get(), normalizeLabels, variants), table, bins, estimator,
                base, file, replicates, seed);
        if (!(r instanceof Counted c) || variants.isEmpty() && cellNotes.isEmpty()) {
            return r;
        }
        List<String> notes = new ArrayList<>(c.notes());
        notes.addAll(cellNotes);
        notes.addAll(variants);
        return new Counted(c.role(), c.counts(), c.value(), c.base(), c.estimator(), List.copyOf(notes), c.interval());
    }

    /**
     * A column's counts with its label variants noted in {@code notes} ({@link LabelVariants}) and, when
     * {@code fold}, merged into their most frequent spelling.
     */
    private static Counts labelCounts(dev.surprisal.data.ValueCounts vc, boolean fold, List<String> notes) {
        java.util.Map<String, Long> byLabel = new java.util.LinkedHashMap<>();
        for (int i = 0; i < vc.labels().size(); i++) {
            byLabel.merge(vc.labels().get(i), vc.counts().get(i), Long::sum);
        }
        List<LabelVariants.Group> groups = LabelVariants.find(byLabel);
        if (groups.isEmpty()) {
            return vc.counts();
        }
        notes.add(LabelVariants.note(vc.column(), groups, fold, MiTable.NORMALIZE_LABELS));
        if (!fold) {
            return vc.counts();
        }
        return Counts.of(LabelVariants.fold(byLabel, groups).values().stream().mapToLong(Long::longValue).toArray());
    }

    /**
     * The entropy of {@code column} from data an engine has already gathered, without an interval: see
     * {@link #of(ColumnRoles, String, java.util.function.Supplier, java.util.function.Supplier, Integer,
     * EntropyEstimator, Base, Path, int, long)}.
     *
     * @param roles     the table's roles (the column among them)
     * @param column    the column
     * @param counts    the counts of the column's distinct values, nulls dropped (for a discrete role)
     * @param table     the table prepared for MI with seed 0 (for a continuous role)
     * @param bins      null for the differential entropy of a continuous column, else the number of bins (≥ 1)
     * @param estimator the estimator of a discrete column's or the binned entropy (null: plug-in); null for a
     *                  continuous column without bins
     * @param base      the unit
     * @param file      the source, for messages (may be null)
     * @return the result by role
     * @throws DataException as {@link #of(Path, String, RoleOverrides, Integer, EntropyEstimator, Base)}
     */
    public static Result of(ColumnRoles roles, String column, java.util.function.Supplier<Counts> counts,
                            java.util.function.Supplier<MiTable> table, Integer bins, EntropyEstimator estimator,
                            Base base, Path file) {
        return of(roles, column, counts, table, bins, estimator, base, file, 0, Bootstrap.DEFAULT_SEED);
    }

    /**
     * The entropy of {@code column} from data an engine has already gathered, with its interval: the one rule
     * shared by the local engine (DuckDB, {@link #of(TableReader, String, RoleOverrides, Integer, EntropyEstimator,
     * Base, int, long)}) and the Spark engine ({@code surprisal-spark}'s {@code SparkMi.entropy}). Only one of the
     * two suppliers is called, by the column's role. The interval depends on the counts or values only, not on the
     * order an engine gathered them in ({@link EntropyInterval}), so both engines give the same numbers for a seed.
     *
     * @param roles      the table's roles (the column among them)
     * @param column     the column
     * @param counts     the counts of the column's distinct values, nulls dropped (for a discrete role)
     * @param table      the table prepared for MI with seed 0 (for a continuous role)
     * @param bins       null for the differential entropy of a continuous column, else the number of bins (≥ 1)
     * @param estimator  the estimator of a discrete column's or the binned entropy (null: plug-in); null for a
     *                   continuous column without bins
     * @param base       the unit
     * @param file       the source, for messages (may be null)
     * @param replicates 0 for no interval, else the number of resamples (10 to 100,000)
     * @param seed       the resampling seed
     * @return the result by role, with its interval when asked for
     * @throws DataException as {@link #of(Path, String, RoleOverrides, Integer, EntropyEstimator, Base)}
     * @throws ValidationException as {@link #checkSettings}
     */
    public static Result of(ColumnRoles roles, String column, java.util.function.Supplier<Counts> counts,
                            java.util.function.Supplier<MiTable> table, Integer bins, EntropyEstimator estimator,
                            Base base, Path file, int replicates, long seed) {
        checkSettings(bins, estimator, replicates);
        RoleDecision d = roles.decision(column);
        if (roles.stats(column).map(st -> st.rows() == 0).orElse(false)) {
            throw MiTable.noRows(file);
        }
        long missing = roles.stats(column).filter(st -> st.present() == 0).map(ColumnStats::rows).orElse(-1L);
        if (missing >= 0) {
            throw new DataException(file, -1, column, String.format(java.util.Locale.ROOT, "all %,d cells are missing,"
                    + " so it has no values to measure", missing), null);
        }
        List<String> notes = new ArrayList<>();
        notes.add(column + ": " + d.reason());
        if (d.role() != ColumnRole.CONTINUOUS) {
            if (bins != null) {
                // the continuous role takes numbers only: text gets no hint that would fail
                boolean numeric = roles.stats(column).map(RoleRules::isNumeric).orElse(false);
                throw new Refusal(file, w -> w.bins() + ": " + column + " is " + d.label() + ", not"
                        + " continuous; its values are already outcomes" + (numeric ? " (" + w.role(column,
                        ColumnRole.CONTINUOUS) + " to bin it anyway)" : ", text labels that have no order to bin: its"
                        + " entropy is that of their counts, without " + w.bins()));
            }
            Counts c = counts.get();
            if (d.role() == ColumnRole.ID_LIKE) {
                notes.add(column + ": nearly every value is distinct, so its entropy is about log(n) and says only that");
            } else if ((d.role() == ColumnRole.TIMESTAMP || d.role() == ColumnRole.DATE)
                    && c.nonZero() >= dev.surprisal.data.roles.RoleRules.ID_DISTINCT_RATIO * c.total()) {
                notes.add(column + ": nearly every " + d.label() + " is distinct, so its entropy is about log(n):"
                        + " it counts the instants recorded, not how the data vary");
            }
            return new Counted(d, c, entropy(c, estimator, base), base, isPlugIn(estimator) ? "plug-in"
                    : estimator.name(), List.copyOf(notes), replicates == 0 ? null
                    : EntropyInterval.ofCounts(c, estimator, base, replicates, seed));
        }
        if (bins == null && estimator != null) {
            // an estimator of counts needs outcomes: taking every float as one would only count distinct values
            throw new Refusal(file, w -> w.estimator() + " " + estimator.name() + ": " + column + " is continuous;"
                    + " its differential entropy is Vasicek's spacing estimate, which counts no outcomes to correct."
                    + " Leave out " + w.estimator() + ", or give " + w.someBins() + " for the entropy of N equal-width"
                    + " bins by " + estimator.name());
        }
        return ContinuousEntropy.of(d, table.get(), bins, estimator, base, file, notes, replicates, seed);
    }
}
