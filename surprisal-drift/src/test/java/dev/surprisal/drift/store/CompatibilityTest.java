// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.store;

import dev.surprisal.drift.rules.TrendRule;
import dev.surprisal.drift.rules.MonitoredCheck;

import dev.surprisal.data.TableReader;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileJson;
import dev.surprisal.data.profile.ProfileOptions;
import dev.surprisal.drift.DriftOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files written by earlier versions stay readable (compat/README.md says how they were made): the
 * DuckDB store of schema version 1 is migrated in place and keeps its baseline, runs and alarms,
 * the version-1, -2 and -3 profile JSON still read, and the store of schema version 2 reads as written.
 */
class CompatibilityTest {
    @TempDir
    Path dir;

    private static byte[] fixture(String name) throws Exception {
        try (InputStream in = CompatibilityTest.class.getResourceAsStream("compat/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    /**
     * What both store fixtures hold, read through today's code: monitor "orders", baseline version 1 of
     * 500 rows, two checks of three columns (2024-05-01 and 2024-05-02), one alarm (run 2, amount).
     */
    private static void assertTheOrdersHistory(DriftStore s) {
        assertThat(s.schemaVersion()).isEqualTo(StoreSchema.CURRENT);
        assertThat(s.monitors()).containsExactly("orders");
        DriftStore.Reference ref = s.reference("orders").orElseThrow();
        assertThat(ref.version()).isEqualTo(1);
        assertThat(ref.profile().rows()).isEqualTo(500);
        assertThat(ref.profile().columnNames()).containsExactly("amount", "country", "flag");
        List<HistoryPoint> h = s.history("orders", null);
        assertThat(h).extracting(HistoryPoint::runId).containsExactly(1L, 1L, 1L, 2L, 2L, 2L);
        assertThat(h).extracting(HistoryPoint::at).containsOnly("2024-05-01", "2024-05-02");
        assertThat(h).extracting(HistoryPoint::referenceVersion).containsOnly(1);
        // recorded before schema 3: no run is said to be a re-run
        assertThat(h).extracting(HistoryPoint::replacedRunId).containsOnly(-1L);
        assertThat(h).filteredOn(HistoryPoint::alarmed).extracting(HistoryPoint::runId, HistoryPoint::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "amount"));
        // the reason is the alarm's stored message, kept since schema version 1, without the column's name
        HistoryPoint alarmed = h.stream().filter(HistoryPoint::alarmed).findFirst().orElseThrow();
        assertThat(alarmed.why()).isEqualTo(alarmed.reason()).isNotBlank().doesNotStartWith("amount: ")
                .isNotEqualTo(HistoryPoint.REASON_NOT_STORED);
        assertThat(h).filteredOn(p -> !p.alarmed()).extracting(HistoryPoint::why).containsOnlyNulls();
        assertThat(s.counts()).containsExactly(2, 6, 0, 0);
    }

    /** An alarm stored without its words says so, rather than a reason guessed from today's rule. */
    @Test
    void anAlarmWithoutAStoredMessageSaysTheReasonWasNotStored() throws Exception {
        Path store = dir.resolve("store-v1.duckdb");
        Files.write(store, fixture("store-v1.duckdb"));
        try (DriftStore s = DriftStore.open(StoreUrl.parse(store.toString()), false, 10_000)) {
            try (java.sql.Statement st = s.connectionForTest().createStatement()) {
                st.execute("UPDATE alarms SET message = ''");
            }
            HistoryPoint alarmed = s.history("orders", "amount").get(1);
            assertThat(alarmed.alarmed()).isTrue();
            assertThat(alarmed.reason()).isNull();
            assertThat(alarmed.why()).isEqualTo(HistoryPoint.REASON_NOT_STORED);
        }
    }

    @Test
    void aSchemaVersion1StoreIsMigratedAndKeepsItsHistory() throws Exception {
        Path store = dir.resolve("store-v1.duckdb");
        Files.write(store, fixture("store-v1.duckdb"));
        try (DriftStore s = DriftStore.open(StoreUrl.parse(store.toString()), false, 10_000)) {
            assertTheOrdersHistory(s);
            // the migrated store takes new checks, and the old run of 2024-05-02 is replaced, not duplicated
            Profile day = ProfileJson.read(new String(fixture("profile-v1.json"), StandardCharsets.UTF_8));
            MonitoredCheck.Outcome o = MonitoredCheck.check(s, "orders", "2024-05-02", day, DriftOptions.defaults(),
                    TrendRule.defaults());
            assertThat(o.replacedRunId()).isEqualTo(2);
            assertThat(o.alarm()).as("the reference against itself").isFalse();
            // the re-run keeps its day's place and says which run it replaced (schema 3's replaced_run)
            List<HistoryPoint> h = s.history("orders", "amount");
            assertThat(h).extracting(HistoryPoint::at).containsExactly("2024-05-01", "2024-05-02");
            assertThat(h.get(1).runId()).isEqualTo(o.runId());
            assertThat(h.get(1).rerun()).isTrue();
            assertThat(h.get(1).replacedRunId()).isEqualTo(2);
            assertThat(h.get(0).rerun()).isFalse();
        }
        try (DriftStore s = DriftStore.open(store.toString())) {
            assertThat(s.counts()).containsExactly(2, 6, 0, 0);
            assertThat(s.schemaVersion()).isEqualTo(StoreSchema.CURRENT);
        }
    }

    /** The store of schema version 2, written by the version that introduced it, reads as it was. */
    @Test
    void aSchemaVersion2StoreReadsWithItsHistory() throws Exception {
        Path store = dir.resolve("store-v2.duckdb");
        Files.write(store, fixture("store-v2.duckdb"));
        try (DriftStore s = DriftStore.open(StoreUrl.parse(store.toString()), false, 10_000)) {
            assertTheOrdersHistory(s);
        }
    }

    /** A version-3 profile (the format of the version that wrote it) reads as the profile fitted today. */
    @Test
    void aVersion3ProfileJsonReadsAsTheProfileFittedToday() throws Exception {
        Profile old = readsAsTheProfileFittedToday("profile-v3.json");
        assertThat(old.rows()).isEqualTo(500);
    }

    /**
     * A version-5 profile (a column of times of day, time19: {@code "timeOfDay": true}, edges in seconds since
     * midnight) reads back as the profile fitted today from the same file, and a later day written with the other
     * spelling of the same times ({@code 8:15 PM} for {@code 20:15}) counts into the same bins; a profile without such a
     * column is still written as version 3 (or 4), which earlier builds read.
     */
    @Test
    void aVersion5ProfileWithTimesOfDayReadsAsTheProfileFittedToday() throws Exception {
        Profile old = ProfileJson.read(new String(fixture("profile-v5-times.json"), StandardCharsets.UTF_8));
        assertThat(old.column("login_time").convention())
                .isEqualTo(dev.surprisal.data.roles.NumberConvention.TIME_OF_DAY);
        assertThat(old.column("login_time").role()).isEqualTo(dev.surprisal.core.ColumnRole.CONTINUOUS);
        assertThat(old.column("login_time").invalid()).isEqualTo(1);
        Path ref = dir.resolve("times-ref.csv");
        Files.write(ref, fixture("times-ref.csv"));
        Profile today = ProfileBuilder.fit(TableReader.open(ref), ProfileOptions.defaults());
        assertThat(today.column("login_time").numericBins().edges())
                .isEqualTo(old.column("login_time").numericBins().edges());
        assertThat(ProfileJson.write(today)).contains("\"version\":" + ProfileJson.TIME_OF_DAY_VERSION)
                .contains("\"timeOfDay\":true");
        // the same rows with every time written the other way (24-hour as 12-hour and back): the same counts
        List<String> lines = Files.readAllLines(ref);
        StringBuilder swapped = new StringBuilder(lines.get(0)).append('\n');
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            double s = dev.surprisal.data.roles.Cells.timeOfDay(f[1]);
            if (!Double.isNaN(s)) {
                int h = (int) s / 3600;
                int m = (int) s / 60 % 60;
                f[1] = f[1].contains("M") ? String.format(java.util.Locale.ROOT, "%02d:%02d", h, m)
                        : String.format(java.util.Locale.ROOT, "%d:%02d:%02d %s", h % 12 == 0 ? 12 : h % 12, m,
                        (int) s % 60, h >= 12 ? "pm" : "am");
            }
            swapped.append(String.join(",", f)).append('\n');
        }
        Path day = Files.writeString(dir.resolve("swapped.csv"), swapped);
        assertThat(ProfileBuilder.count(old, TableReader.open(day)).column("login_time").counts())
                .isEqualTo(old.column("login_time").counts());
        assertThat(ProfileJson.write(ProfileBuilder.fit(TableReader.open(ref),
                ProfileOptions.defaults().withColumns(List.of("country")))))
                .contains("\"version\":3,");
    }

    /**
     * A version-2 profile (written before samples were stored as rows, version 3) reads as the
     * profile fitted today from the same file: same roles, bins, counts and sample, byte for byte.
     */
    @Test
    void aVersion2ProfileJsonReadsAsTheProfileFittedToday() throws Exception {
        Profile old = readsAsTheProfileFittedToday("profile-v2.json");
        assertThat(old.column("amount").sample().size()).as("every row of 500").isEqualTo(500);
        // a plain profile (no decimal comma, date layout, folded labels or buckets) is written as version 3
        assertThat(ProfileJson.write(old)).contains("\"version\":3,").contains("\"rows\":\"");
    }

    /**
     * Reads a profile fixture and asserts it writes byte for byte as the profile fitted today from
     * ref.csv, but for the moments' last bits: the version that wrote the fixture updated them by
     * Welford in memory, today's sums them exactly (SqlMoments), so they agree to 1e-12 relative.
     */
    private Profile readsAsTheProfileFittedToday(String fixture) throws Exception {
        Profile old = ProfileJson.read(new String(fixture(fixture), StandardCharsets.UTF_8));
        Path ref = dir.resolve("ref.csv");
        Files.write(ref, fixture("ref.csv"));
        Profile today = ProfileBuilder.fit(TableReader.open(ref), ProfileOptions.defaults());
        com.fasterxml.jackson.databind.node.ObjectNode a = ProfileJson.toTree(old);
        com.fasterxml.jackson.databind.node.ObjectNode b = ProfileJson.toTree(today);
        int compared = 0;
        for (int i = 0; i < a.get("columns").size(); i++) {
            var ca = (com.fasterxml.jackson.databind.node.ObjectNode) a.get("columns").get(i);
            var cb = (com.fasterxml.jackson.databind.node.ObjectNode) b.get("columns").get(i);
            if (ca.has("moments") && cb != null && cb.has("moments")) {
                var ma = ca.remove("moments");
                var mb = cb.remove("moments");
                assertThat(ma.get("count")).as(fixture).isEqualTo(mb.get("count"));
                for (String k : List.of("mean", "m2", "min", "max")) {
                    double x = ma.get(k).asDouble();
                    assertThat(x).as(fixture + " " + k).isCloseTo(mb.get(k).asDouble(),
                            org.assertj.core.api.Assertions.within(1e-12 * Math.max(1, Math.abs(x))));
                }
                compared++;
            }
        }
        assertThat(compared).as(fixture + ": the moments of amount").isPositive();
        assertThat(a.toString()).as(fixture).isEqualTo(b.toString());
        return old;
    }

    @Test
    void aVersion1ProfileJsonStillReads() throws Exception {
        Profile p = ProfileJson.read(new String(fixture("profile-v1.json"), StandardCharsets.UTF_8));
        assertThat(p.rows()).isEqualTo(500);
        assertThat(p.columnNames()).containsExactly("amount", "country", "flag");
        assertThat(p.column("amount").counts()).hasSize(22);
        assertThat(p.column("country").missing()).isZero();
    }

    /**
     * A profile with the label keys (drift18) reads as written: folded bins, the variants found, and a later day's
     * spellings of SE, one the reference never wrote included, counted in SE's bin.
     */
    @Test
    void aProfileWithFoldedLabelsReadsAndFoldsALaterDayAlike() throws Exception {
        String json = new String(fixture("profile-v3-labels.json"), StandardCharsets.UTF_8);
        Profile p = ProfileJson.read(json);
        dev.surprisal.data.profile.CategoryBins bins = p.column("country").categoryBins();
        assertThat(bins.folded()).isTrue();
        assertThat(bins.top()).containsExactly("SE", "DE");
        assertThat(bins.variants()).singleElement().extracting(dev.surprisal.data.roles.LabelVariants.Group::kept)
                .isEqualTo("SE");
        assertThat(p.column("country").counts()[bins.binOf("SE")]).isEqualTo(42);
        assertThat(bins.binOf(" Se")).isEqualTo(bins.binOf("SE"));
        // written again as version 4: a version-3 reader would ignore "labelsFolded" and call " SE" a new label
        assertThat(ProfileJson.write(p)).isEqualTo(json.replace("\"version\":3,", "\"version\":4,"));
        Path day = dir.resolve("day.csv");
        Files.writeString(day, "country,amount\nSE,10.5\n SE,11.5\nse,12.5\nDE,10.5\nNO,9.5\n");
        Profile today = ProfileBuilder.count(p, TableReader.open(day));
        assertThat(today.column("country").counts()[bins.binOf("SE")]).isEqualTo(3);
        assertThat(today.column("country").unseen()).containsOnlyKeys("NO");
        // a profile without the keys (every one written before) is not folded
        assertThat(ProfileJson.read(json.replace("\"labelsFolded\":true,", "")).column("country").categoryBins()
                .folded()).isFalse();
    }
}
