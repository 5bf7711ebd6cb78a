// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drift verbs' handling of the store and of auxiliary outputs: nothing lost (a failed report is
 * a warning, the alarm's exit code stays), nothing duplicated (a retry replaces its run), nothing
 * created by a read, and unsupported stores are usage errors.
 */
class DriftStoreCommandsTest {
    @TempDir
    Path dir;

    private Path csv(String name, long seed, double mean) throws IOException {
        SplittableRandom rng = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder("amount,city\n");
        for (int i = 0; i < 2000; i++) {
            b.append(String.format(Locale.ROOT, "%.5f,%s%n", mean + rng.nextDouble() * 2, "xyz".charAt(rng.nextInt(3))));
        }
        Path p = dir.resolve(name);
        Files.writeString(p, b.toString(), StandardCharsets.UTF_8);
        return p;
    }

    private String store() {
        return dir.resolve("s/drift.duckdb").toString();
    }

    private Cli check(Path day, String at, String... more) {
        String[] base = {"drift", "check", "--monitor", "m", "--data", day.toString(), "--at", at, "--store", store()};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return Cli.run(args);
    }

    @Test
    void aStorePathToAnExistingDataFileIsRefusedAndTheFileKept() throws IOException {
        // the user's own reference file given as --store (a slip of the tab key): it used to say "written to
        // ref.csv", leave the file as it was and keep no baseline, so every later check said "no monitors yet"
        Path ref = csv("ref.csv", 1, 0);
        byte[] before = Files.readAllBytes(ref);
        Cli r = Cli.run("drift", "baseline", "--monitor", "m", "--data", ref.toString(), "--store", ref.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(r.out()).doesNotContain("written to");
        assertThat(r.err()).contains(ref.toString()).contains("a text file (a CSV or other data file?), not a DuckDB "
                + "store; nothing was written to it").contains("e.g. drift.duckdb").doesNotContain("\tat ");
        assertThat(Files.readAllBytes(ref)).isEqualTo(before);
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("ref.csv");
        // an empty file: the same refusal in our words, not DuckDB's "not a valid DuckDB database file"
        Path empty = Files.createFile(dir.resolve("empty.txt"));
        Cli e = Cli.run("drift", "history", "--monitor", "m", "--store", empty.toString());
        assertThat(e.code()).as(e.err()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(e.err()).contains("an empty file, not a DuckDB store").doesNotContain("IO Error");
        assertThat(Files.size(empty)).isZero();
    }

    @Test
    void aReportThatCannotBeWrittenIsAWarningAndTheAlarmKeepsItsExitCode() throws IOException {
        assertThat(Cli.run("drift", "baseline", "--monitor", "m", "--data", csv("ref.csv", 1, 0).toString(),
                "--store", store()).code()).isZero();
        Path shifted = csv("day.csv", 2, 5);
        for (String bad : new String[] {dir.resolve("missing/r.html").toString(), dir.toString(), "/dev/full"}) {
            Cli r = check(shifted, "2024-05-01", "--report", bad);
            assertThat(r.code()).as(bad + ": " + r.err()).isEqualTo(ExitCode.ALARM);
            assertThat(r.out()).contains("amount").contains("DRIFT").contains("recorded in");
            assertThat(r.err()).startsWith("surprisal: warning: cannot write the report to " + bad + ": ")
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }
        assertThat(check(shifted, "2024-05-01", "--report", dir.resolve("missing/r.html").toString()).err())
                .contains(": no such directory");
        assertThat(check(shifted, "2024-05-01", "--report", dir.toString()).err()).contains(": a directory, not a file");
        // the same day was checked four times: one run, the last one, which replaced the third
        Cli last = check(shifted, "2024-05-01");
        assertThat(last.out()).containsPattern("run \\d+ recorded in .*: the first check of monitor 'm' against baseline "
                + "version 1, at 2024-05-01; replaced run \\d+");
        Cli h = Cli.run("drift", "history", "--monitor", "m", "--store", store(), "--json");
        assertThat(h.code()).isZero();
        assertThat(h.out().split("\"column\" : \"amount\"", -1)).hasSize(2);
        // a good path: written atomically, no temporary file left next to it
        Path html = dir.resolve("r.html");
        assertThat(check(shifted, "2024-05-02", "--report", html.toString()).err()).isEmpty();
        assertThat(html).isRegularFile();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void theSparklineSaysWhichWarnBandItDraws() throws IOException {
        // before: "the warn band 0.1000" under checks run with --warn 0.5, as if it were theirs
        Path ref = csv("ref.csv", 1, 0);
        Cli.run("drift", "baseline", "--monitor", "m", "--data", ref.toString(), "--store", store());
        assertThat(check(csv("d1.csv", 3, 0), "2024-05-01", "--warn", "0.5").code()).isZero();
        assertThat(Cli.run("drift", "history", "--monitor", "m", "--store", store()).out())
                .contains("the PSI warn band 0.1000 of the baseline's rule (a --warn given to a check alone is not "
                        + "recorded) and twice its noise level (critical), so noise reads low)");
        Cli.run("drift", "baseline", "--monitor", "m", "--data", ref.toString(), "--store", store(), "--warn", "0.5");
        check(csv("d2.csv", 4, 0), "2024-05-02");
        assertThat(Cli.run("drift", "history", "--monitor", "m", "--store", store()).out())
                .contains("the PSI warn band 0.5000 of the baseline's rule");
    }

    @Test
    void aSecondBaselineSaysItReplacedTheFirstAndHistoryStartsAgain() throws IOException {
        Path ref = csv("ref.csv", 1, 0);
        Cli first = Cli.run("drift", "baseline", "--monitor", "m", "--data", ref.toString(), "--store", store());
        assertThat(first.out()).doesNotContain("replaced");
        check(csv("d1.csv", 3, 0), "2024-05-01");
        check(csv("d2.csv", 4, 0), "2024-05-02");
        Cli second = Cli.run("drift", "baseline", "--monitor", "m", "--data", ref.toString(), "--store", store());
        assertThat(second.code()).isZero();
        assertThat(second.out()).contains("replaced the baseline (2 earlier checks");
        Cli h = Cli.run("drift", "history", "--monitor", "m", "--store", store());
        assertThat(h.code()).isZero();
        assertThat(h.out()).contains("has no checks");
        check(csv("d3.csv", 5, 0), "2024-05-03");
        Cli json = Cli.run("drift", "history", "--monitor", "m", "--store", store(), "--json");
        assertThat(json.code()).isZero();
        com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
        assertThat(root.get("baseline_version").asInt()).isEqualTo(2);
        assertThat(root.get("history")).isNotEmpty();
        root.get("history").forEach(p -> assertThat(p.get("baseline_version").asInt()).isEqualTo(2));
        assertThat(root.get("history").findValuesAsText("at")).containsOnly("2024-05-03");
    }

    @Test
    void historyOfAnUnknownColumnIsBadDataListingTheColumns() throws IOException {
        assertThat(Cli.run("drift", "baseline", "--monitor", "m", "--data", csv("ref.csv", 1, 0).toString(),
                "--store", store()).code()).isZero();
        // it said "no checks of column 'nosuch' yet", exit 0
        Cli h = Cli.run("drift", "history", "--monitor", "m", "--store", store(), "--column", "nosuch");
        assertThat(h.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(h.err()).contains("column 'nosuch' is not in the baseline of monitor 'm'; its columns: amount, city");
        Cli known = Cli.run("drift", "history", "--monitor", "m", "--store", store(), "--column", "amount");
        assertThat(known.code()).isZero();
        assertThat(known.out()).contains("has no checks of column 'amount' yet");
    }

    @Test
    void aPostgresUrlWithoutJdbcCreatesNoFileAndShowsNoPassword() throws IOException {
        Path ref = csv("ref.csv", 1, 0);
        String url = "postgresql://localhost:55431/sdb?user=postgres&password=S3cretPw";
        for (String verb : new String[] {"baseline", "history"}) {
            Cli r = verb.equals("baseline")
                    ? Cli.run("drift", "baseline", "--monitor", "m", "--data", ref.toString(), "--store", url)
                    : Cli.run("drift", "history", "--monitor", "m", "--store", url);
            assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.USAGE);
            assertThat(r.err()).contains("write jdbc:postgresql://localhost:55431/sdb");
            assertThat(r.out() + r.err()).doesNotContain("S3cretPw");
        }
        assertThat(Path.of("postgresql:")).doesNotExist();
    }

    @Test
    void aRaggedCsvIsBadDataAtItsLineNotAnotherHeader() throws IOException {
        Path rg = dir.resolve("rg9.csv");
        Files.writeString(rg, "a,b\n1,x\n2,y\n3,z,9\n4,w,8\n5,v,7\n6,u,6\n");
        // it was "baseline 'r': 3 rows, 3 columns" (columns 3, z, 9), exit 0
        Cli b = Cli.run("drift", "baseline", "--monitor", "r", "--data", rg.toString(), "--store", store());
        assertThat(b.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(b.err()).contains(rg + ": line 4: expected 2 fields, found 3 (too many)");
        Cli e = Cli.run("entropy", "--data", rg.toString(), "--column", "z", "--json");
        assertThat(e.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(e.err()).contains("line 4: expected 2 fields, found 3");
    }

    @Test
    void aMonitorNameWithControlCharactersIsRefusedAndNeverEchoedRaw() throws IOException {
        Path ref = csv("ref.csv", 1, 0);
        Cli b = Cli.run("drift", "baseline", "--monitor", "evil\u001b[2J\nname", "--data", ref.toString(),
                "--store", store());
        assertThat(b.code()).isEqualTo(ExitCode.USAGE);
        assertThat(b.err()).contains("--monitor 'evil\\e[2J\\nname': must not hold control characters (\\e at "
                + "character 5)").doesNotContain("\u001b");
        assertThat(dir.resolve("s")).doesNotExist();
        // a name only echoed (an unknown monitor) is escaped, not refused
        Cli c = check(ref, "2024-05-01");
        Cli h = Cli.run("drift", "history", "--monitor", "x\u001b]0;pwned\u0007", "--store", store());
        assertThat(h.err() + c.err()).doesNotContain("\u001b").doesNotContain("\u0007");
    }

    @Test
    void readingAStoreThatDoesNotExistCreatesNothing() throws IOException {
        Path day = csv("day.csv", 2, 0);
        Cli h = Cli.run("drift", "history", "--monitor", "m", "--store", store());
        assertThat(h.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(h.err()).contains("no store at " + Path.of(store()).toAbsolutePath()).contains("drift baseline");
        Cli c = check(day, "2024-05-01");
        assertThat(c.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(dir.resolve("s")).doesNotExist();
    }

    @Test
    void anUnsupportedStoreIsAUsageErrorListingTheSupportedOnesWithoutThePassword() throws IOException {
        Cli r = Cli.run("drift", "history", "--monitor", "m", "--store", "jdbc:mysql://h/db?user=u&password=S3cret");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("unsupported database 'jdbc:mysql'").contains("jdbc:postgresql://")
                .doesNotContain("S3cret");
        Cli refused = Cli.run("drift", "history", "--monitor", "m", "--store",
                "jdbc:postgresql://127.0.0.1:1/nodb?user=u&password=S3cret&connectTimeout=2");
        assertThat(refused.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(refused.err()).contains("cannot connect to the store jdbc:postgresql://127.0.0.1:1/nodb?user=u")
                .doesNotContain("S3cret");
        assertThat(refused.out()).doesNotContain("S3cret");
        Path pw = dir.resolve("pw.txt");
        Files.writeString(pw, "Fr0mF1le\n");
        Cli fromFile = Cli.run("drift", "history", "--monitor", "m", "--store-password-file", pw.toString(),
                "--store", "jdbc:postgresql://127.0.0.1:1/nodb?user=u&connectTimeout=2");
        assertThat(fromFile.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(fromFile.err() + fromFile.out()).doesNotContain("Fr0mF1le");
        assertThat(Cli.run("drift", "history", "--monitor", "m", "--store-password-file", pw.toString(),
                "--store", store()).code()).as("a password file for a DuckDB store").isEqualTo(ExitCode.USAGE);
    }

    @Test
    void dataFilesAreCheckedAndReadAsTyped() throws IOException {
        Path ref = csv("ref.csv", 1, 0);
        Path semi = dir.resolve("semi.csv");
        Files.writeString(semi, Files.readString(ref).replace(',', ';'));
        Cli suggested = Cli.run("drift", "baseline", "--monitor", "m", "--data", semi.toString(), "--store", store());
        assertThat(suggested.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(suggested.err()).contains("looks semicolon-separated").contains("--delimiter ';'");
        Cli withDelimiter = Cli.run("drift", "baseline", "--monitor", "m", "--data", semi.toString(), "--delimiter",
                ";", "--store", store());
        assertThat(withDelimiter.code()).as(withDelimiter.err()).isZero();
        assertThat(withDelimiter.out()).contains("amount").contains("city");
        assertThat(Cli.run("drift", "compare", ref.toString(), semi.toString(), "--delimiter", "ab").code())
                .isEqualTo(ExitCode.USAGE);
        // a ',' reference and a ';' export of the same day: --delimiter once applied to both, and the reference
        // was refused as "none of the reference's columns (amount,city) is in this file"
        Cli oneDelimiter = Cli.run("drift", "compare", ref.toString(), semi.toString(), "--delimiter", ";");
        assertThat(oneDelimiter.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(oneDelimiter.err()).contains("ref.csv").contains("the delimiter given does not fit this file")
                .contains("its delimiter is ','");
        Cli twoDelimiters = Cli.run("drift", "compare", ref.toString(), semi.toString(), "--delimiter", ";",
                "--reference-delimiter", ",", "--json");
        assertThat(twoDelimiters.code()).as(twoDelimiters.err()).isZero();
        Cli same = Cli.run("drift", "compare", ref.toString(), ref.toString(), "--json");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(json.readTree(twoDelimiters.out()).path("columns")).isNotEmpty()
                .isEqualTo(json.readTree(same.out()).path("columns"));
        // mi and entropy --data take the same --delimiter, with the same answers as the comma file
        Cli miSemi = Cli.run("mi", "--data", semi.toString(), "--x", "amount", "--y", "city", "--delimiter", ";");
        assertThat(miSemi.code()).as(miSemi.err()).isZero();
        assertThat(miSemi.out()).isEqualTo(Cli.run("mi", "--data", ref.toString(), "--x", "amount", "--y", "city").out());
        Cli hSemi = Cli.run("entropy", "--data", semi.toString(), "--column", "city", "--delimiter", ";");
        assertThat(hSemi.code()).as(hSemi.err()).isZero();
        assertThat(hSemi.out()).isEqualTo(Cli.run("entropy", "--data", ref.toString(), "--column", "city").out());
        assertThat(Cli.run("entropy", "0.5", "0.5", "--delimiter", ";").code()).isEqualTo(ExitCode.USAGE);

        Cli directory = Cli.run("drift", "check", "--monitor", "m", "--data", dir.toString(), "--store", store());
        assertThat(directory.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(directory.err()).contains(dir + ": a directory, not a file");
        // 'day[1].csv' is that file, never the pattern matching 'day1.csv'
        csv("day1.csv", 7, 5);
        Path literal = csv("day[1].csv", 8, 0);
        Cli c = Cli.run("drift", "check", "--monitor", "m", "--data", literal.toString(), "--delimiter", ",",
                "--at", "2024-05-01", "--store", store());
        assertThat(c.code()).as(c.err()).isZero();
        Cli stdin = Cli.run("drift", "check", "--monitor", "m", "--data", "-", "--store", store());
        assertThat(stdin.code()).isEqualTo(ExitCode.USAGE);
        assertThat(stdin.err()).contains("--data: '-' (standard input or output) is not supported");
    }
}
