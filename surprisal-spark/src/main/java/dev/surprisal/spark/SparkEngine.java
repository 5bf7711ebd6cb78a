// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.spark;

import dev.surprisal.core.Base;
import dev.surprisal.data.DataException;
import dev.surprisal.data.DataFiles;
import dev.surprisal.data.DataFormat;
import dev.surprisal.data.TableLocation;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.mi.ColumnEntropy;
import dev.surprisal.data.mi.MiTable;
import dev.surprisal.data.roles.NumberConvention;
import dev.surprisal.data.roles.NumberHint;
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
 * The Spark engine behind {@code surprisal drift … --engine spark}: reads a table with Spark (CSV
 * and TSV as text with a header, as the local engine reads them; Parquet; JSON lines), a local file or a
 * remote location ({@code hdfs://}, {@code s3a://}, a directory of part files; see
 * {@link #read(TableLocation, Character)}), and profiles it with {@link SparkProfiler}. Found by the CLI
 * through {@link ProfileEngine#provider}.
 */
public final class SparkEngine implements ProfileEngine {
    /** The master when none is given: every core of this machine. */
    public static final String DEFAULT_MASTER = "local[*]";

    private final SparkSession spark;
    private final boolean owned;
    /** The decimal mark of every number column ({@link #withDecimal}), null when each column's cells decide. */
    private final NumberConvention decimal;

    private SparkEngine(SparkSession spark, boolean owned) {
        this(spark, owned, null);
    }

    private SparkEngine(SparkSession spark, boolean owned, NumberConvention decimal) {
        this.spark = spark;
        this.owned = owned;
        this.decimal = decimal;
    }

    /**
     * This engine reading every number column with the decimal mark {@code convention}, as the local engine's
     * {@code TableReader.withDecimal} ({@code --decimal}): the mark is carried with each column read
     * ({@link #read(TableLocation, Character)}) and applied by the library's rule ({@link NumberHint#apply}) when
     * the column's role and convention are decided, on Spark as locally.
     *
     * @param convention the decimal mark, or null for each column's cells to decide
     * @return an engine on the same session (closing it stops the session if this one would)
     */
    @Override
    public SparkEngine withDecimal(NumberConvention convention) {
        return new SparkEngine(spark, owned, convention);
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
     * Reads a local file as the local engine reads it ({@link #read(TableLocation, Character)}).
     *
     * @param file      a CSV, TSV, Parquet or JSON (lines) file
     * @param delimiter the CSV field delimiter, or null for the extension's
     * @return its rows
     * @throws DataException when the file cannot be read or its header looks like another delimiter
     */
    public Dataset<Row> read(Path file, Character delimiter) {
        return read(TableLocation.of(file), delimiter);
    }

    /**
     * Reads a table with Spark: a local file as the local engine reads it (its columns in the local engine's
     * order, checked against the local reader's), or a remote location ({@code hdfs://}, {@code s3a://}, any
     * scheme Spark's Hadoop configuration has a {@code FileSystem} for) handed to {@code spark.read()} exactly as
     * given: a file, a directory of part files or a glob, its columns in the order of Spark's schema, and nothing
     * on this machine's file system touched. The format is the location's ({@link TableLocation#format()}): set,
     * else the extension's, else Spark's default source (Parquet) for a remote directory. CSV and TSV are read as
     * text with a header; JSON as lines, or as one array when a file starts with {@code [} (a remote JSON file
     * that Spark cannot read as lines is read again as one document).
     *
     * @param table     the table
     * @param delimiter the CSV field delimiter, or null for the extension's
     * @return its rows
     * @throws DataException when the table cannot be read (no such location, no {@code FileSystem} for its
     *                       scheme, not in the format) or its header looks like another delimiter
     */
    public Dataset<Row> read(TableLocation table, Character delimiter) {
        return named(table, () -> {
            if (table.isLocal()) {
                DataFiles.requireRegularFile(table.path());
            }
            DataFormat format = table.format();
            Dataset<Row> data = load(table, format, delimiter);
            NumberHint hint = NumberHint.of(csv(table) ? delimiter : null, decimal);
            if (!table.isLocal()) {
                return hinted(data, hint); // Spark's schema is the table's: its order is the columns' order
            }
            // the columns as the local engine reads them, in its order (Spark's JSON reader sorts them; a CSV
            // header naming a column twice is refused locally, where Spark would rename it)
            TableReader local = TableReader.open(table.path());
            local = table.givenFormat() == null ? local : local.withFormat(table.givenFormat());
            List<String> names = (delimiter == null ? local : local.withDelimiter(delimiter)).columnNames();
            data = pandasNames(data, format, names);
            if (!new HashSet<>(names).equals(new HashSet<>(Arrays.asList(data.columns())))) {
                throw new DataException(table.path(), -1, null, "Spark reads the columns " + Arrays.toString(data.columns())
                        + ", the local engine " + names + "; the profiles would differ", null);
            }
            java.util.Map<String, String> sniffed = csv(table)
                    ? booleans(delimiter == null ? local : local.withDelimiter(delimiter)) : java.util.Map.of();
            return hinted(data.select(names.stream().map(n -> {
                Column c = functions.col("`" + n.replace("`", "``") + "`");
                return sniffed.containsKey(n) ? c.as(n, new org.apache.spark.sql.types.MetadataBuilder()
                        .putString(SparkTypes.SNIFFED, sniffed.get(n)).build()) : c;
            }).toArray(Column[]::new)), hint);
        });
    }

    /**
     * {@code data} with {@code hint} in every column's metadata ({@link SparkTypes#hint}), as the local reader holds
     * it for the whole file ({@code TableReader.numberHint}): a ';'-separated CSV file, or {@code --decimal}.
     */
    private static Dataset<Row> hinted(Dataset<Row> data, NumberHint hint) {
        if (hint.equals(NumberHint.NONE)) {
            return data;
        }
        return data.select(Arrays.stream(data.schema().fields()).map(f -> {
            org.apache.spark.sql.types.MetadataBuilder m = new org.apache.spark.sql.types.MetadataBuilder()
                    .withMetadata(f.metadata()).putBoolean(SparkTypes.SEMICOLON, hint.semicolon());
            if (hint.forced() != null) {
                m.putString(SparkTypes.DECIMAL, hint.forced().name());
            }
            return functions.col("`" + f.name().replace("`", "``") + "`").as(f.name(), m.build());
        }).toArray(Column[]::new));
    }

    /**
     * A CSV file's columns of empty header cells under the local engine's names: Spark calls column i
     * {@code _c<i>}, the local engine {@code Unnamed: <i>} as pandas does (the index {@code df.to_csv()} writes).
     */
    /**
     * The columns of a local CSV or TSV file that DuckDB reads as BOOLEAN for the local engine (its only type of a
     * text file that words a role's reason differently, {@code ColumnRoles.typed}), by name; none when DuckDB cannot
     * sniff the file (then the local engine cannot read it either, and there is nothing to agree with).
     */
    private static java.util.Map<String, String> booleans(TableReader local) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        try {
            for (dev.surprisal.data.TableSchema.Field f : local.schema().fields()) {
                if ("BOOLEAN".equalsIgnoreCase(String.valueOf(f.duckdbType()).trim())) {
                    out.put(f.name(), "BOOLEAN");
                }
            }
        } catch (DataException e) {
            return java.util.Map.of(); // the reasons are then worded from Spark's text type
        }
        return out;
    }

    private static Dataset<Row> pandasNames(Dataset<Row> data, DataFormat format, List<String> names) {
        String[] cols = data.columns();
        if (format != DataFormat.CSV && format != DataFormat.TSV || cols.length != names.size()) {
            return data;
        }
        for (int i = 0; i < cols.length; i++) {
            if (cols[i].equals("_c" + i) && names.get(i).equals("Unnamed: " + i)) {
                data = data.withColumnRenamed(cols[i], names.get(i));
            }
        }
        return data;
    }

    /** Spark's reader of {@code table} in {@code format} (null: Spark's default source, Parquet). */
    private Dataset<Row> load(TableLocation table, DataFormat format, Character delimiter) {
        String where = table.uri();
        try {
            if (format == null || format == DataFormat.PARQUET) {
                return spark.read().parquet(where);
            }
            if (format == DataFormat.JSON || format == DataFormat.NDJSON) {
                boolean array = format == DataFormat.JSON && table.isLocal() && startsWithBracket(table.path());
                Dataset<Row> data = spark.read().option("multiLine", array).json(where);
                if (!table.isLocal() && format == DataFormat.JSON
                        && Arrays.equals(data.columns(), new String[] {"_corrupt_record"})) {
                    data = spark.read().option("multiLine", true).json(where); // a pretty-printed array
                }
                return data;
            }
            char d = delimiter != null ? delimiter : format == DataFormat.TSV ? '\t' : ',';
            // RFC 4180, as the local reader (DuckDB's and ours) and spreadsheets write CSV: a quoted field may hold
            // line ends (multiLine; without it each physical line was a record, so a 5,000-row file with notes read
            // as 6,038 rows and its id column drifted), and a quote inside one is doubled (escape '"', not '\').
            // multiLine reads each file in one task: a table that outgrows that is best kept as many part files
            // or as Parquet (docs/scaling.md).
            Dataset<Row> data = spark.read().option("header", "true").option("sep", String.valueOf(d))
                    .option("multiLine", "true").option("quote", "\"").option("escape", "\"")
                    .option("mode", "PERMISSIVE").csv(where);
            String[] cols = data.columns();
            if (cols.length == 1 && delimiter == null && cols[0].matches(".*[;|\t].*")) {
                char guess = cols[0].contains(";") ? ';' : cols[0].contains("|") ? '|' : '\t';
                throw new DataException(table.label(), 1, null, "the header is one column '" + cols[0] + "'; give the "
                        + "delimiter: --delimiter '" + (guess == '\t' ? "\\t" : String.valueOf(guess)) + "'", null);
            }
            return data;
        } catch (DataException e) {
            throw e;
        } catch (Exception e) { // Spark's AnalysisException is checked in Java's terms, and not declared
            if (table.isLocal() || !(e instanceof org.apache.spark.sql.AnalysisException)
                    && noFileSystem(e) == null) {
                throw e; // precise rethrow: nothing checked is declared
            }
            throw unreadable(table, format, e);
        }
    }

    /** Why Spark could not open a remote location, in the user's words, with what to do. */
    private static DataException unreadable(TableLocation table, DataFormat format, Exception e) {
        Throwable fs = noFileSystem(e);
        String problem;
        if (fs != null) {
            problem = "Spark has no Hadoop FileSystem for '" + table.scheme() + "' locations (" + fs.getMessage()
                    + "); put its connector on the driver's and executors' class path"
                    + (table.scheme().equals("s3a") ? ": hadoop-aws of Spark's Hadoop version and the AWS SDK bundle "
                    + "it names, e.g. spark-submit --packages org.apache.spark:spark-hadoop-cloud_2.13:4.2.0" : "")
                    + " (see docs/scaling.md)";
        } else if (String.valueOf(e.getMessage()).contains("PATH_NOT_FOUND")) {
            problem = "no such file or directory (Spark: " + firstLine(e) + ")";
        } else {
            problem = "Spark cannot read it as " + (format == null ? "Parquet (a name without an extension is read "
                    + "as Spark's default source)" : format.name().toLowerCase(java.util.Locale.ROOT))
                    + ": " + firstLine(e) + "; give the format with --format csv|tsv|parquet|json|ndjson if it is "
                    + "another one";
        }
        return new DataException(null, -1, null, table + ": " + problem, e);
    }

    /** Hadoop's "No FileSystem for scheme" in {@code e}'s causes, or null. */
    private static Throwable noFileSystem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getName().equals("org.apache.hadoop.fs.UnsupportedFileSystemException")) {
                return t;
            }
        }
        return null;
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage()).strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /**
     * Runs {@code work} on {@code table}, naming a remote table by its URI in a data error: the analyses name
     * a table by a path ({@link TableLocation#label()}: a remote table's last name), and a message about
     * {@code day.parquet} would not say which bucket. A file that Spark fails to read while a job runs (a
     * CSV file read as Parquet, a corrupt footer) is bad data naming the table, not an internal error.
     */
    private static <T> T named(TableLocation table, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (DataException e) {
            if (table.isLocal() || e.file().isEmpty()) {
                throw e;
            }
            String prefix = e.file().get() + ": ";
            String m = e.getMessage();
            throw new DataException(null, -1, null, table + ": " + (m.startsWith(prefix) ? m.substring(prefix.length())
                    : m), e);
        } catch (Exception e) { // SparkException is checked in Java's terms, and not declared
            if (String.valueOf(e.getMessage()).contains("FAILED_READ_FILE")) {
                throw unreadable(table, table.format(), e);
            }
            throw e; // precise rethrow: nothing checked is declared
        }
    }

    private static boolean csv(TableLocation file) {
        DataFormat f = file.format();
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
    public Profile fit(TableLocation file, Character delimiter, ProfileOptions options) {
        if (options.normalizeLabels()) {
            throw new dev.surprisal.core.ValidationException("normalizeLabels (--normalize-labels): only with the "
                    + "local engine; the Spark engine counts text labels as written and does not fold their spellings");
        }
        // a Parquet file's number columns are typed for the local engine too; a JSON file's are read from their text
        return named(file, () -> SparkProfiler.fit(read(file, delimiter), options, csv(file),
                file.format() == null || file.format() == DataFormat.PARQUET));
    }

    @Override
    public Profile count(Profile reference, TableLocation file, Character delimiter) {
        for (dev.surprisal.data.profile.ColumnProfile c : reference.columns()) {
            if (c.categoryBins() != null && c.categoryBins().folded()) {
                throw new dev.surprisal.core.ValidationException("reference: column '" + c.name() + "' was baselined "
                        + "with --normalize-labels, which only the local engine applies (the Spark engine counts text "
                        + "labels as written); check it with --engine local, or re-baseline without --normalize-labels");
            }
        }
        return named(file, () -> SparkProfiler.count(read(file, delimiter), reference, csv(file)));
    }

    @Override
    public List<String> columnNames(TableLocation file, Character delimiter) {
        return file.isLocal() ? ProfileEngine.super.columnNames(file, delimiter)
                : Arrays.asList(read(file, delimiter).columns());
    }

    @Override
    public MiTable miTable(TableLocation file, Character delimiter, RoleOverrides overrides, long seed) {
        return miTable(file, delimiter, overrides, seed, false);
    }

    @Override
    public MiTable miTable(TableLocation file, Character delimiter, RoleOverrides overrides, long seed,
                           boolean normalizeLabels) {
        return named(file, () -> SparkMi.table(read(file, delimiter), overrides, seed, file.label(), normalizeLabels));
    }

    @Override
    public Ranking ranking(TableLocation file, Character delimiter, String target, RoleOverrides overrides,
                           dev.surprisal.selection.MiOptions options) {
        return ranking(file, delimiter, target, overrides, options, false);
    }

    @Override
    public Ranking ranking(TableLocation file, Character delimiter, String target, RoleOverrides overrides,
                           dev.surprisal.selection.MiOptions options, boolean normalizeLabels) {
        return named(file, () -> SparkMi.ranked(read(file, delimiter), target, overrides, options, file.label(),
                normalizeLabels));
    }

    @Override
    public Pair pair(TableLocation file, Character delimiter, String x, String y, RoleOverrides overrides,
                     dev.surprisal.selection.MiOptions options) {
        return pair(file, delimiter, x, y, overrides, options, false);
    }

    @Override
    public Pair pair(TableLocation file, Character delimiter, String x, String y, RoleOverrides overrides,
                     dev.surprisal.selection.MiOptions options, boolean normalizeLabels) {
        return named(file, () -> SparkMi.pair(read(file, delimiter), x, y, overrides, options, file.label(),
                normalizeLabels));
    }

    @Override
    public Matrix matrix(TableLocation file, Character delimiter, RoleOverrides overrides, int k, long seed,
                         java.util.function.IntFunction<java.util.function.IntConsumer> start) {
        return matrix(file, delimiter, overrides, k, seed, start, false);
    }

    @Override
    public Matrix matrix(TableLocation file, Character delimiter, RoleOverrides overrides, int k, long seed,
                         java.util.function.IntFunction<java.util.function.IntConsumer> start,
                         boolean normalizeLabels) {
        return named(file, () -> SparkMi.matrix(read(file, delimiter), overrides, k, seed, file.label(), start,
                normalizeLabels));
    }

    @Override
    public ColumnEntropy.Result entropy(TableLocation file, Character delimiter, String column, RoleOverrides overrides,
                                        Integer bins, EntropyEstimator estimator, Base base, int replicates,
                                        long seed) {
        return entropy(file, delimiter, column, overrides, bins, estimator, base, replicates, seed, false);
    }

    @Override
    public ColumnEntropy.Result entropy(TableLocation file, Character delimiter, String column, RoleOverrides overrides,
                                        Integer bins, EntropyEstimator estimator, Base base, int replicates,
                                        long seed, boolean normalizeLabels) {
        ColumnEntropy.checkSettings(bins, estimator, replicates); // before the file is opened, as locally
        return named(file, () -> SparkMi.entropy(read(file, delimiter), column, overrides, bins, estimator, base,
                file.label(), replicates, seed, normalizeLabels));
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
