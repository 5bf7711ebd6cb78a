// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.

import dev.surprisal.data.profile.ProfileJson;
import dev.surprisal.data.profile.ProfileOptions;
import dev.surprisal.spark.SparkProfiler;
import org.apache.spark.sql.SparkSession;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Data and the timed step of bench/spark_rolepass.sh, run with surprisal-spark's class path:
 * {@code gen ROWS DIR} writes DIR/wide20.parquet: 19 typed DOUBLE columns (normal, uniform, lognormal) and
 * one text column of weights written with a decimal comma ({@code 1,234}, one in ten {@code 2,5}), the
 * column that makes Spark's role pass read numbers a second time; {@code fit DIR OUT MASTER} fits a reference
 * profile of it with SparkProfiler on MASTER and writes its JSON to OUT (to compare builds), printing the
 * JVM's CPU seconds (process CPU time, all threads: the driver and local executors) of the fit alone.
 */
public final class RolePassBench {
    public static void main(String[] args) throws Exception {
        if (args[0].equals("gen")) {
            long rows = (long) Double.parseDouble(args[1]);
            StringBuilder cols = new StringBuilder();
            for (int j = 1; j <= 19; j++) {
                cols.append(j % 3 == 0 ? "exp(random() * 3)" : j % 3 == 1 ? "random() * " + j : "random() + random() - " + j)
                        .append("::DOUBLE AS c").append(j).append(", ");
            }
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
                st.execute("SELECT setseed(0.15)");
                st.execute("COPY (SELECT " + cols + "CASE WHEN i % 10 = 0 THEN '2,5' ELSE '1,' || (100 + i % 900)::VARCHAR "
                        + "END AS weight FROM range(" + rows + ") t(i)) TO '" + Path.of(args[2]).resolve("wide20.parquet")
                        + "' (FORMAT PARQUET)");
            }
            return;
        }
        Path dir = Path.of(args[1]);
        SparkSession spark = SparkSession.builder().master(args[3]).appName("rolepass")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long t0 = os.getProcessCpuTime();
        var profile = SparkProfiler.fit(spark.read().parquet(dir.resolve("wide20.parquet").toString()),
                ProfileOptions.defaults());
        long t1 = os.getProcessCpuTime();
        Files.writeString(Path.of(args[2]), ProfileJson.write(profile));
        System.out.printf("fit CPU %.2f s (process, all threads); weight: %s%n", (t1 - t0) / 1e9,
                profile.column("weight").reason());
        spark.stop();
    }
}
