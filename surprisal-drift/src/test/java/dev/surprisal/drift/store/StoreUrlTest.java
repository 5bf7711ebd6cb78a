// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.store;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreUrlTest {
    @Test
    void aPasswordWrittenAsUserInfoIsNeverShown() {
        StoreUrl u = StoreUrl.parse("jdbc:postgresql://u:S3cretFuzzPw@localhost/db");
        assertThat(u.display()).doesNotContain("S3cretFuzzPw").contains("//u:***@localhost/db");
        assertThat(u.toString()).doesNotContain("S3cretFuzzPw");
        assertThat(u.mask("cannot connect to jdbc:postgresql://u:S3cretFuzzPw@[::1/db: refused"))
                .doesNotContain("S3cretFuzzPw");
    }

    @Test
    void thePasswordIsTakenOutOfTheUrlAndNeverShown() {
        StoreUrl u = StoreUrl.parse("jdbc:postgresql://db:5432/s?user=u&password=S3cret&ssl=true");
        assertThat(u.kind()).isEqualTo(StoreUrl.Kind.POSTGRESQL);
        assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/s?user=u&ssl=true");
        assertThat(u.toString()).doesNotContain("S3cret").isEqualTo(u.display());
        assertThat(u.hasPassword()).isTrue();
        assertThat(u.properties().getProperty("password")).isEqualTo("S3cret");
        assertThat(StoreUrl.parse("jdbc:postgresql://db/s?password=p%40ss&user=u").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db/s?user=u");
        assertThat(StoreUrl.parse("jdbc:postgresql://db/s?password=p%40ss").properties().getProperty("password"))
                .isEqualTo("p@ss");
    }

    @Test
    void driverMessagesAreMaskedWhereverThePasswordAppears() {
        StoreUrl u = StoreUrl.parse("jdbc:postgresql://db/s?user=u").withPassword("hunter2!");
        String leaky = "FATAL: password authentication failed for jdbc:postgresql://db/s?user=u&password=hunter2! "
                + "(hunter2!)";
        assertThat(u.mask(leaky)).doesNotContain("hunter2").contains("password=***").endsWith("(***)");
        SQLException masked = u.masked(new SQLException(leaky, "28P01", 0, new RuntimeException("hunter2!")));
        assertThat(masked.getMessage()).doesNotContain("hunter2");
        assertThat(masked.getCause()).isNull();
        assertThat(masked.getSQLState()).isEqualTo("28P01");
        StoreException e = DriftStore.translate(u, "open", new SQLException(leaky, "28P01"));
        assertThat(e.getMessage()).doesNotContain("hunter2").contains("login refused").contains("PGPASSWORD");
        assertThat(DriftStore.translate(u, "record the check of m", new SQLException("I/O error: hunter2!", "08006"))
                .getMessage()).startsWith("lost connection to the store jdbc:postgresql://db/s?user=u")
                .doesNotContain("hunter2");
    }

    @Test
    void otherDatabasesAreRejectedListingTheSupportedOnes() {
        assertThatThrownBy(() -> StoreUrl.parse("jdbc:mysql://h/db?user=u&password=pw"))
                .isInstanceOf(UnsupportedStoreException.class)
                .hasMessageContaining("unsupported database 'jdbc:mysql'").hasMessageContaining("jdbc:postgresql://")
                .hasMessageNotContaining("pw");
        assertThatThrownBy(() -> StoreUrl.parse("jdbc:duckdb::memory:")).isInstanceOf(UnsupportedStoreException.class);
        assertThatThrownBy(() -> StoreUrl.parse(" ")).isInstanceOf(UnsupportedStoreException.class);
    }

    @Test
    void aUrlWithoutJdbcIsNeverAFileAndItsPasswordIsNotEchoed() {
        // taken as a path, this created ./postgresql:/localhost:…&password=S3cretPw and used it as the store
        assertThatThrownBy(() -> StoreUrl.parse("postgresql://localhost:55431/sdb?user=postgres&password=S3cretPw"))
                .isInstanceOf(UnsupportedStoreException.class)
                .hasMessageContaining("write jdbc:postgresql://localhost:55431/sdb?user=postgres&password=***")
                .hasMessageNotContaining("S3cretPw");
        assertThatThrownBy(() -> StoreUrl.parse("postgres://u:S3cretPw@h/db"))
                .isInstanceOf(UnsupportedStoreException.class).hasMessageContaining("write jdbc:postgresql:")
                .hasMessageNotContaining("S3cretPw");
        assertThatThrownBy(() -> StoreUrl.parse("mysql://h/db?password=S3cretPw"))
                .isInstanceOf(UnsupportedStoreException.class).hasMessageContaining("unsupported database 'mysql'")
                .hasMessageNotContaining("S3cretPw");
    }

    @Test
    void aFilePathThatLooksLikeAParameterIsMaskedToo() {
        assertThat(StoreUrl.parse("st/x?password=S3cretPw.duckdb").display()).doesNotContain("S3cretPw");
    }

    @Test
    void pathsAndDuckDbUrlsAreFiles() {
        StoreUrl a = StoreUrl.parse("x/../drift.duckdb");
        assertThat(a.kind()).isEqualTo(StoreUrl.Kind.DUCKDB);
        assertThat(a.file().isAbsolute()).isTrue();
        assertThat(a.file().getFileName().toString()).isEqualTo("drift.duckdb");
        assertThat(a.file().toString()).doesNotContain("..");
        assertThat(StoreUrl.parse("jdbc:duckdb:/tmp/a.duckdb").file()).isEqualTo(java.nio.file.Path.of("/tmp/a.duckdb"));
    }
}
