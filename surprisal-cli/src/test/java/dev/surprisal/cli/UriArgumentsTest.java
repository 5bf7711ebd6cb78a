// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.data.demo.OrdersTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * URIs as file arguments: an absolute {@code file:} URI names its local file for every verb (the same output
 * as the path); any other scheme ({@code hdfs://}, {@code s3a://}) is read only by the Spark engine, so with the
 * local engine, and for any file surprisal writes ({@code --report}) with either engine, it is a usage error (exit 2)
 * naming the option and the scheme, before anything is read or written, with no stack trace; so is a {@code file:}
 * URI that is not absolute. (That Spark reads a remote table is {@code surprisal-spark}'s RemoteLocationTest.)
 */
class UriArgumentsTest {
    @TempDir
    Path dir;

    @Test
    void anAbsoluteFileUriReadsTheLocalFile() {
        Path csv = OrdersTable.reference(1_500, 3).writeCsv(dir.resolve("orders.csv"));
        String uri = csv.toUri().toString(); // file:///tmp/…/orders.csv
        assertThat(uri).startsWith("file:///");
        for (String form : List.of(uri, "file:" + csv, "file://localhost" + csv)) {
            Cli viaUri = Cli.run("mi", "--data", form, "--x", "country", "--y", "churned", "--json");
            Cli viaPath = Cli.run("mi", "--data", csv.toString(), "--x", "country", "--y", "churned", "--json");
            assertThat(viaUri.code()).as(form + ": " + viaUri.err()).isZero();
            assertThat(viaUri.out()).as(form).isEqualTo(viaPath.out());
        }
        Cli compare = Cli.run("drift", "compare", uri, csv.toString(), "--quiet");
        assertThat(compare.code()).as(compare.err()).isZero();
    }

    @Test
    void otherSchemesAreUsageErrorsNamingTheOptionAndTheScheme() throws Exception {
        Path csv = OrdersTable.reference(500, 3).writeCsv(dir.resolve("orders.csv"));
        String store = dir.resolve("store.duckdb").toString();
        record Case(List<String> args, String option, String scheme) {
        }
        for (Case c : List.of(
                new Case(List.of("mi", "--data", "hdfs://namenode:8020/lake/orders.parquet", "--target", "churned"),
                        "--data", "'hdfs' locations are read only by the Spark engine: add --engine spark"),
                new Case(List.of("mi", "--data", "s3a://bucket/orders.parquet", "--target", "churned", "--engine", "local"),
                        "--data", "'s3a' locations are read only by the Spark engine"),
                new Case(List.of("entropy", "--data", "gs://bucket/x.csv", "--column", "a"), "--data", "'gs' locations"),
                new Case(List.of("drift", "baseline", "--monitor", "m", "--data", "s3a://b/ref.csv", "--store", store),
                        "--data", "'s3a' locations"),
                new Case(List.of("drift", "check", "--monitor", "m", "--data", "abfss://c@acct.dfs.core.windows.net/d/",
                        "--store", store), "--data", "'abfss' locations"),
                new Case(List.of("drift", "compare", "hdfs:///ref.csv", csv.toString()), "the reference file", "'hdfs' locations"),
                new Case(List.of("drift", "compare", csv.toString(), csv.toString(), "--report", "s3a://b/r.html"),
                        "--report", "'s3a' URIs are not supported here: surprisal writes local files only"),
                // Spark reads the tables where they live; what surprisal writes stays local, with every engine
                new Case(List.of("drift", "compare", "s3a://b/ref.parquet", "s3a://b/day.parquet", "--engine", "spark",
                        "--report", "s3a://b/r.html"), "--report", "'s3a' URIs are not supported here"),
                new Case(List.of("mi", "--data", "file:orders.csv", "--target", "churned"), "--data",
                        "a file: URI names a local file by its absolute path"),
                new Case(List.of("mi", "--data", "file://otherhost/data/orders.csv", "--target", "churned"), "--data",
                        "a file: URI names a local file by its absolute path"))) {
            Cli r = Cli.run(c.args().toArray(String[]::new));
            assertThat(r.code()).as(c.args() + ": " + r.err()).isEqualTo(ExitCode.USAGE);
            assertThat(r.err()).as(c.args().toString()).startsWith(ErrorHandlers.PREFIX).contains(c.option())
                    .contains(c.scheme()).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(r.out()).isEmpty();
        }
        assertThat(Files.exists(Path.of(store))).isFalse();
        // with --engine spark a remote table passes the arguments' check and reaches the engine: here, without
        // the surprisal-spark module on the class path, that is the usage error saying what to install
        for (List<String> args : List.of(
                List.of("mi", "--data", "s3a://bucket/orders.parquet", "--target", "churned", "--engine", "spark"),
                List.of("drift", "baseline", "--monitor", "m", "--data", "hdfs://nn:8020/lake/ref/", "--store", store,
                        "--engine", "spark"))) {
            Cli r = Cli.run(args.toArray(String[]::new));
            assertThat(r.code()).as(args + ": " + r.err()).isEqualTo(ExitCode.USAGE);
            assertThat(r.err()).as(args.toString()).contains("--engine spark: the Spark engine is not on the class path")
                    .doesNotContain("locations are read only");
        }
        assertThat(Files.exists(Path.of(store))).isFalse();
        // a Windows drive letter is not a scheme; a local name with a colon is a file name
        Cli colon = Cli.run("mi", "--data", dir.resolve("day:2024.csv").toString(), "--target", "churned");
        assertThat(colon.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(colon.err()).doesNotContain("URI");
    }
}
