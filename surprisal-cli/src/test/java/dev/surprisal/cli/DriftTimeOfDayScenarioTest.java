// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.mi.MiTable;
import dev.surprisal.data.mi.RankingResult;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileOptions;
import dev.surprisal.data.roles.NumberConvention;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.drift.DriftOptions;
import dev.surprisal.drift.DriftReport;
import dev.surprisal.drift.DriftScorer;
import dev.surprisal.drift.Status;
import dev.surprisal.selection.MiOptions;
import dev.surprisal.selection.RankedFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * time19 (audit18 finding 6) end to end: a login table whose {@code login_time} is a time of day ({@code 08:15:32},
 * exports' {@code 8:15 PM}) beside a user id, a country, a Yes/No flag and blank cells. Before, the column was
 * "id-like", not scored: a batch of night-time logins (00–06h against 08–18h) printed "no alarm", exit 0, and
 * {@code mi} left it out. Now it is a continuous column of seconds since midnight, through the CLI and the Java API.
 */
class DriftTimeOfDayScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** How a row's login time is written. */
    enum Spelling { H24, H12, MIXED }

    /**
     * 2,000 logins uniform between {@code fromHour} and {@code toHour}, written as {@code spelling} says (MIXED: every
     * other row as {@code 8:15:32 PM}), one blank login time in 100, a Yes/No flag {@code night_shift} that depends on
     * the hour, and a user id.
     */
    private Path logins(String name, long seed, double fromHour, double toHour, Spelling spelling) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        String[] countries = {"SE", "DE", "FR", "NO"};
        StringBuilder b = new StringBuilder("user_id,login_time,country,night_shift\n");
        for (int i = 0; i < 2000; i++) {
            int s = (int) (fromHour * 3600 + r.nextDouble() * (toHour - fromHour) * 3600);
            int h = s / 3600;
            boolean twelve = spelling == Spelling.H12 || spelling == Spelling.MIXED && i % 2 == 1;
            String t = twelve ? String.format(Locale.ROOT, "%d:%02d:%02d %s", h % 12 == 0 ? 12 : h % 12, s / 60 % 60,
                    s % 60, h >= 12 ? "PM" : "AM") : String.format(Locale.ROOT, "%02d:%02d:%02d", h, s / 60 % 60, s % 60);
            b.append("u").append(seed).append('-').append(i).append(',').append(i % 100 == 7 ? "" : t).append(',')
                    .append(countries[r.nextInt(4)]).append(',').append(r.nextDouble() < (h < 12 ? 0.8 : 0.2) ? "Yes" : "No")
                    .append('\n');
        }
        return Files.writeString(dir.resolve(name), b.toString());
    }

    /** The login_time column of a report. */
    private static dev.surprisal.drift.ColumnDrift loginTime(DriftReport report) {
        return report.columns().stream().filter(c -> c.name().equals("login_time")).findFirst().orElseThrow();
    }

    @Test
    void nightTimeLoginsAlarmAndTheColumnIsScoredAsSecondsSinceMidnight() throws IOException {
        Path ref = logins("ref.csv", 1, 8, 18, Spelling.H24);
        Path night = logins("night.csv", 2, 0, 6, Spelling.H24);
        Cli r = Cli.run("drift", "compare", ref.toString(), night.toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCode.ALARM);
        assertThat(r.out()).containsPattern("login_time +continuous +[0-9,]+ distinct times of day \\(08:0[0-9:]+ to "
                + "17:5[0-9:]+\\): continuous, scored as seconds since midnight");
        assertThat(r.out()).containsPattern("login_time +continuous .* DRIFT").contains("DRIFT: login_time: ");
        assertThat(r.out()).doesNotContain("login_time   id-like");

        // the Java API decides the same
        Profile reference = ProfileBuilder.fit(TableReader.open(ref), ProfileOptions.defaults());
        assertThat(reference.column("login_time").role()).isEqualTo(ColumnRole.CONTINUOUS);
        assertThat(reference.column("login_time").convention()).isEqualTo(NumberConvention.TIME_OF_DAY);
        DriftReport report = DriftScorer.compare(reference, ProfileBuilder.count(reference, TableReader.open(night)),
                DriftOptions.defaults());
        assertThat(loginTime(report).status()).isEqualTo(Status.DRIFT);

        // the bins a reader sees are times, not seconds since midnight
        Cli json = Cli.run("drift", "compare", ref.toString(), night.toString(), "--json", "--explain");
        JsonNode col = null;
        for (JsonNode c : JSON.readTree(json.out()).get("columns")) {
            col = c.get("column").asText().equals("login_time") ? c : col;
        }
        assertThat(col).isNotNull();
        assertThat(col.get("status").asText()).isEqualTo("DRIFT");
    }

    @Test
    void theSameLawInBothBatchesDoesNotAlarmOverSeveralSeeds() throws IOException {
        Path ref = logins("ref.csv", 10, 8, 18, Spelling.H24);
        Profile reference = ProfileBuilder.fit(TableReader.open(ref), ProfileOptions.defaults());
        for (long seed = 11; seed <= 15; seed++) {
            Path same = logins("same" + seed + ".csv", seed, 8, 18, Spelling.H24);
            Cli r = Cli.run("drift", "compare", ref.toString(), same.toString());
            assertThat(r.code()).as("seed %d: %s", seed, r.out()).isEqualTo(ExitCode.OK);
            assertThat(r.out()).containsPattern("login_time +continuous .* OK").contains("no alarm");
            DriftReport report = DriftScorer.compare(reference, ProfileBuilder.count(reference, TableReader.open(same)),
                    DriftOptions.defaults());
            assertThat(loginTime(report).status()).as("seed %d", seed).isEqualTo(Status.OK);
        }
    }

    @Test
    void twelveAndTwentyFourHourSpellingsAreOneLaw() throws IOException {
        Path ref = logins("ref.csv", 20, 8, 18, Spelling.H24);
        for (Spelling s : List.of(Spelling.H12, Spelling.MIXED)) {
            Path pm = logins("pm-" + s + ".csv", 21, 8, 18, s);
            Cli r = Cli.run("drift", "compare", ref.toString(), pm.toString());
            assertThat(r.code()).as("%s: %s", s, r.out()).isEqualTo(ExitCode.OK);
            assertThat(r.out()).containsPattern("login_time +continuous .* \\+0\\.00% +OK")
                    .doesNotContain("invalid cells in login_time");
        }
        // a reference written half 8:15 PM, half 20:15 is one column of times, read alike by both local engines
        Path mixed = logins("mixed.csv", 22, 8, 18, Spelling.MIXED);
        Profile inJava = ProfileBuilder.fit(TableReader.open(mixed), ProfileOptions.defaults());
        System.setProperty("surprisal.csvInJava", "false");
        Profile inDuckDb;
        try {
            inDuckDb = ProfileBuilder.fit(TableReader.open(mixed), ProfileOptions.defaults());
        } finally {
            System.clearProperty("surprisal.csvInJava");
        }
        for (Profile p : List.of(inJava, inDuckDb)) {
            assertThat(p.column("login_time").role()).as(p.column("login_time").reason())
                    .isEqualTo(ColumnRole.CONTINUOUS);
            assertThat(p.column("login_time").invalid()).isZero();
        }
        assertThat(inDuckDb.column("login_time").numericBins().edges())
                .isEqualTo(inJava.column("login_time").numericBins().edges());
    }

    @Test
    void aMonitorFreezesTheTimesAndAlarmsOnANightBatch() throws IOException {
        String store = dir.resolve("drift.duckdb").toString();
        Path ref = logins("ref.csv", 30, 8, 18, Spelling.H24);
        Cli base = Cli.run("drift", "baseline", "--monitor", "logins", "--data", ref.toString(), "--store", store);
        assertThat(base.code()).as(base.out() + base.err()).isEqualTo(ExitCode.OK);
        Cli same = Cli.run("drift", "check", "--monitor", "logins", "--data",
                logins("same.csv", 31, 8, 18, Spelling.MIXED).toString(), "--store", store);
        assertThat(same.code()).as(same.out()).isEqualTo(ExitCode.OK);
        Cli night = Cli.run("drift", "check", "--monitor", "logins", "--data",
                logins("night.csv", 32, 0, 6, Spelling.H12).toString(), "--store", store, "--report",
                dir.resolve("r.html").toString());
        assertThat(night.code()).as(night.out()).isEqualTo(ExitCode.ALARM);
        assertThat(night.out()).contains("DRIFT: login_time: ");
        // the report names the bins as times of day
        assertThat(Files.readString(dir.resolve("r.html"))).containsPattern("\\[0[89]:[0-9]{2}:[0-9]{2}, ");
    }

    /**
     * A batch whose app wrote "soon" and "25:99" in one login time in 20 (verdict20): the note under the table and
     * the HTML report said those cells were "neither a number nor missing", untrue of a column of times.
     */
    @Test
    void unreadableLoginTimesAreNamedAsNoTimesInTheNoteAndTheReport() throws IOException {
        Path ref = logins("ref.csv", 50, 8, 18, Spelling.H24);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(logins("day.csv", 51, 8, 18, Spelling.MIXED)));
        for (int i = 1; i < lines.size(); i += 20) {
            String[] f = lines.get(i).split(",", -1);
            f[1] = i % 40 == 1 ? "soon" : "25:99";
            lines.set(i, String.join(",", f));
        }
        Path day = Files.write(dir.resolve("day-junk.csv"), lines);
        Path html = dir.resolve("junk.html");
        Cli r = Cli.run("drift", "compare", ref.toString(), day.toString(), "--report", html.toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCode.ALARM);
        assertThat(r.out()).containsPattern("invalid cells in login_time: 5\\.00% of today's rows \\(neither a time of "
                + "day or duration \\(hh:mm or hh:mm:ss\\) nor missing\\); values: ")
                .contains("\"25:99\" ×50").contains("\"soon\" ×50").doesNotContain("(neither a number nor missing)");
        assertThat(Files.readString(html)).contains("Invalid values today (neither a time of day or duration (hh:mm or "
                + "hh:mm:ss) nor missing): ").contains("&quot;25:99&quot; ×50");
    }

    @Test
    void miRanksATargetThatDependsOnTheHourAboveNoise() throws IOException {
        Path f = logins("mi.csv", 40, 0, 24, Spelling.MIXED);
        Cli r = Cli.run("mi", "--data", f.toString(), "--target", "night_shift", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode features = JSON.readTree(r.out()).get("features");
        assertThat(features.get(0).get("feature").asText()).as(r.out()).isEqualTo("login_time");
        // the sequential permutation test stops once the p-value is decided at its resolution (0.01)
        assertThat(features.get(0).get("p_value").asDouble()).isLessThanOrEqualTo(0.01);
        assertThat(features.get(0).get("verdict").asText()).isNotEqualTo("no-evidence");
        for (int i = 1; i < features.size(); i++) {
            assertThat(features.get(i).get("above_chance").asDouble())
                    .isLessThan(features.get(0).get("above_chance").asDouble() / 10);
        }
        RankingResult lib = MiTable.read(f, RoleOverrides.none(), 42).ranking("night_shift", MiOptions.defaults(),
                null);
        RankedFeature top = lib.features().get(0);
        assertThat(top.feature()).isEqualTo("login_time");
        assertThat(top.pValue()).isLessThanOrEqualTo(0.01);
    }
}
