// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.

import dev.surprisal.data.demo.OrdersTable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Benchmark data for the MI rows of bench/spark_bench.sh, run with the shaded CLI jar on the class path:
 * {@code java -cp surprisal.jar bench/spark/MiBenchData.java ROWS DIR}. Writes DIR/orders.parquet: the
 * demo orders table (OrdersTable, seed 7: an id, ISO timestamps, amounts with empty, n/a and abc cells,
 * country, device, days_since_last, n_items, a U-shaped 0/1 churned flag), every column as the text the
 * CSV holds, so both engines read the same cells and apply the same cell rules.
 */
public final class MiBenchData {
    public static void main(String[] args) throws Exception {
        int rows = (int) Double.parseDouble(args[0]);
        Path dir = Path.of(args[1]);
        Path csv = OrdersTable.reference(rows, 7).writeCsv(dir.resolve("orders.csv"));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT * FROM read_csv('" + csv + "', header = true, all_varchar = true)) TO '"
                    + dir.resolve("orders.parquet") + "' (FORMAT parquet)");
        }
        Files.delete(csv);
    }
}
