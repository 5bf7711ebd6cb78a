// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.roles.RoleOverrides;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The range of a column of ISO date-times with UTC offsets is taken by instant, with one rule on every path
 * (the Java CSV reader, the in-memory table, DuckDB's SQL): until 2026-12-02 it was taken in text order, so a
 * local-time export across the end of summer time had {@code 02:50+02:00} as its newest value, an hour before
 * the last row {@code 02:50+01:00}. Known truth: the rows' instants, from java.time.
 */
class InstantRangeTest {
    private static final ProfileOptions ROLES = ProfileOptions.defaults().withRoles(RoleOverrides.none()
            .withRole("ts", ColumnRole.TIMESTAMP).withRole("code", ColumnRole.ID_LIKE));
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    @TempDir
    Path dir;

    /** A table of {@code ts} (and the same text as an id-like {@code code}) and an amount, in the order given. */
    private Path table(String name, List<String> values) throws IOException {
        StringBuilder csv = new StringBuilder("ts,code,amount\n");
        for (int i = 0; i < values.size(); i++) {
            csv.append(values.get(i)).append(',').append(values.get(i)).append(',').append(1 + i % 17).append('\n');
        }
        return Files.writeString(dir.resolve(name), csv);
    }

    /** Berlin's local time every 10 minutes from 24 October 2026 to 02:50 after the clocks went back, shuffled. */
    private static List<String> autumnExport(long seed) {
        List<String> out = new ArrayList<>();
        ZonedDateTime t = ZonedDateTime.of(2026, 10, 24, 0, 0, 0, 0, BERLIN);
        Instant last = Instant.parse("2026-10-25T01:50:00Z");
        for (; !t.toInstant().isAfter(last); t = t.plusMinutes(10)) {
            out.add(ISO.format(t));
        }
        Collections.shuffle(out, new Random(seed));
        return out;
    }

    private List<Profile> onEveryPath(Path file) {
        Profile java = ProfileBuilder.fit(TableReader.open(file), ROLES);
        Profile memory = ProfileBuilder.fit(TableReader.open(file).read(), ROLES);
        Profile sql = CsvPathTest.viaDuckDb(() -> ProfileBuilder.fit(TableReader.open(file), ROLES));
        return List.of(java, memory, sql, ProfileBuilder.count(java, TableReader.open(file)),
                ProfileBuilder.count(memory, TableReader.open(file).read()),
                CsvPathTest.viaDuckDb(() -> ProfileBuilder.count(sql, TableReader.open(file))));
    }

    @Test
    void anAutumnExportIsRangedByInstantOnEveryPath() throws IOException {
        // before: every path gave 2026-10-25T02:50:00+02:00, the text that sorts last, 00:50 UTC
        Path file = table("autumn.csv", autumnExport(3));
        for (Profile p : onEveryPath(file)) {
            for (String column : List.of("ts", "code")) {
                assertThat(range(p, column)).as(column).containsExactly("2026-10-24T00:00:00+02:00",
                        "2026-10-25T02:50:00+01:00");
            }
        }
        // two parts of the file merged (a split file, Spark's partitions) range alike
        List<String> rows = autumnExport(5);
        Profile ref = ProfileBuilder.fit(TableReader.open(file), ROLES);
        KeyStats first = ProfileBuilder.count(ref, TableReader.open(table("a.csv", rows.subList(0, 70)))).column("ts")
                .keys();
        KeyStats second = ProfileBuilder.count(ref, TableReader.open(table("b.csv", rows.subList(70, rows.size()))))
                .column("ts").keys();
        assertThat(List.of(first.merge(second).min(), first.merge(second).max()))
                .containsExactly("2026-10-24T00:00:00+02:00", "2026-10-25T02:50:00+01:00");
        assertThat(List.of(second.merge(first).min(), second.merge(first).max()))
                .containsExactly("2026-10-24T00:00:00+02:00", "2026-10-25T02:50:00+01:00");
    }

    @Test
    void twoSitesInZAndPlusNineRangeByInstant() throws IOException {
        // site A writes Z, site B +09:00 and lags an hour: B's text sorts last, A holds the latest instant
        List<String> rows = new ArrayList<>();
        Instant from = Instant.parse("2026-04-14T00:00:00Z");
        for (int m = 0; m < 24 * 60; m += 5) {
            rows.add(ISO.format(from.plusSeconds(60L * m).atOffset(java.time.ZoneOffset.UTC)));
            rows.add(ISO.format(from.plusSeconds(60L * m - 3600).atOffset(java.time.ZoneOffset.ofHours(9))));
        }
        for (Profile p : onEveryPath(table("sites.csv", rows))) {
            assertThat(range(p, "ts")).containsExactly("2026-04-14T08:00:00+09:00", "2026-04-14T23:55:00Z");
        }
    }

    /**
     * Java and DuckDB rank the same values alike, whatever their mix: offsets in every spelling, fractions of
     * 0 to 9 digits (cut to microseconds, equal instants then ordered by text), local times and dates (text,
     * before every instant), and what is no instant though it looks like one (a 30 February, an offset of
     * +15:00), and the range is the smallest and largest value in {@link KeyStats#compareValues}.
     */
    @Test
    void javaAndDuckDbAgreeOnMixedValues() throws IOException {
        for (long seed = 1; seed <= 4; seed++) {
            List<String> values = mixed(new Random(seed), 400);
            Path file = table("mixed" + seed + ".csv", values);
            String min = values.stream().min(KeyStats::compareValues).orElseThrow();
            String max = values.stream().max(KeyStats::compareValues).orElseThrow();
            for (Profile p : onEveryPath(file)) {
                assertThat(range(p, "ts")).as("seed %d", seed).containsExactly(min, max);
                assertThat(range(p, "code")).as("seed %d", seed).containsExactly(min, max);
            }
        }
    }

    /** Values around one instant (within seconds, so that offsets, precisions and ties decide the ends). */
    private static List<String> mixed(Random r, int n) {
        String[] offsets = {"Z", "+00:00", "+0000", "+00", "+09:00", "+0900", "+09", "-05:00", "+05:30", "+14:00"};
        List<String> out = new ArrayList<>();
        Instant base = Instant.parse("2026-03-29T00:59:58Z");
        for (int i = 0; i < n; i++) {
            Instant t = base.plusNanos(r.nextInt(4_000) * 1_000_000L + r.nextInt(3) * 400L);
            String offset = offsets[r.nextInt(offsets.length)];
            java.time.ZoneOffset z = java.time.ZoneOffset.of(offset.equals("Z") ? "Z" : offset);
            java.time.LocalDateTime local = java.time.LocalDateTime.ofInstant(t, z);
            String text = local.toLocalDate() + (r.nextInt(5) == 0 ? " " : "T") + String.format(java.util.Locale.ROOT,
                    "%02d:%02d:%02d", local.getHour(), local.getMinute(), local.getSecond());
            int digits = r.nextInt(4) * 3;
            if (digits > 0) {
                text += "." + String.format(java.util.Locale.ROOT, "%09d", local.getNano()).substring(0, digits);
            }
            int kind = r.nextInt(20);
            out.add(kind == 0 ? text // a local time
                    : kind == 1 ? text.substring(0, 10) // a date
                    : kind == 2 ? "2026-02-30T10:00:00+01:00" // no such day: text
                    : kind == 3 ? text + "+15:00" // an offset beyond the ones in use: text
                    : text + offset);
        }
        return out;
    }

    @Test
    void instantsAreJavaTimesInstantsToTheMicrosecond() {
        assertThat(IsoInstants.micros("2026-10-25T02:10:00+01:00"))
                .isEqualTo(micros(Instant.parse("2026-10-25T01:10:00Z")));
        assertThat(IsoInstants.micros("2026-10-25 02:10+0130"))
                .isEqualTo(micros(Instant.parse("2026-10-25T00:40:00Z")));
        assertThat(IsoInstants.micros("1969-12-31T23:59:59.123456789-05"))
                .isEqualTo(micros(Instant.parse("1970-01-01T04:59:59.123456Z")));
        assertThat(IsoInstants.micros("2024-02-29T00:00:00.5Z")).isEqualTo(micros(Instant.parse("2024-02-29T00:00:00.5Z")));
        for (String none : List.of("2026-10-25T02:10:00", "2026-10-25", "2026-02-29T00:00Z", "2026-04-31T00:00Z",
                "2026-10-25T24:00Z", "2026-10-25T02:10:00+15:00", "2026-10-25T02:10:00z", "2026-10-25T02:10:00.Z",
                "2026-10-25T02:10:00+09:", "2026-10-25T02:10:60Z", "1729500000", "A-17")) {
            assertThat(IsoInstants.micros(none)).as(none).isEqualTo(IsoInstants.NONE);
        }
        // the same instant in two offsets: equal for the stale-data check, kept apart by their text in a range
        assertThat(KeyStats.compareTimes("2026-10-25T02:10:00+01:00", "2026-10-25T01:10:00Z")).isZero();
        assertThat(KeyStats.compareValues("2026-10-25T02:10:00+01:00", "2026-10-25T01:10:00Z")).isPositive();
        assertThat(KeyStats.compareValues("2026-10-25T02:10:00+01:00", "2026-10-25T02:50:00+02:00")).isPositive();
    }

    private static long micros(Instant i) {
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1_000);
    }

    private static List<String> range(Profile p, String column) {
        KeyStats k = p.column(column).keys();
        return java.util.Arrays.asList(k.min(), k.max());
    }
}
