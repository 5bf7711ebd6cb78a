// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.core.Base;
import dev.surprisal.data.TableLocation;
import dev.surprisal.data.mi.ColumnEntropy;
import dev.surprisal.data.mi.MiTable;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.estimators.EntropyEstimator;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Another engine that profiles files exactly as {@link ProfileBuilder} does (same roles, bins,
 * counts and JSON), and prepares them for mutual information and column entropy exactly as
 * {@link MiTable} and {@link ColumnEntropy} do, such as {@code surprisal-spark}'s Spark engine. Engines are found on the class
 * path with {@link ServiceLoader} ({@link #provider}), so a module that does not ship with the CLI
 * (Spark is 300 MB) can still serve it when present.
 */
public interface ProfileEngine extends AutoCloseable {
    /**
     * @param file      the reference file (CSV, TSV, Parquet or JSON), local or remote ({@link TableLocation})
     * @param delimiter the CSV field delimiter, or null for the extension's (',' or tab)
     * @param options   how to profile it
     * @return the reference profile, as {@link ProfileBuilder#fit} gives
     */
    Profile fit(TableLocation file, Character delimiter, ProfileOptions options);

    /**
     * @param reference a reference profile
     * @param file      the file to count, local or remote
     * @param delimiter the CSV field delimiter, or null for the extension's
     * @return the file counted on the reference's roles and bins, as {@link ProfileBuilder#count} gives
     */
    Profile count(Profile reference, TableLocation file, Character delimiter);

    /**
     * The refusal of an engine that does not fold label variants: folding changes the roles, the values and the
     * notes, so an engine that cannot fold must not answer as if it had.
     *
     * @return the error naming the option and what to do
     */
    private static dev.surprisal.core.ValidationException cannotFold() {
        return new dev.surprisal.core.ValidationException("normalizeLabels (--normalize-labels): this engine does not"
                + " fold label variants; run with the local engine (--engine local) or without the option");
    }

    /**
     * Reads a file and prepares it for mutual information ({@code surprisal mi}): the same table as
     * {@link dev.surprisal.data.mi.MiTable#read(dev.surprisal.data.TableReader, RoleOverrides, long)}
     * gives locally (same roles, values, notes), so every analysis of {@code MiTable} runs on it unchanged.
     *
     * @param file      a CSV, TSV, Parquet or JSON file, local or remote ({@link TableLocation})
     * @param delimiter the CSV delimiter, or null for the default of the file's extension
     * @param overrides the user's role options
     * @param seed      seed of the continuous columns' tie-breaking noise
     * @return the prepared table
     * @throws dev.surprisal.data.DataException if the file cannot be read or an option names a column it lacks
     */
    MiTable miTable(TableLocation file, Character delimiter, RoleOverrides overrides, long seed);

    /**
     * {@link #miTable(TableLocation, Character, RoleOverrides, long)}, choosing whether text labels that differ only
     * by surrounding spaces or letter case count as one, as
     * {@link dev.surprisal.data.mi.MiTable#read(dev.surprisal.data.TableReader, RoleOverrides, long, boolean, boolean)}
     * chooses ({@link dev.surprisal.data.roles.LabelVariants}): either way the same notes name the measured columns
     * that have such variants. An engine that does not override this refuses {@code normalizeLabels}.
     *
     * @param file            a CSV, TSV, Parquet or JSON file, local or remote
     * @param delimiter       the CSV delimiter, or null for the default of the file's extension
     * @param overrides       the user's role options
     * @param seed            seed of the continuous columns' tie-breaking noise
     * @param normalizeLabels true to count each group of variants as its most frequent spelling
     * @return the prepared table
     * @throws dev.surprisal.core.ValidationException naming {@code normalizeLabels} when the engine cannot fold
     */
    default MiTable miTable(TableLocation file, Character delimiter, RoleOverrides overrides, long seed,
                            boolean normalizeLabels) {
        if (normalizeLabels) {
            throw cannotFold();
        }
        return miTable(file, delimiter, overrides, seed);
    }

    /**
     * What {@code surprisal mi --target} shows, when the engine ranks without holding the table
     * (discrete pairs from merged contingency tables): the columns' roles and notes
     * ({@link dev.surprisal.data.mi.MiTable#ofRoles}) and the ranking, equal to
     * {@code miTable(…).ranking(target, options, null)}.
     *
     * @param file      a CSV, TSV, Parquet or JSON file, local or remote ({@link TableLocation})
     * @param delimiter the CSV delimiter, or null for the default of the file's extension
     * @param target    the target column
     * @param overrides the user's role options
     * @param options   the MI options
     * @return the roles and the ranking, or null when this engine ranks a table from {@link #miTable} (the default)
     * @throws dev.surprisal.data.DataException as {@link #miTable} and {@link dev.surprisal.data.mi.MiTable#ranking}
     */
    default Ranking ranking(TableLocation file, Character delimiter, String target, RoleOverrides overrides,
                            dev.surprisal.selection.MiOptions options) {
        return null;
    }

    /**
     * A ranking and the roles of its table's columns.
     *
     * @param columns the roles, notes and rows ({@link dev.surprisal.data.mi.MiTable#ofRoles})
     * @param result  the ranking
     */
    record Ranking(MiTable columns, dev.surprisal.data.mi.RankingResult result) {
    }

    /**
     * {@link #ranking(TableLocation, Character, String, RoleOverrides, dev.surprisal.selection.MiOptions)}, choosing
     * whether label variants count as one ({@link #miTable(TableLocation, Character, RoleOverrides, long, boolean)}).
     *
     * @param file            a CSV, TSV, Parquet or JSON file, local or remote
     * @param delimiter       the CSV delimiter, or null for the default of the file's extension
     * @param target          the target column
     * @param overrides       the user's role options
     * @param options         the MI options
     * @param normalizeLabels true to count each group of variants as its most frequent spelling
     * @return the roles and the ranking, or null when the engine ranks only on {@link #miTable}
     * @throws dev.surprisal.core.ValidationException naming {@code normalizeLabels} when the engine cannot fold
     */
    default Ranking ranking(TableLocation file, Character delimiter, String target, RoleOverrides overrides,
                            dev.surprisal.selection.MiOptions options, boolean normalizeLabels) {
        if (normalizeLabels) {
            throw cannotFold();
        }
        return ranking(file, delimiter, target, overrides, options);
    }

    /**
     * What {@code surprisal mi --x A --y B} shows: {@link MiTable#pair} on the file, with the notes of the
     * pair's table. The default reads the table ({@link #miTable}); an engine may count a discrete pair
     * without holding its rows.
     *
     * @param file      a CSV, TSV, Parquet or JSON file, local or remote ({@link TableLocation})
     * @param delimiter the CSV delimiter, or null for the default of the file's extension
     * @param x         the first column
     * @param y         the second column
     * @param overrides the user's role options
     * @param options   the MI options
     * @return the roles and notes of the columns, and the pair
     * @throws dev.surprisal.data.DataException as {@link #miTable} and {@link MiTable#pair}
     */
    default Pair pair(TableLocation file, Character delimiter, String x, String y, RoleOverrides overrides,
                      dev.surprisal.selection.MiOptions options) {
        MiTable t = miTable(file, delimiter, overrides, options.seed());
        return new Pair(t, t.pair(x, y, options));
    }

    /**
     * A pair and the roles and notes of its table's columns.
     *
     * @param columns the roles, notes and rows (the notes say when the pair ran on a row sample)
     * @param result  the pair
     */
    record Pair(MiTable columns, dev.surprisal.data.mi.PairResult result) {
    }

    /**
     * {@link #pair(TableLocation, Character, String, String, RoleOverrides, dev.surprisal.selection.MiOptions)},
     * choosing whether label variants count as one ({@link #miTable(TableLocation, Character, RoleOverrides, long,
     * boolean)}).
     *
     * @param file            a CSV, TSV, Parquet or JSON file, local or remote
     * @param delimiter       the CSV delimiter, or null for the default of the file's extension
     * @param x               the first column
     * @param y               the second column
     * @param overrides       the user's role options
     * @param options         the MI options
     * @param normalizeLabels true to count each group of variants as its most frequent spelling
     * @return the roles and notes of the columns and the pair
     * @throws dev.surprisal.core.ValidationException naming {@code normalizeLabels} when the engine cannot fold
     */
    default Pair pair(TableLocation file, Character delimiter, String x, String y, RoleOverrides overrides,
                      dev.surprisal.selection.MiOptions options, boolean normalizeLabels) {
        if (normalizeLabels) {
            throw cannotFold();
        }
        return pair(file, delimiter, x, y, overrides, options);
    }

    /**
     * What {@code surprisal mi --matrix} shows: {@link MiTable#matrix} on the file. The default reads the
     * table ({@link #miTable}); an engine may count the discrete pairs without holding their rows.
     *
     * @param file      a CSV, TSV, Parquet or JSON file, local or remote ({@link TableLocation})
     * @param delimiter the CSV delimiter, or null for the default of the file's extension
     * @param overrides the user's role options
     * @param k         neighbours of the kNN estimators, at least 1
     * @param seed      seed of the continuous columns' tie-breaking noise
     * @param start     called once, with the number of scored columns, before any pair is estimated (so a
     *                  caller can refuse too few columns or warn about many); returns what receives 1 per
     *                  pair, called from several threads (may return null; {@code start} itself may be null)
     * @return the roles and notes of the columns, and the matrix
     * @throws dev.surprisal.data.DataException as {@link #miTable}
     */
    default Matrix matrix(TableLocation file, Character delimiter, RoleOverrides overrides, int k, long seed,
                          java.util.function.IntFunction<java.util.function.IntConsumer> start) {
        MiTable t = miTable(file, delimiter, overrides, seed);
        return new Matrix(t, t.matrix(k, start == null ? null : start.apply(t.variables().size())));
    }

    /**
     * A matrix and the roles and notes of its table's columns.
     *
     * @param columns the roles, notes and rows (the notes say when pairs ran on a row sample)
     * @param result  the matrix
     */
    record Matrix(MiTable columns, dev.surprisal.data.mi.MatrixResult result) {
    }

    /**
     * {@link #matrix(TableLocation, Character, RoleOverrides, int, long, java.util.function.IntFunction)}, choosing
     * whether label variants count as one ({@link #miTable(TableLocation, Character, RoleOverrides, long, boolean)}).
     *
     * @param file            a CSV, TSV, Parquet or JSON file, local or remote
     * @param delimiter       the CSV delimiter, or null for the default of the file's extension
     * @param overrides       the user's role options
     * @param k               neighbours of the kNN estimators
     * @param seed            seed of the continuous columns' tie-breaking noise
     * @param start           called with the number of scored columns; returns what receives 1 per pair (may be null)
     * @param normalizeLabels true to count each group of variants as its most frequent spelling
     * @return the roles and notes of the columns and the matrix, in nats
     * @throws dev.surprisal.core.ValidationException naming {@code normalizeLabels} when the engine cannot fold
     */
    default Matrix matrix(TableLocation file, Character delimiter, RoleOverrides overrides, int k, long seed,
                          java.util.function.IntFunction<java.util.function.IntConsumer> start, boolean normalizeLabels) {
        if (normalizeLabels) {
            throw cannotFold();
        }
        return matrix(file, delimiter, overrides, k, seed, start);
    }

    /**
     * The entropy of one column ({@code surprisal entropy --data --column}) with its bootstrap interval, as
     * {@link ColumnEntropy#of(dev.surprisal.data.TableReader, String, RoleOverrides, Integer, EntropyEstimator, Base,
     * int, long)} gives locally: the same value, and for the same seed the same interval.
     *
     * @param file       a CSV, TSV, Parquet or JSON file, local or remote ({@link TableLocation})
     * @param delimiter  the CSV delimiter, or null for the default of the file's extension
     * @param column     the column
     * @param overrides  the user's role options
     * @param bins       null for the differential entropy of a continuous column, else the number of bins (≥ 1)
     * @param estimator  the estimator of counts (null: plug-in; null for a continuous column without bins)
     * @param base       the unit
     * @param replicates 0 for no interval, else the number of resamples (10 to 100,000)
     * @param seed       the resampling seed
     * @return the result by role
     * @throws dev.surprisal.data.DataException as the local method
     * @throws dev.surprisal.core.ValidationException as {@link ColumnEntropy#checkSettings}, before any scan
     */
    ColumnEntropy.Result entropy(TableLocation file, Character delimiter, String column, RoleOverrides overrides, Integer bins,
                                 EntropyEstimator estimator, Base base, int replicates, long seed);

    /**
     * {@link #entropy(TableLocation, Character, String, RoleOverrides, Integer, EntropyEstimator, Base, int, long)},
     * choosing whether label variants count as one, as
     * {@link ColumnEntropy#of(dev.surprisal.data.TableReader, String, RoleOverrides, Integer, EntropyEstimator, Base,
     * int, long, boolean)} chooses: either way the same note names the column's variants.
     *
     * @param file            a CSV, TSV, Parquet or JSON file, local or remote
     * @param delimiter       the CSV delimiter, or null for the default of the file's extension
     * @param column          the column
     * @param overrides       the user's role options
     * @param bins            null for the differential entropy of a continuous column, else the number of bins (≥ 1)
     * @param estimator       the estimator of counts (null: plug-in)
     * @param base            the unit
     * @param replicates      0 for no interval, else the number of resamples
     * @param seed            the resampling seed
     * @param normalizeLabels true to count each group of variants as its most frequent spelling
     * @return the result by role
     * @throws dev.surprisal.core.ValidationException naming {@code normalizeLabels} when the engine cannot fold
     */
    default ColumnEntropy.Result entropy(TableLocation file, Character delimiter, String column, RoleOverrides overrides,
                                         Integer bins, EntropyEstimator estimator, Base base, int replicates, long seed,
                                         boolean normalizeLabels) {
        if (normalizeLabels) {
            throw cannotFold();
        }
        return entropy(file, delimiter, column, overrides, bins, estimator, base, replicates, seed);
    }

    /**
     * The columns of a table in its order, for the schema-change report of {@code drift check} and
     * {@code drift compare}. The default reads a local file's header; an engine that reads remote locations
     * answers from its own schema of the table without touching this machine's file system.
     *
     * @param file      the table, local or remote
     * @param delimiter the CSV delimiter, or null for the default of the file's extension
     * @return the column names
     * @throws dev.surprisal.data.DataException if the table cannot be read
     */
    default java.util.List<String> columnNames(TableLocation file, Character delimiter) {
        dev.surprisal.data.DataFiles.requireRegularFile(file.path());
        dev.surprisal.data.TableReader r = dev.surprisal.data.TableReader.open(file.path());
        r = file.givenFormat() == null ? r : r.withFormat(file.givenFormat());
        return (delimiter == null ? r : r.withDelimiter(delimiter)).columnNames();
    }

    /**
     * This engine reading every number column with the decimal mark {@code convention}, as
     * {@link dev.surprisal.data.TableReader#withDecimal} makes the local engine read a file (the rule of
     * {@link dev.surprisal.data.roles.NumberHint}, applied to each column's comma counts before its role and
     * convention are decided): {@code 6,600} is 6.6 with a decimal comma, 6600 with a decimal point. An engine that
     * cannot refuses, so that a verdict is never silently read in another convention than the one asked for.
     *
     * @param convention the decimal mark of every number column, or null for each column's cells to decide
     * @return an engine reading with it (this one when {@code convention} is null); closing it closes this one
     * @throws dev.surprisal.core.ValidationException naming {@code decimal} when this engine cannot set it
     */
    default ProfileEngine withDecimal(dev.surprisal.data.roles.NumberConvention convention) {
        if (convention == null) {
            return this;
        }
        throw new dev.surprisal.core.ValidationException("decimal: " + getClass().getSimpleName() + " cannot read"
                + " numbers with a set decimal mark; use the local engine");
    }

    /** Releases the engine (e.g. stops its Spark session). */
    @Override
    void close();

    /** Opens engines of one kind; listed in {@code META-INF/services/dev.surprisal.data.profile.ProfileEngine$Provider}. */
    interface Provider {
        /** @return the engine's name, as {@code --engine} takes it ("spark") */
        String name();

        /**
         * @param master where the engine runs (for Spark a master URL such as {@code local[*]} or
         *               {@code spark://host:7077}), or null for the engine's default
         * @return an open engine
         */
        ProfileEngine open(String master);
    }

    /**
     * @param name an engine's name
     * @return its provider, when one is on the class path
     */
    static Optional<Provider> provider(String name) {
        for (Provider p : ServiceLoader.load(Provider.class)) {
            if (p.name().equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
