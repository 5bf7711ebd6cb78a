// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.spark;

import dev.surprisal.core.Base;
import dev.surprisal.data.DataException;
import dev.surprisal.data.DataFiles;
import dev.surprisal.data.DataFormat;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.mi.ColumnEntropy;
import dev.surprisal.data.mi.MiTable;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.estimators.EntropyEstimator;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileEngine;
import dev.surprisal.data.profile.ProfileOptions;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * The Spark engine behind {@code surprisal drift … --engine spark}: reads a file with Spark (CSV
 * and TSV as text with a header, as the local engine reads them; Parquet; JSON lines) and profiles
 * it with {@link SparkProfiler}. Found by the CLI through {@link ProfileEngine#provider}.
 */
public final class SparkEngine implements ProfileEngine {
    /** The master when none is given: every core of this machine. */
    public static final String DEFAULT_MASTER = "local[*]";

    private final SparkSession spark;
    private final boolean owned;

    private SparkEngine(SparkSession spark, boolean owned) {
        this.spark = spark;
        this.owned = owned;
    }

    /**
     * @param spark a running session (not stopped by {@link #close})
     * @return an engine on it
     */
    public static SparkEngine on(SparkSession spark) {
        return new SparkEngine(spark, false);
    }

    /**
     * Starts a session (its UI off) on {@code master}, or joins the running one (e.g. under
     * {@code spark-submit}, whose master then wins).
     *
     * @param master a Spark master URL, or null for {@value #DEFAULT_MASTER}
     * @return an engine that stops the session on {@link #close} if it started it
     */
    public static SparkEngine start(String master) {
        if (SparkSession.getActiveSession().isDefined() || SparkSession.getDefaultSession().isDefined()) {
            return new SparkEngine(SparkSession.active(), false);
        }
        SparkSession.Builder b = SparkSession.builder().appName("surprisal").config("spark.ui.enabled", "false");
        if (System.getProperty("spark.master") == null) { // spark-submit sets it; its master wins
            b = b.master(master == null ? DEFAULT_MASTER : master);
        }
        return new SparkEngine(b.getOrCreate(), true);
    }

    /** @return the session */
    public SparkSession session() {
        return spark;
    }

    /**
     * Reads a file as the local engine reads it.
     *
     * @param file      a CSV, TSV, Parquet or JSON (lines) file
     * @param delimiter the CSV field delimiter, or null for the extension's
     * @return its rows
     * @throws DataException when the file cannot be read or its header looks like another delimiter
     */
    public Dataset<Row> read(Path file, Character delimiter) {
        DataFiles.requireRegularFile(file);
        DataFormat format = DataFormat.fromFileName(file);
        Dataset<Row> data;
        switch (format) {
            case PARQUET:
                data = spark.read().parquet(file.toString());
                break;
            case JSON:
            case NDJSON:
                // Spark reads JSON lines; a JSON array file needs multiLine
                data = spark.read().option("multiLine", format == DataFormat.JSON && startsWithBracket(file))
                        .json(file.toString());
                break;
            default:
                char d = delimiter != null ? delimiter : format == DataFormat.TSV ? '\t' : ',';
                data = spark.read().option("header", "true").option("sep", String.valueOf(d))
                        .option("mode", "PERMISSIVE").csv(file.toString());
                String[] cols = data.columns();
                if (cols.length == 1 && delimiter == null && cols[0].matches(".*[;|\t].*")) {
                    char guess = cols[0].contains(";") ? ';' : cols[0].contains("|") ? '|' : '\t';
                    throw new DataException(file, 1, null, "the header is one column '" + cols[0] + "'; give the "
                            + "delimiter: --delimiter '" + (guess == '\t' ? "\\t" : String.valueOf(guess)) + "'", null);
                }
        }
        // the columns as the local engine reads them, in its order (Spark's JSON reader sorts them; a CSV
        // header naming a column twice is refused locally, where Spark would rename it)
        TableReader local = delimiter == null ? TableReader.open(file) : TableReader.open(file).withDelimiter(delimiter);
        List<String> names = local.columnNames();
        if (!new HashSet<>(names).equals(new HashSet<>(Arrays.asList(data.columns())))) {
            throw new DataException(file, -1, null, "Spark reads the columns " + Arrays.toString(data.columns())
                    + ", the local engine " + names + "; the profiles would differ", null);
        }
        return data.select(names.stream().map(n -> functions.col("`" + n.replace("`", "``") + "`")).toArray(Column[]::new));
    }

    private static boolean csv(Path file) {
        DataFormat f = DataFormat.fromFileName(file);
        return f == DataFormat.CSV || f == DataFormat.TSV;
    }

    private static boolean startsWithBracket(Path file) {
        try (java.io.Reader r = java.nio.file.Files.newBufferedReader(file)) {
            int c;
            do {
                c = r.read();
            } while (c != -1 && Character.isWhitespace(c));
            return c == '[';
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public Profile fit(Path file, Character delimiter, ProfileOptions options) {
        // a Parquet file's number columns are typed for the local engine too; a JSON file's are read from their text
        return SparkProfiler.fit(read(file, delimiter), options, csv(file),
                DataFormat.fromFileName(file) == DataFormat.PARQUET);
    }

    @Override
    public Profile count(Profile reference, Path file, Character delimiter) {
        return SparkProfiler.count(read(file, delimiter), reference, csv(file));
    }

    @Override
    public MiTable miTable(Path file, Character delimiter, RoleOverrides overrides, long seed) {
        return SparkMi.table(read(file, delimiter), overrides, seed, file);
    }

    @Override
    public Ranking ranking(Path file, Character delimiter, String target, RoleOverrides overrides,
                           dev.surprisal.selection.MiOptions options) {
        return SparkMi.ranked(read(file, delimiter), target, overrides, options, file);
    }

    @Override
    public Pair pair(Path file, Character delimiter, String x, String y, RoleOverrides overrides,
                     dev.surprisal.selection.MiOptions options) {
        return SparkMi.pair(read(file, delimiter), x, y, overrides, options, file);
    }

    @Override
    public Matrix matrix(Path file, Character delimiter, RoleOverrides overrides, int k, long seed,
                         java.util.function.IntFunction<java.util.function.IntConsumer> start) {
        return SparkMi.matrix(read(file, delimiter), overrides, k, seed, file, start);
    }

    @Override
    public ColumnEntropy.Result entropy(Path file, Character delimiter, String column, RoleOverrides overrides,
                                        Integer bins, EntropyEstimator estimator, Base base) {
        return SparkMi.entropy(read(file, delimiter), column, overrides, bins, estimator, base, file);
    }

    @Override
    public void close() {
        if (owned) {
            spark.stop();
        }
    }

    /** The {@code --engine spark} provider. */
    public static final class Provider implements ProfileEngine.Provider {
        @Override
        public String name() {
            return "spark";
        }

        @Override
        public ProfileEngine open(String master) {
            return start(master);
        }
    }
}
