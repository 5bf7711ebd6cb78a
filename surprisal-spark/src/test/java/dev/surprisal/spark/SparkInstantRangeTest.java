// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.spark;

import dev.surprisal.data.TableReader;
import dev.surprisal.data.profile.KeyStats;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileOptions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A timestamp column that mixes UTC offsets is ranged by instant on Spark as on the local engine (DuckDB's SQL
 * agrees with it: {@code InstantRangeTest}): a month of Berlin local time ending after the clocks went back,
 * shuffled, so the rows of both offsets are in every partition. Known truth: the newest instant, 02:59+01:00
 * (until 2026-12-02 every engine kept 02:59+02:00, the text that sorts last, an hour earlier).
 */
@Tag("spark")
class SparkInstantRangeTest {
    @TempDir
    Path dir;

    @Test
    void mixedOffsetsAreRangedByInstantOnEveryPartitionAsLocally() throws IOException {
        List<String> rows = new ArrayList<>();
        Random r = new Random(7);
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        for (Instant t = Instant.parse("2026-09-30T22:00:00Z"); t.isBefore(Instant.parse("2026-10-25T02:00:00Z"));
             t = t.plusSeconds(60)) {
            rows.add(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atZone(berlin)) + ","
                    + String.format(Locale.ROOT, "%.2f", Math.exp(3 + 0.5 * r.nextGaussian())));
        }
        Collections.shuffle(rows, new Random(8));
        Path file = Files.writeString(dir.resolve("autumn.csv"), "ts,amount\n" + String.join("\n", rows) + "\n");

        SparkSession spark = TestSpark.session();
        spark.conf().set("spark.sql.files.maxPartitionBytes", "262144");
        spark.conf().set("spark.sql.files.openCostInBytes", "0");
        Dataset<Row> data = spark.read().option("header", "true").csv(file.toString());
        assertThat(data.javaRDD().getNumPartitions()).isGreaterThan(2);
        Profile onSpark = SparkProfiler.fit(data, ProfileOptions.defaults());
        Profile local = ProfileBuilder.fit(TableReader.open(file), ProfileOptions.defaults());
        Profile counted = SparkProfiler.count(data, local);
        for (Profile p : List.of(onSpark, local, counted)) {
            KeyStats k = p.column("ts").keys();
            assertThat(List.of(k.min(), k.max())).containsExactly("2026-10-01T00:00:00+02:00",
                    "2026-10-25T02:59:00+01:00");
        }
    }
}
