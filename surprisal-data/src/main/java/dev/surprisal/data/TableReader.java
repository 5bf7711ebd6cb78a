// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

import dev.surprisal.core.ValidationException;

import dev.surprisal.counts.ContingencyTable;
import dev.surprisal.counts.Counts;
import dev.surprisal.data.TableSchema.Field;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CSV, TSV, Parquet or JSON file through an embedded, in-memory DuckDB. A reader is an
 * immutable description (file, format, column types, selected columns, threads); nothing is
 * opened until a terminal operation runs, and each operation opens and closes its own DuckDB
 * connection (about a second the first time in a JVM, milliseconds after).
 *
 * <pre>{@code
 * TableReader r = TableReader.open(Path.of("people.csv")).withType("zip", ColumnType.CATEGORICAL);
 * ValueCounts zips = r.valueCounts("zip");            // GROUP BY in DuckDB: memory O(distinct values)
 * JointCounts zipAge = r.jointCounts("zip", "age");   // contingency table plus labels
 * Table t = r.columns("age", "zip").read();           // everything in memory
 * }</pre>
 *
 * <p>Column types come from DuckDB's sniffer (see {@link ColumnType}) and can be
 * overridden per column. CSV files are read strictly: a header line, {@code "} quoting, a fixed
 * delimiter (',' or tab by extension), and a row with too many or too few fields is an error,
 * never padded. Errors are {@link DataException}s naming the file, line and column.
 */
public final class TableReader {
    private final Path file;
    private final DataFormat format;
    private final Character delimiter;
    private final Map<String, ColumnType> overrides;
    private final List<String> columns;
    private final int threads;
    /** The decimal mark the user set for every column ({@link #withDecimal}), null: each column's cells decide. */
    private final dev.surprisal.data.roles.NumberConvention decimal;
    /** The schema once read: DuckDB sniffs a 2,000-column file for seconds, and callers ask several times. */
    private volatile TableSchema schema;

    private TableReader(Path file, DataFormat format, Character delimiter, Map<String, ColumnType> overrides,
                        List<String> columns, int threads, dev.surprisal.data.roles.NumberConvention decimal) {
        this.decimal = decimal;
        this.file = file;
        this.format = format;
        this.delimiter = delimiter;
        this.overrides = overrides;
        this.columns = columns;
        this.threads = threads;
    }

    /**
     * A reader of {@code file}, format from its extension (see {@link DataFormat#fromFileName}).
     * Nothing is read yet.
     *
     * @param file the file to read
     * @return a reader of it
     * @throws IllegalArgumentException if file is null
     */
    public static TableReader open(Path file) {
        if (file == null) {
            throw new ValidationException("file: is null");
        }
        return new TableReader(file, null, null, Map.of(), null, 0, null);
    }

    /**
     * The format this reader reads the file as.
     *
     * @return the format this reader reads the file as
     */
    public DataFormat format() {
        return format;
    }

    /**
     * This reader with the format set explicitly instead of taken from the extension.
     *
     * @param format the format
     * @return a copy that reads the file as {@code format}
     */
    public TableReader withFormat(DataFormat format) {
        notNull("format", format);
        return new TableReader(file, format, delimiter, overrides, columns, threads, decimal);
    }

    /**
     * This reader with a CSV/TSV field delimiter other than ',' (CSV) or tab (TSV).
     *
     * @param delimiter the field delimiter
     * @return a copy with that delimiter
     */
    public TableReader withDelimiter(char delimiter) {
        return new TableReader(file, format, delimiter, overrides, columns, threads, decimal);
    }

    /**
     * This reader with every column's numbers read with one decimal mark, as pandas' {@code read_csv(decimal=',')}
     * and DuckDB's {@code decimal_separator} read a file, instead of each column's convention decided from its cells
     * ({@link dev.surprisal.data.roles.RoleRules#convention}); the CLI's {@code --decimal}.
     *
     * @param convention the convention of every column
     * @return a copy that reads numbers so
     */
    public TableReader withDecimal(dev.surprisal.data.roles.NumberConvention convention) {
        notNull("convention", convention);
        return new TableReader(file, format, delimiter, overrides, columns, threads, convention);
    }

    /**
     * What this reader says about its numbers' decimal mark, beside what each column's cells say: the convention set
     * by {@link #withDecimal}, and whether the file is ';'-separated, as spreadsheets that write a decimal comma
     * export CSV ({@link dev.surprisal.data.roles.NumberHint#apply}).
     *
     * @return the hint for the role scan
     */
    public dev.surprisal.data.roles.NumberHint numberHint() {
        return dev.surprisal.data.roles.NumberHint.of(delimiter, decimal);
    }

    /**
     * This reader with {@code column} read as {@code type} whatever DuckDB inferred; see
     * {@link ColumnType} for what each override does.
     *
     * @param column a column's name
     * @param type how to read it
     * @return a copy that reads {@code column} as {@code type}
     */
    public TableReader withType(String column, ColumnType type) {
        notNull("column", column);
        notNull("type", type);
        Map<String, ColumnType> m = new LinkedHashMap<>(overrides);
        m.put(column, type);
        return new TableReader(file, format, delimiter, Collections.unmodifiableMap(m), columns, threads, decimal);
    }

    /**
     * This reader limited to the named columns, in this order, for {@link #read} and {@link #batches}.
     *
     * @param names the columns, in order
     * @return a copy limited to them
     */
    public TableReader columns(String... names) {
        notNull("names", names);
        List<String> list = List.of(names);
        return new TableReader(file, format, delimiter, overrides, list.isEmpty() ? null : list, threads, decimal);
    }

    /**
     * This reader with DuckDB limited to {@code threads} worker threads (0 = DuckDB's default, all cores).
     *
     * @param threads DuckDB's worker threads, ≥ 0 (0: all cores)
     * @return a copy with that limit
     */
    public TableReader withThreads(int threads) {
        if (threads < 0) {
            throw new ValidationException("threads: must be >= 0, got " + threads);
        }
        return new TableReader(file, format, delimiter, overrides, columns, threads, decimal);
    }

    /**
     * The file this reader reads.
     *
     * @return the file this reader reads
     */
    public Path file() {
        return file;
    }

    /**
     * The file's columns with the types they will be read as (all columns, not only the selected).
     *
     * @return the file's columns with the types they will be read as
     */
    public TableSchema schema() {
        TableSchema known = schema;
        if (known == null) {
            try (DuckDbSource s = connect()) {
                known = s.schema();
            }
            schema = known;
        }
        return known;
    }

    /**
     * The file's column names, in order. For a CSV or TSV file whose header holds plain names
     * (non-empty, no surrounding spaces, no control or quote characters), they come from the header
     * line itself, checked as {@link #schema()} checks them, without DuckDB's type sniffing (seconds
     * on a 2,000-column file); otherwise from {@link #schema()}.
     *
     * @return the names
     * @throws DataException when the file cannot be read, or its header names a column twice
     */
    public List<String> columnNames() {
        TableSchema known = schema;
        if (known != null) {
            return known.names();
        }
        DataFormat f = format != null ? format : DataFormat.fromFileName(file);
        if (f == DataFormat.CSV || f == DataFormat.TSV) {
            DataFiles.requireRegularFile(file);
            DataFiles.requireUtf8(file, f);
            char d = delimiter != null ? delimiter : f == DataFormat.TSV ? '\t' : ',';
            List<String> names = CsvHeader.names(file, d);
            if (names != null && names.size() > 1 && names.stream().allMatch(TableReader::plainName)) {
                CsvHeader.check(file, d, delimiter != null, names, names);
                return List.copyOf(names);
            }
        }
        return schema().names();
    }

    /** A name DuckDB keeps as written. */
    private static boolean plainName(String name) {
        if (name.isEmpty() || !name.equals(name.strip())) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '"' || c == '\'') {
                return false;
            }
        }
        return true;
    }

    /**
     * The selected columns (all by default), every row, in memory.
     *
     * @return the selected columns, every row
     */
    public Table read() {
        try (RowBatchReader rows = batches(Integer.MAX_VALUE)) {
            return rows.hasNext() ? rows.next() : rows.empty();
        }
    }

    /**
     * The selected columns (all by default), every row, in memory, for analyses that read cells by
     * {@link dev.surprisal.data.roles.Cells}' rules (mutual information): a CSV or TSV file that the
     * strict Java tokenizer accepts ({@link CsvText}, the drift profiler's reader) is read without
     * DuckDB, which saves loading DuckDB's native library and handing every cell over JDBC. There,
     * a column whose every cell is missing or a finite number becomes a {@link NumericColumn} of the
     * numbers {@code Cells} reads, any other column a {@link CategoricalColumn} of its text, which
     * {@code Cells} parses afterwards as it parses a column DuckDB reads as text; so mutual
     * information gets the same roles, values and ranking from either path (a ±inf cell is noted in
     * other words). Any other format, a file the tokenizer declines, or one whose bytes and cells
     * would need more than half of the heap is read by {@link #read()}.
     *
     * @return the selected columns, every row
     * @throws DataException when the file cannot be read (named by DuckDB's path, with its line)
     */
    public Table readCells() {
        DataFormat f = format != null ? format : DataFormat.fromFileName(file);
        if ((f == DataFormat.CSV || f == DataFormat.TSV) && !"false".equals(System.getProperty(CSV_IN_JAVA))) {
            List<String> all = columnNames(); // checks the file and its header as DuckDB's path would
            List<String> names = columns == null ? all : columns;
            // the bytes, a copy of the kept cells, and per kept cell its end, hash, kind and number (with room)
            long need = 2 * fileBytes() + 32 * estimatedRows() * names.size();
            if (need <= Runtime.getRuntime().maxMemory() / 2) {
                java.util.Optional<Table> t = inJava(all, names, CsvText.NEVER_TEXT, Long.MAX_VALUE, null);
                if (t.isPresent()) {
                    return t.get();
                }
            }
        }
        return read();
    }

    /** {@code -Dsurprisal.csvInJava=false} sends {@link #readCells()} to DuckDB too (tests compare the paths). */
    static final String CSV_IN_JAVA = "surprisal.csvInJava";

    /**
     * The selected columns streamed in batches of at most {@code batchSize} rows; close the reader.
     *
     * @param batchSize the most rows per batch, ≥ 1
     * @return a reader of batches; close it
     * @throws IllegalArgumentException if batchSize is not positive
     */
    public RowBatchReader batches(int batchSize) {
        if (batchSize <= 0) {
            throw new ValidationException("batchSize: must be positive, got " + batchSize);
        }
        DuckDbSource s = DuckDbSource.open(file, format, delimiter, overrides, threads, true);
        try {
            List<Field> fields = new ArrayList<>();
            for (String c : columns == null ? s.schema().names() : columns) {
                fields.add(s.field(c));
            }
            return new RowBatchReader(s, fields, batchSize);
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /**
     * Runs {@code body} against one DuckDB connection reading this file, for aggregates pushed down
     * into SQL by other packages (see {@link SqlView}); the connection is closed afterwards. A wide
     * CSV or JSON file (64 columns or more, up to 256 MiB) is first parsed once into a temporary
     * table, so that queries column by column do not each parse the whole file again.
     *
     * @param <T> what {@code body} returns
     * @param body the work, given a view of the connection
     * @return what {@code body} returned
     */
    public <T> T query(java.util.function.Function<SqlView, T> body) {
        notNull("body", body);
        try (DuckDbSource s = connect()) {
            s.materializeIfWide(); // a wide file is parsed once, however many queries follow
            return body.apply(new SqlView(s));
        }
    }

    /**
     * The named columns of a CSV or TSV file with every cell as the text written (an unquoted empty
     * field is missing), read by a Java pass over the bytes instead of through DuckDB: the fast way
     * to get a wide file into memory. It reads exactly what DuckDB would read, or nothing: the
     * result is empty for other formats and for any file whose layout it is not sure of (see
     * {@link CsvText}), and the caller then reads through DuckDB, which reads it or names the error.
     *
     * @param names    columns of the file, in any order
     * @param progress receives the rows read so far (may be null)
     * @return the columns as {@link CategoricalColumn}s in the order of {@code names}, or empty
     * @throws DataException when a name is not a column, or the file cannot be read
     */
    public java.util.Optional<Table> csvText(List<String> names, java.util.function.LongConsumer progress) {
        notNull("names", names);
        return inJava(null, names, CsvText.ALWAYS_TEXT, Long.MAX_VALUE, progress);
    }

    /**
     * The named columns of a CSV or TSV file read as {@link #csvText} reads them, except that a
     * column whose every cell is missing or a finite number ({@link dev.surprisal.data.roles.Cells}'
     * rules, read from the bytes) comes out as a {@link NumericColumn} of those numbers (NaN where
     * missing, 8 bytes a cell instead of a String per distinct cell), unless {@code keepText} asks
     * for its text. The result is empty, and the caller reads the file through DuckDB, when
     * {@link #csvText} would be, or when more than {@code textCells} cells would be held as text.
     *
     * @param names     columns of the file, in any order
     * @param keepText  given a number column, whether its text is wanted instead (called once per
     *                  column, from several threads at once)
     * @param textCells the most cells to hold as text (rows × text columns)
     * @param progress  receives the rows read so far (may be null)
     * @return the columns in the order of {@code names}, or empty
     * @throws DataException when a name is not a column, or the file cannot be read
     */
    public java.util.Optional<Table> csvTyped(List<String> names,
            java.util.function.Predicate<NumericColumn> keepText, long textCells,
            java.util.function.LongConsumer progress) {
        notNull("names", names);
        notNull("keepText", keepText);
        return inJava(null, names, keepText, textCells, progress);
    }

    /**
     * The named columns of a CSV or TSV file tokenised as {@link #csvTyped} tokenises them, with the
     * decision of which are numbers and which text left to {@link CsvTokens#columns}: so the reading can
     * start before the caller knows which of these columns it wants and with what {@code keepText}.
     *
     * @param names    columns of the file, in any order
     * @param progress receives the rows read so far (may be null)
     * @return the tokens, or empty when {@link #csvTyped} would be empty for any choice of the columns
     *         (another format, a file the tokenizer declines)
     * @throws DataException when a name is not a column, or the file cannot be read
     */
    public java.util.Optional<CsvTokens> csvTokens(List<String> names, java.util.function.LongConsumer progress) {
        notNull("names", names);
        DataFormat f = format != null ? format : DataFormat.fromFileName(file);
        if (f != DataFormat.CSV && f != DataFormat.TSV) {
            return java.util.Optional.empty();
        }
        List<String> all = columnNames(); // checks the file and header as DuckDB would
        int[] wanted = positions(all, names);
        try {
            CsvText t = CsvText.tokenise(file, delimiter(f), all, wanted, progress, CsvText.CHUNK_BYTES);
            return java.util.Optional.of(new CsvTokens(t, java.util.Arrays.stream(wanted).mapToObj(all::get).toList()));
        } catch (CsvText.Decline d) {
            return java.util.Optional.empty();
        } catch (java.io.IOException e) {
            throw cannotRead(e);
        }
    }

    /**
     * The one way into {@link CsvText} for {@link #readCells}, {@link #csvText} and {@link #csvTyped}:
     * the named columns in the order of {@code names}, or empty for another format or a file the
     * tokenizer declines. {@code known} is the file's columns when already read, else null.
     */
    private java.util.Optional<Table> inJava(List<String> known, List<String> names, java.util.function.Predicate<NumericColumn> keepText,
            long textCells, java.util.function.LongConsumer progress) {
        DataFormat f = format != null ? format : DataFormat.fromFileName(file);
        if (f != DataFormat.CSV && f != DataFormat.TSV) {
            return java.util.Optional.empty();
        }
        List<String> all = known != null ? known : columnNames(); // checks the file and header as DuckDB would
        if (decimal == dev.surprisal.data.roles.NumberConvention.DECIMAL_COMMA) {
            // --decimal ',': a 1.299 or 1,234 cell is no number the tokenizer reads (1.299, 1234) but 1299 and
            // 1.234, so every column is read as its text and the role scan reads it in the convention set
            keepText = CsvText.ALWAYS_TEXT;
        }
        try {
            java.util.Optional<Table> t = CsvText.read(file, delimiter(f), all, positions(all, names), progress,
                    CsvText.CHUNK_BYTES, keepText, textCells);
            return t.map(table -> Table.of(names.stream().map(table::column).toList()));
        } catch (java.io.IOException e) {
            throw cannotRead(e);
        }
    }

    private long fileBytes() {
        try {
            return java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
            throw cannotRead(e);
        }
    }

    private DataException cannotRead(java.io.IOException e) {
        return new DataException(file, -1, null, "cannot read the file: " + e.getMessage(), e);
    }

    /** The positions of {@code names} among the file's columns {@code all}, ascending. */
    private int[] positions(List<String> all, List<String> names) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            position.put(all.get(i), i);
        }
        int[] wanted = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            wanted[i] = position.getOrDefault(names.get(i), -1);
            if (wanted[i] < 0) {
                throw new DataException(file, -1, names.get(i), "no such column; available: " + String.join(", ", all),
                        null);
            }
        }
        java.util.Arrays.sort(wanted);
        return wanted;
    }

    private char delimiter(DataFormat f) {
        return delimiter != null ? delimiter : f == DataFormat.TSV ? '\t' : ',';
    }

    /**
     * The data rows of a CSV or TSV file, estimated to size a plan: a file up to 16 MiB has its line
     * ends counted (an upper bound: a quoted cell spanning lines counts more than once), a larger one
     * is estimated from the line ends of its first MiB with a quarter of room, without reading the
     * rest; -1 for other formats.
     *
     * @return the estimate, or -1
     * @throws DataException when the file cannot be read
     */
    public long estimatedRows() {
        DataFormat f = format != null ? format : DataFormat.fromFileName(file);
        if (f != DataFormat.CSV && f != DataFormat.TSV) {
            return -1;
        }
        DataFiles.requireRegularFile(file);
        try {
            return CsvText.estimateRows(file);
        } catch (java.io.IOException e) {
            throw cannotRead(e);
        }
    }

    /**
     * {@link #valueCounts(String, MissingPolicy)} dropping missing values.
     *
     * @param column a column's name
     * @return its histogram, missing values dropped
     */
    public ValueCounts valueCounts(String column) {
        return valueCounts(column, MissingPolicy.DROP);
    }

    /**
     * The histogram of one column, computed by a {@code GROUP BY} inside DuckDB, so memory is
     * O(distinct values) whatever the file size. A numeric column is counted by distinct value
     * (binning continuous columns is a separate step).
     *
     * @param column a column's name
     * @param missing whether missing values are dropped or counted as a category
     * @return its histogram
     * @throws DataException if the column does not exist, a value cannot be read, or no value is left to count
     */
    public ValueCounts valueCounts(String column, MissingPolicy missing) {
        notNull("missing", missing);
        try (DuckDbSource s = connect()) {
            Field f = s.field(column);
            Map<Object, Long> groups = new HashMap<>();
            groupBy(s, List.of(f), row -> groups.put(row[0], (Long) row[1]));
            Long nulls = groups.remove(null);
            long missingRows = nulls == null ? 0 : nulls;
            List<Object> keys = sorted(groups.keySet());
            long[] counts = new long[keys.size() + (missing == MissingPolicy.AS_CATEGORY && missingRows > 0 ? 1 : 0)];
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                counts[i] = groups.get(keys.get(i));
                labels.add(label(keys.get(i)));
            }
            if (counts.length > keys.size()) {
                counts[keys.size()] = missingRows;
                labels.add(null);
            }
            if (counts.length == 0) {
                throw new DataException(file, -1, column, "no values to count", null);
            }
            return new ValueCounts(column, labels, Counts.of(counts), missingRows);
        }
    }

    /**
     * {@link #jointCounts(String, String, MissingPolicy)} dropping rows where either value is missing.
     *
     * @param x the row column's name
     * @param y the column column's name
     * @return the contingency table, rows with a missing value dropped
     */
    public JointCounts jointCounts(String x, String y) {
        return jointCounts(x, y, MissingPolicy.DROP);
    }

    /**
     * The contingency table of columns {@code x} (rows) and {@code y} (columns), computed by a
     * {@code GROUP BY} inside DuckDB: memory is O(distinct pairs), the file is never materialised.
     *
     * @param x the row column's name
     * @param y the column column's name
     * @param missing whether missing values are dropped or counted as a category
     * @return the contingency table
     * @throws DataException if a column does not exist, a value cannot be read, no row is left,
     *                       or the dense table would exceed 2^31 cells
     */
    public JointCounts jointCounts(String x, String y, MissingPolicy missing) {
        notNull("missing", missing);
        try (DuckDbSource s = connect()) {
            List<Object[]> cells = new ArrayList<>();
            groupBy(s, List.of(s.field(x), s.field(y)), cells::add);
            boolean keep = missing == MissingPolicy.AS_CATEGORY;
            long dropped = 0;
            Map<Object, Integer> rows = new HashMap<>();
            Map<Object, Integer> cols = new HashMap<>();
            List<Object[]> kept = new ArrayList<>();
            for (Object[] c : cells) {
                if (!keep && (c[0] == null || c[1] == null)) {
                    dropped += (Long) c[2];
                } else {
                    rows.put(c[0], 0);
                    cols.put(c[1], 0);
                    kept.add(c);
                }
            }
            if (kept.isEmpty()) {
                throw new DataException(file, -1, null, "no rows with values in both '" + x + "' and '" + y + "'", null);
            }
            List<Object> rk = index(rows);
            List<Object> ck = index(cols);
            if ((long) rk.size() * ck.size() > Integer.MAX_VALUE - 8) {
                throw new DataException(file, -1, null, "'" + x + "' x '" + y + "' has " + rk.size() + " x "
                        + ck.size() + " distinct values, too many for a dense table; bin the columns first", null);
            }
            long[] flat = new long[rk.size() * ck.size()];
            for (Object[] c : kept) {
                flat[rows.get(c[0]) * ck.size() + cols.get(c[1])] += (Long) c[2];
            }
            return new JointCounts(x, y, labels(rk), labels(ck), ContingencyTable.ofFlat(rk.size(), ck.size(), flat),
                    dropped);
        }
    }

    private DuckDbSource connect() {
        return DuckDbSource.open(file, format, delimiter, overrides, threads, false);
    }

    /** Runs {@code SELECT k1[, k2], count(*) ... GROUP BY ALL}; keys are Double, String or null. */
    private static void groupBy(DuckDbSource s, List<Field> keys, java.util.function.Consumer<Object[]> sink) {
        StringBuilder inner = new StringBuilder("SELECT ");
        StringBuilder outer = new StringBuilder("SELECT ");
        for (int i = 0; i < keys.size(); i++) {
            inner.append(i == 0 ? "" : ", ").append(s.valueExpression(keys.get(i))).append(" AS k").append(i);
            outer.append("k").append(i).append(", ");
        }
        String sql = outer + "count(*) FROM (" + inner + " FROM " + s.from() + ") GROUP BY ALL";
        try (Statement st = s.statement(); ResultSet rs = s.query(st, sql)) {
            while (rs.next()) {
                Object[] row = new Object[keys.size() + 1];
                for (int i = 0; i < keys.size(); i++) {
                    if (keys.get(i).type() == ColumnType.NUMERIC) {
                        double v = rs.getDouble(i + 1);
                        row[i] = rs.wasNull() ? null : (Object) v;
                    } else {
                        row[i] = rs.getString(i + 1);
                    }
                }
                row[keys.size()] = rs.getLong(keys.size() + 1);
                sink.accept(row);
            }
        } catch (SQLException e) {
            throw s.translate(e);
        }
    }

    /** Sorts the keys (null last) and stores each key's position as its value. */
    private static List<Object> index(Map<Object, Integer> positions) {
        List<Object> keys = sorted(positions.keySet());
        for (int i = 0; i < keys.size(); i++) {
            positions.put(keys.get(i), i);
        }
        return keys;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Object> sorted(java.util.Collection<Object> keys) {
        List<Object> list = new ArrayList<>(keys);
        list.sort(Comparator.nullsLast((a, b) -> ((Comparable) a).compareTo(b)));
        return list;
    }

    private static List<String> labels(List<Object> keys) {
        List<String> out = new ArrayList<>(keys.size());
        for (Object k : keys) {
            out.add(label(k));
        }
        return out;
    }

    /** A key as text; a whole number is written without ".0" so that a count of 3 reads "3". */
    static String label(Object key) {
        if (key instanceof Double) {
            double v = (Double) key;
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                return Long.toString((long) v);
            }
            return Double.toString(v);
        }
        return (String) key;
    }

    private static void notNull(String name, Object value) {
        if (value == null) {
            throw new ValidationException(name + ": is null");
        }
    }

    @Override
    public String toString() {
        return "TableReader[" + file + (format == null ? "" : ", " + format) + ", types=" + overrides
                + (columns == null ? "" : ", columns=" + columns) + "]";
    }
}
