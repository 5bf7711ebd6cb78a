// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

import dev.surprisal.data.TableSchema.Field;
import org.duckdb.DuckDBDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One in-memory DuckDB connection bound to one file: sniffs the schema, applies the type
 * overrides and builds the SQL that reads each column. Closing it closes the connection.
 */
final class DuckDbSource implements AutoCloseable {
    private final Path file;
    private final DataFormat format;
    private final Character delimiter;
    private final Connection connection;
    private Connection diagnostics;
    private TableSchema schema;
    private String from;
    /** The file's table function, also when {@link #from} is a materialised copy (diagnostics use it). */
    private String fileFrom;
    /** The names given to read_csv for its first columns when the header has empty names, else null. */
    private List<String> names;

    private DuckDbSource(Path file, DataFormat format, Character delimiter, Connection connection) {
        this.file = file;
        this.format = format;
        this.delimiter = delimiter;
        this.connection = connection;
    }

    /** Checks the file, connects, sniffs the columns and applies {@code overrides}. */
    static DuckDbSource open(Path file, DataFormat format, Character delimiter, Map<String, ColumnType> overrides,
                             int threads, boolean stream) {
        DataFiles.requireRegularFile(file);
        DataFormat f = format != null ? format : DataFormat.fromFileName(file);
        DataFiles.requireUtf8(file, f);
        Connection c;
        try {
            c = connect(stream);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start DuckDB: " + e.getMessage(), e);
        }
        DuckDbSource s = new DuckDbSource(file, f, delimiter, c);
        try {
            if (threads > 0) {
                s.execute("SET threads = " + threads);
            }
            s.resolve(overrides);
            return s;
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private void resolve(Map<String, ColumnType> overrides) {
        List<String> header = null;
        if (format == DataFormat.CSV || format == DataFormat.TSV) {
            // DuckDB's sniffer reads rows with the delimiter it is given: a ';' file whose fields hold a comma would
            // fail as "line 3: expected 1 fields, found 2" before the header is looked at; a one-column header that
            // holds another delimiter is said first
            header = CsvHeader.names(file, csvDelimiter()); // read once: this check and the one after DuckDB's
            if (header != null && header.size() == 1) {
                CsvHeader.check(file, csvDelimiter(), delimiter != null, header, header);
            }
        }
        List<Field> fields = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = query(st, "DESCRIBE SELECT * FROM " + reader(null))) {
            while (rs.next()) {
                String type = rs.getString("column_type");
                fields.add(new Field(rs.getString("column_name"), type, defaultType(type)));
            }
        } catch (SQLException e) {
            throw translate(e);
        }
        if (fields.isEmpty()) {
            throw new DataException(file, "file is empty (no columns)");
        }
        if (format == DataFormat.CSV || format == DataFormat.TSV) {
            CsvHeader.check(file, csvDelimiter(), delimiter != null, fields.stream().map(Field::name).toList(), header);
            renameUnnamed(fields, header);
        }
        this.schema = new TableSchema(fields);
        for (Map.Entry<String, ColumnType> o : overrides.entrySet()) {
            Field f = field(o.getKey());
            fields.set(fields.indexOf(f), new Field(f.name(), f.duckdbType(), o.getValue()));
        }
        this.schema = new TableSchema(fields);
        this.from = reader(fields);
        this.fileFrom = from;
    }

    /**
     * Names the columns of empty header cells as pandas does ({@link CsvHeader#named}: {@code Unnamed: 0}, not
     * DuckDB's {@code column0}), in {@code fields} and in the reader's {@code names} option, which renames the
     * columns up to the last empty one; the others keep DuckDB's names.
     */
    private void renameUnnamed(List<Field> fields, List<String> header) {
        if (header == null || header.size() != fields.size()) {
            return;
        }
        List<String> named = CsvHeader.named(header);
        List<String> given = new ArrayList<>();
        for (int i = 0; i < fields.size() && named != header; i++) {
            Field f = fields.get(i);
            String name = header.get(i).isBlank() ? named.get(i) : f.name();
            fields.set(i, new Field(name, f.duckdbType(), f.type()));
            given.add(name);
        }
        int last = given.size() - 1;
        while (last >= 0 && !header.get(last).isBlank()) {
            last--;
        }
        this.names = last < 0 ? null : given.subList(0, last + 1);
    }

    /** Files at least this wide are read once into a temporary table by {@link #materializeIfWide}. */
    static final int WIDE_COLUMNS = 64;
    /** ... and at most this large on disk (a copy lives in memory). */
    static final long MATERIALIZE_MAX_BYTES = 256L << 20;

    /**
     * For a wide text file (at least {@value #WIDE_COLUMNS} columns, at most 256 MiB), parses it
     * once into a temporary table that later queries read instead of the file. Callers that
     * aggregate column by column then pay one CSV/JSON parse, not one per column: parsing dominates
     * (a 2,000-column file takes as long to parse for one column as for all of them). Parquet is
     * columnar and is not copied.
     */
    void materializeIfWide() {
        if (format == DataFormat.PARQUET || schema.fields().size() < WIDE_COLUMNS
                || "false".equals(System.getProperty("surprisal.materialize"))) { // off: for benchmarks only
            return;
        }
        try {
            if (Files.size(file) > MATERIALIZE_MAX_BYTES) {
                return;
            }
        } catch (IOException e) {
            return;
        }
        execute("CREATE TEMP TABLE surprisal_rows AS SELECT * FROM " + fileFrom);
        this.from = "surprisal_rows";
    }

    private static Connection connect(boolean stream) throws SQLException {
        DuckDbNatives.prepare();
        java.util.Properties p = new java.util.Properties();
        p.setProperty(DuckDBDriver.JDBC_STREAM_RESULTS, String.valueOf(stream));
        return DriverManager.getConnection("jdbc:duckdb:", p);
    }

    /**
     * A second, non-streaming connection for diagnostic queries: a streamed result loses DuckDB's
     * message ("Invalid result set") and a streamed scan stops when its result is closed.
     */
    private Connection diagnostics() throws SQLException {
        if (diagnostics == null) {
            diagnostics = connect(false);
        }
        return diagnostics;
    }

    /**
     * The error behind a failed streamed query: runs {@code SELECT count(c0), ... FROM (sql)}
     * without streaming (an aggregate, so O(1) memory) to get DuckDB's full message.
     */
    DataException translateStreamed(SQLException e, String sql, int columns) {
        DataException known = DuckDbErrors.translateKnown(file, e);
        if (known != null) {
            return known;
        }
        StringJoiner counts = new StringJoiner(", ", "SELECT ", " FROM (" + sql + ")");
        for (int i = 0; i < columns; i++) {
            counts.add("count(c" + i + ")");
        }
        try (Statement st = diagnostics().createStatement()) {
            st.executeQuery(counts.toString()).close();
        } catch (SQLException again) {
            return translate(again);
        }
        return translate(e);
    }

    /** NUMERIC for DuckDB's number types, CATEGORICAL for the rest (text, boolean, dates, JSON). */
    static ColumnType defaultType(String duckdbType) {
        return isNumberType(duckdbType) ? ColumnType.NUMERIC : ColumnType.CATEGORICAL;
    }

    private static boolean isNumberType(String t) {
        String u = t.toUpperCase(Locale.ROOT);
        return u.matches("U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|FLOAT|DOUBLE|REAL|DECIMAL\\(.*\\)");
    }

    private static boolean isTemporal(String t) {
        String u = t.toUpperCase(Locale.ROOT);
        return u.startsWith("DATE") || u.startsWith("TIMESTAMP") || u.startsWith("TIME");
    }

    /**
     * The table function reading the file. For CSV the column types are forced once the schema is
     * known: categorical columns as text (labels as written, so zip 01234 stays "01234"), numeric
     * ones as DOUBLE (an integer column with a decimal past the sniffer's sample still parses).
     */
    private String reader(List<Field> fields) {
        String path = DataFiles.duckDbLiteral(file);
        switch (format) {
            case PARQUET:
                return "read_parquet(" + path + ")";
            case JSON:
                return "read_json(" + path + ", format='auto')";
            case NDJSON:
                return "read_json(" + path + ", format='newline_delimited')";
            default:
                return "read_csv(" + path + ", " + csvOptions() + csvTypes(fields) + ")";
        }
    }

    private char csvDelimiter() {
        return delimiter != null ? delimiter : format == DataFormat.TSV ? '\t' : ',';
    }

    /**
     * The dialect, stated in full so DuckDB's sniffer decides nothing but the types: line 1 is the
     * header ({@code skip=0}: left free, the sniffer took a ragged data line for the header and
     * dropped the lines above it), no comment lines (a cell may start with {@code #}), and a row
     * with the wrong number of fields is an error.
     */
    private String csvOptions() {
        char d = csvDelimiter();
        StringJoiner given = new StringJoiner(", ", ", names=[", "]");
        if (names != null) {
            names.forEach(n -> given.add(sqlString(n)));
        }
        return "delim=" + sqlString(String.valueOf(d))
                + ", header=true, skip=0, comment='', quote='\"', escape='\"', strict_mode=true, null_padding=false"
                + (names == null ? "" : given.toString());
    }

    private static String csvTypes(List<Field> fields) {
        if (fields == null) {
            return "";
        }
        StringJoiner j = new StringJoiner(", ", ", types={", "}");
        for (Field f : fields) {
            if (f.type() == ColumnType.CATEGORICAL) {
                j.add(sqlString(f.name()) + ": 'VARCHAR'");
            } else if (!isTemporal(f.duckdbType()) && !f.duckdbType().equalsIgnoreCase("BOOLEAN")) {
                j.add(sqlString(f.name()) + ": 'DOUBLE'");
            }
        }
        return j.toString();
    }

    /**
     * The SQL expression giving a column's values: DOUBLE (NaN made NULL) for numeric columns,
     * VARCHAR for categorical ones. Binning, when it comes, replaces this expression.
     */
    String valueExpression(Field f) {
        String q = quoteIdentifier(f.name());
        if (f.type() == ColumnType.CATEGORICAL) {
            return "CAST(" + q + " AS VARCHAR)";
        }
        String d = isTemporal(f.duckdbType()) ? "CAST(epoch(" + q + ") AS DOUBLE)" : "CAST(" + q + " AS DOUBLE)";
        return "(CASE WHEN isnan(" + d + ") THEN NULL ELSE " + d + " END)";
    }

    /** The FROM target, with types applied. */
    String from() {
        return from;
    }

    TableSchema schema() {
        return schema;
    }

    Path file() {
        return file;
    }

    /**
     * The field called {@code name}.
     *
     * @throws DataException if the file has no such column; the message lists the available ones
     */
    Field field(String name) {
        return schema.field(name).orElseThrow(() -> new DataException(file, -1, name,
                "no such column; available: " + String.join(", ", schema.names()), null));
    }

    /** Runs {@code sql}; translates DuckDB's errors into {@link DataException}s. */
    ResultSet query(Statement st, String sql) throws SQLException {
        try {
            return st.executeQuery(sql);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    Statement statement() {
        try {
            return connection.createStatement();
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB: " + e.getMessage(), e);
        }
    }

    private void execute(String sql) {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** A clean {@link DataException} for a DuckDB error, running a diagnostic query if needed. */
    DataException translate(SQLException e) {
        long[] longLine = DuckDbErrors.maxLineSize(e);
        if (longLine != null) {
            long[] found = DataFiles.firstLongLine(file, longLine[0]);
            return found == null
                    ? new DataException(file, -1, null, String.format(java.util.Locale.ROOT, "a line of %,d bytes is "
                    + "longer than the %,d bytes a line may have", longLine[1], longLine[0]), e)
                    : new DataException(file, found[0], null, String.format(java.util.Locale.ROOT, "the line has %,d "
                    + "bytes, more than the %,d a line may have", found[1], longLine[0]), e);
        }
        DataException known = DuckDbErrors.translateKnown(file, e);
        if (known != null) {
            return known;
        }
        if (String.valueOf(e.getMessage()).contains("Error when sniffing file")) {
            DataException found = firstRejectedCsvLine(e);
            if (found != null) {
                return found;
            }
            long open = format == DataFormat.CSV || format == DataFormat.TSV ? DataFiles.unterminatedQuote(file) : -1;
            if (open > 0) {
                return new DataException(file, open, null, "a quote opened on this line is never closed", e);
            }
        }
        String[] cast = DuckDbErrors.castFailure(e);
        if (cast != null && schema != null) {
            DataException found = firstUnparsableRow(cast, e);
            if (found != null) {
                return found;
            }
        }
        return new DataException(file, -1, null, "DuckDB: " + DuckDbErrors.firstLine(e), e);
    }

    /**
     * DuckDB's sniffer gives up without a line number when a ragged row sits in its sample; reading
     * again with rejects stored tells which line (error type "TOO MANY COLUMNS" etc.).
     */
    private DataException firstRejectedCsvLine(SQLException cause) {
        String sql = "SELECT count(*) FROM read_csv(" + DataFiles.duckDbLiteral(file) + ", "
                + csvOptions().replace("strict_mode=true", "strict_mode=true, store_rejects=true, "
                + "rejects_table='surprisal_rejects', rejects_scan='surprisal_scans'") + ")";
        try (Statement st = diagnostics().createStatement()) {
            st.executeQuery(sql).close();
            try (ResultSet rs = st.executeQuery("SELECT line, column_name, error_message FROM surprisal_rejects "
                    + "ORDER BY line LIMIT 1")) {
                if (rs.next()) {
                    SQLException e = new SQLException("CSV Error on Line: " + rs.getLong(1) + "\n"
                            + rs.getString(3), cause);
                    DataException d = DuckDbErrors.translateKnown(file, e);
                    return d != null ? d : new DataException(file, rs.getLong(1), null, rs.getString(3), cause);
                }
            }
        } catch (SQLException ignored) {
            // the diagnostic is best effort; the caller reports DuckDB's own message
        }
        return null;
    }

    /** Finds the first record of a numeric column whose text does not parse (JSON, Parquet). */
    private DataException firstUnparsableRow(String[] cast, SQLException cause) {
        for (Field f : schema.fields()) {
            if (f.type() != ColumnType.NUMERIC || isNumberType(f.duckdbType()) || isTemporal(f.duckdbType())) {
                continue;
            }
            String q = quoteIdentifier(f.name());
            String sql = "SELECT n, v FROM (SELECT row_number() OVER () AS n, CAST(" + q + " AS VARCHAR) AS v FROM "
                    + fileFrom + ") WHERE v IS NOT NULL AND TRY_CAST(v AS DOUBLE) IS NULL ORDER BY n LIMIT 1";
            try (Statement st = diagnostics().createStatement(); ResultSet rs = st.executeQuery(sql)) {
                if (rs.next()) {
                    String where = format == DataFormat.NDJSON ? "record " : "row ";
                    return new DataException(file, -1, f.name(), where + rs.getLong(1) + ": "
                            + DuckDbErrors.cannotParse(rs.getString(2), cast[1]), cause);
                }
            } catch (SQLException ignored) {
                // best effort, as above
            }
        }
        return null;
    }

    /** {@code 'text'} with single quotes doubled. */
    static String sqlString(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** {@code "name"} with double quotes doubled, so any column name is a valid identifier. */
    static String quoteIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    @Override
    public void close() {
        try {
            if (diagnostics != null) {
                diagnostics.close();
            }
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB: cannot close connection: " + e.getMessage(), e);
        }
    }
}
