// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.core.ValidationException;
import dev.surprisal.data.TableReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A profile whose columns carry a key that a version-3 reader would ignore, and so misread (a decimal comma, a
 * non-ISO date layout, hashed buckets of rare labels), is written as version 4, which such a reader refuses
 * ("profile version 4 is not supported") instead of scoring the next batch wrong; a plain profile stays version 3,
 * readable by older builds. Both read back here as written.
 */
class ProfileVersionTest {
    @TempDir
    Path dir;

    private Profile fit(String name, String csv) throws Exception {
        Path f = Files.writeString(dir.resolve(name), csv);
        return ProfileBuilder.fit(TableReader.open(f), ProfileOptions.defaults());
    }

    private static int writtenVersion(Profile p) {
        String json = ProfileJson.write(p);
        int at = json.indexOf("\"version\":") + "\"version\":".length();
        return Integer.parseInt(json.substring(at, json.indexOf(',', at)));
    }

    @Test
    void aPlainProfileIsVersion3AndReadsBackAsWritten() throws Exception {
        StringBuilder b = new StringBuilder("amount,country\n");
        for (int i = 0; i < 300; i++) {
            b.append(String.format(Locale.ROOT, "%.2f,%s%n", 10 + i * 0.37, new String[] {"SE", "DE", "NO"}[i % 3]));
        }
        Profile p = fit("plain.csv", b.toString());
        assertThat(ProfileJson.versionNeeded(p)).isEqualTo(3);
        assertThat(writtenVersion(p)).isEqualTo(3);
        assertThat(ProfileJson.write(ProfileJson.read(ProfileJson.write(p)))).isEqualTo(ProfileJson.write(p));
    }

    @Test
    void aDecimalCommaColumnMakesTheProfileVersion4() throws Exception {
        StringBuilder b = new StringBuilder("preis;land\n");
        for (int i = 0; i < 300; i++) {
            b.append(String.format(Locale.ROOT, "%d,%02d;%s%n", 10 + i % 50, i % 100, i % 2 == 0 ? "DE" : "AT"));
        }
        Path f = Files.writeString(dir.resolve("preise.csv"), b.toString());
        Profile p = ProfileBuilder.fit(TableReader.open(f).withDelimiter(';'), ProfileOptions.defaults());
        assertThat(p.column("preis").convention()).isEqualTo(dev.surprisal.data.roles.NumberConvention.DECIMAL_COMMA);
        assertThat(writtenVersion(p)).isEqualTo(4);
        Profile back = ProfileJson.read(ProfileJson.write(p));
        assertThat(back.column("preis").convention()).isEqualTo(dev.surprisal.data.roles.NumberConvention.DECIMAL_COMMA);
        assertThat(ProfileJson.write(back)).isEqualTo(ProfileJson.write(p));
    }

    @Test
    void rareLabelsInBucketsMakeTheProfileVersion4() throws Exception {
        StringBuilder b = new StringBuilder("sku\n");
        for (int i = 0; i < 3000; i++) {
            b.append(String.format(Locale.ROOT, "SKU-%04d%n", i % 1000));
        }
        Profile p = fit("skus.csv", b.toString());
        assertThat(p.column("sku").categoryBins().otherBuckets()).isGreaterThan(1);
        assertThat(writtenVersion(p)).isEqualTo(4);
    }

    /**
     * A column of times of day (time19) makes the profile version 5: a version-4 reader, which knows the decimal comma
     * but not {@code "timeOfDay"}, would read its {@code 08:15:32} cells as invalid numbers.
     */
    @Test
    void aTimeOfDayColumnMakesTheProfileVersion5() throws Exception {
        StringBuilder b = new StringBuilder("login_time,preis\n");
        for (int i = 0; i < 300; i++) {
            b.append(String.format(Locale.ROOT, "%02d:%02d:%02d,\"%d,%02d\"%n", 8 + i % 10, i % 60, (7 * i) % 60,
                    10 + i % 50, i % 100));
        }
        Profile p = fit("logins.csv", b.toString());
        assertThat(p.column("login_time").convention())
                .isEqualTo(dev.surprisal.data.roles.NumberConvention.TIME_OF_DAY);
        assertThat(writtenVersion(p)).isEqualTo(5);
        Profile back = ProfileJson.read(ProfileJson.write(p));
        assertThat(back.column("login_time").convention())
                .isEqualTo(dev.surprisal.data.roles.NumberConvention.TIME_OF_DAY);
        assertThat(ProfileJson.write(back)).isEqualTo(ProfileJson.write(p));
    }

    /**
     * A column of call lengths whose longest calls reach 24:00 ({@code 58:30}: durations, verdict20) makes the profile
     * version 6: a version-5 reader would read a later batch's {@code 31:05} as an invalid cell and alarm on a day of
     * long calls as an "invalid share"; a column of times of day beside a decimal comma stays version 5 (above).
     */
    @Test
    void aColumnOfDurationsBeyondADayMakesTheProfileVersion6() throws Exception {
        StringBuilder b = new StringBuilder("call_length,preis\n");
        for (int i = 0; i < 300; i++) {
            int sec = 60 + (i * 37) % (i % 10 == 0 ? 3600 : 600);
            b.append(String.format(Locale.ROOT, "%02d:%02d,\"%d,%02d\"%n", sec / 60, sec % 60, 10 + i % 50, i % 100));
        }
        Profile p = fit("calls.csv", b.toString());
        assertThat(p.column("call_length").convention()).isEqualTo(dev.surprisal.data.roles.NumberConvention.TIME_OF_DAY);
        assertThat(p.column("call_length").invalid()).as(p.column("call_length").reason()).isZero();
        assertThat(writtenVersion(p)).isEqualTo(ProfileJson.DURATIONS_VERSION).isEqualTo(6);
        Profile back = ProfileJson.read(ProfileJson.write(p));
        assertThat(ProfileJson.write(back)).isEqualTo(ProfileJson.write(p));
    }

    @Test
    void aNewerVersionIsRefusedNamingTheVersionsThisBuildReads() {
        String json = "{\"format\":\"surprisal-profile\",\"version\":7,\"rows\":0,\"columns\":[]}";
        assertThatThrownBy(() -> ProfileJson.read(json)).isInstanceOf(ValidationException.class)
                .hasMessage("json: profile version 7 is not supported (this build reads 1 to 6)");
    }
}
