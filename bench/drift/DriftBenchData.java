// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Benchmark data for bench/drift_bench.sh, run with the shaded CLI jar on the class path:
 * {@code java -cp surprisal.jar bench/drift/DriftBenchData.java ROWS DIR [parquet|csv]}.
 * Writes DIR/ref.parquet and DIR/cur.parquet (ROWS rows, 10 DOUBLE columns c0..c9, seeded in
 * DuckDB), and the same values as DIR/{ref,cur}_cK.npy so that the numpy side reads identical data
 * without pyarrow; with {@code csv}, the same values as DIR/ref.csv and DIR/cur.csv (DuckDB's
 * shortest round-trip text of each double) instead of the .npy files. cur differs from ref in c0 (mean +0.25 sd) and c1 (sd x 1.3); the rest are
 * redrawn from the same distributions. With a fourth argument {@code id} (csv only), each CSV gets a first
 * column {@code id}, the row's number from 1 (a key whose text the profile keeps: it measures the CSV
 * reader's handling of an integer id column; the pandas anchor does not read such files).
 */
public final class DriftBenchData {
    public static void main(String[] args) throws Exception {
        long rows = (long) Double.parseDouble(args[0]);
        Path dir = Path.of(args[1]);
        // the shaded jar keeps DuckDB's library beside itself, written there on first use (DuckDbNatives)
        dev.surprisal.data.DuckDbNatives.prepare();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            write(st, dir.resolve("ref.parquet"), rows, 0.0, 1.0, 0.1);
            write(st, dir.resolve("cur.parquet"), rows, 0.25, 1.3, 0.2);
            if (args.length > 2 && args[2].equals("csv")) {
                boolean id = args.length > 3 && args[3].equals("id");
                for (String side : new String[] {"ref", "cur"}) {
                    st.execute("COPY (SELECT " + (id ? "row_number() OVER () AS id, " : "") + "* FROM '"
                            + dir.resolve(side + ".parquet") + "') TO '" + dir.resolve(side + ".csv")
                            + "' (FORMAT CSV, HEADER)");
                }
                return;
            }
            for (String side : new String[] {"ref", "cur"}) {
                for (int k = 0; k < 10; k++) {
                    npy(st, dir.resolve(side + ".parquet"), "c" + k, rows, dir.resolve(side + "_c" + k + ".npy"));
                }
            }
        }
    }

    private static void write(Statement st, Path file, long rows, double shift, double scale, double seed)
            throws SQLException {
        st.execute("SELECT setseed(" + seed + ")");
        // Box-Muller normals, an exponential, a uniform, a lognormal and integers: a mix of shapes
        String z = "sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())";
        st.execute("COPY (SELECT "
                + "(" + shift + " + " + z + ")::DOUBLE AS c0, "
                + "(" + scale + " * " + z + ")::DOUBLE AS c1, "
                + "(10 + 3 * " + z + ")::DOUBLE AS c2, "
                + "(-ln(1 - random()))::DOUBLE AS c3, "
                + "random()::DOUBLE AS c4, "
                + "exp(0.5 * " + z + ")::DOUBLE AS c5, "
                + "floor(random() * 50)::DOUBLE AS c6, "
                + "(100 * " + z + ")::DOUBLE AS c7, "
                + "(" + z + " * " + z + ")::DOUBLE AS c8, "
                + "(5 + " + z + ")::DOUBLE AS c9 "
                + "FROM range(" + rows + ")) TO '" + file + "' (FORMAT PARQUET)");
    }

    /** One column as a NumPy .npy file (version 1.0, little-endian float64), streamed. */
    private static void npy(Statement st, Path parquet, String col, long rows, Path out) throws SQLException, IOException {
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + rows + ",), }";
        int total = 10 + header.length() + 1;
        int pad = (64 - total % 64) % 64;
        header = header + " ".repeat(pad) + "\n";
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20);
             ResultSet rs = st.executeQuery("SELECT " + col + " FROM '" + parquet + "'")) {
            DataOutputStream d = new DataOutputStream(os);
            d.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
            byte[] h = header.getBytes(StandardCharsets.US_ASCII);
            d.write(h.length & 0xff);
            d.write(h.length >>> 8);
            d.write(h);
            ByteBuffer b = ByteBuffer.allocate(8 << 16).order(ByteOrder.LITTLE_ENDIAN);
            while (rs.next()) {
                b.putDouble(rs.getDouble(1));
                if (!b.hasRemaining()) {
                    d.write(b.array(), 0, b.position());
                    b.clear();
                }
            }
            d.write(b.array(), 0, b.position());
        }
    }
}
