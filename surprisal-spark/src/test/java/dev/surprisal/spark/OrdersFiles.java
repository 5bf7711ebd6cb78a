// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.spark;

import dev.surprisal.data.demo.OrdersTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The demo orders table as the MI tests read it: a CSV that Spark splits into several partitions (an id
 * column, ISO timestamps, amounts with empty, {@code n/a} and {@code abc} cells, a categorical country, a
 * discrete count, a U-shaped 0/1 churn flag), and the same rows as one typed Parquet file (a timestamp
 * column, doubles with nulls, integers).
 *
 * @param csv     the CSV file
 * @param parquet the Parquet file
 */
record OrdersFiles(Path csv, Path parquet) {
    /** Writes both files of {@code rows} rows drawn with {@code seed} into {@code dir}, on the test session. */
    static OrdersFiles write(SparkSession spark, Path dir, int rows, long seed) throws IOException {
        spark.conf().set("spark.sql.files.maxPartitionBytes", "131072");
        spark.conf().set("spark.sql.files.openCostInBytes", "0");
        Path csv = OrdersTable.reference(rows, seed).writeCsv(dir.resolve("orders.csv"));
        Path out = dir.resolve("orders-parquet");
        spark.read().option("header", "true").csv(csv.toString())
                .selectExpr("cast(order_id as bigint) order_id", "cast(ts as timestamp) ts",
                        "try_cast(amount as double) amount", "country", "device",
                        "cast(days_since_last as double) days_since_last", "cast(n_items as int) n_items",
                        "cast(churned as int) churned")
                .coalesce(1).write().parquet(out.toString());
        try (Stream<Path> s = Files.list(out)) {
            Path part = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
            return new OrdersFiles(csv, Files.move(part, dir.resolve("orders.parquet")));
        }
    }

    /** A file as the tests give it to Spark: the CSV with its header, as text; the Parquet typed. */
    static Dataset<Row> read(SparkSession spark, Path file) {
        return file.toString().endsWith(".csv") ? spark.read().option("header", "true").csv(file.toString())
                : spark.read().parquet(file.toString());
    }
}
