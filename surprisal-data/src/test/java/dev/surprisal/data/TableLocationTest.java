// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

import dev.surprisal.core.ValidationException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where a table lives, as a user types it: remote URIs kept exactly (Spark reads them), {@code file:} URIs and
 * paths local; the format from the name, an explicit one, or none for a remote directory.
 */
class TableLocationTest {
    @Test
    void aRemoteUriIsKeptAsTypedAndNamedByItsLastElement() {
        TableLocation day = TableLocation.parse("s3a://bucket/orders/day=2026-12-01/");
        assertThat(day.isLocal()).isFalse();
        assertThat(day.scheme()).isEqualTo("s3a");
        assertThat(day.uri()).isEqualTo("s3a://bucket/orders/day=2026-12-01/");
        assertThat(day.toString()).isEqualTo(day.uri());
        assertThat(day.name()).isEqualTo("day=2026-12-01");
        assertThat(day.format()).as("a directory: Spark's default source").isNull();
        assertThat(day.withFormat(DataFormat.CSV).format()).isEqualTo(DataFormat.CSV);
        assertThatThrownBy(day::path).isInstanceOf(ValidationException.class)
                .hasMessageContaining("s3a://bucket/orders/day=2026-12-01/").hasMessageContaining("--engine spark");

        TableLocation file = TableLocation.parse("HDFS://nn:8020/lake/orders.parquet");
        assertThat(file.scheme()).isEqualTo("hdfs");
        assertThat(file.format()).isEqualTo(DataFormat.PARQUET);
        assertThat(file.label()).isEqualTo(Path.of("orders.parquet"));
        assertThat(TableLocation.parse("gs://bucket/day.csv.gz").format()).isEqualTo(DataFormat.CSV);
        assertThat(TableLocation.parse("s3a://bucket").name()).isEmpty();
    }

    @Test
    void pathsFileUrisAndDriveLettersAreLocal() {
        assertThat(TableLocation.parse("data/day.csv").path()).isEqualTo(Path.of("data/day.csv"));
        assertThat(TableLocation.parse("file:///data/day.csv").path()).isEqualTo(Path.of("/data/day.csv"));
        assertThat(TableLocation.parse("file://localhost/data/day.csv").path()).isEqualTo(Path.of("/data/day.csv"));
        assertThat(TableLocation.parse("C:day.csv").isLocal()).isTrue();
        assertThat(TableLocation.of(Path.of("x.parquet")).format()).isEqualTo(DataFormat.PARQUET);
        assertThat(TableLocation.of(Path.of("x.parquet"))).isEqualTo(TableLocation.parse("x.parquet"));
        assertThatThrownBy(() -> TableLocation.parse("file://otherhost/day.csv")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("absolute path");
        assertThatThrownBy(() -> TableLocation.parse("")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> TableLocation.of(Path.of("day.xlsx")).format()).isInstanceOf(DataException.class);
    }
}
