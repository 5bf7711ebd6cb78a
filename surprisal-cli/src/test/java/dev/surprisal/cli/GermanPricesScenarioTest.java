// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.profile.ColumnProfile;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileOptions;
import dev.surprisal.data.roles.Cells;
import dev.surprisal.data.roles.NumberConvention;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Issue 9 (cells13): German Excel price exports (UTF-8 BOM, CRLF, ';') whose prices are written {@code 1.299,00},
 * {@code 1.299} (whole euros, '.' thousands groups), {@code 19,99} and {@code 569,97}, made with pandas' reading of
 * them by {@code tools/reference/german_prices.py}. The column's convention is the decimal comma, so {@code 1.299}
 * is 1299 on every path, as pandas' {@code read_csv(decimal=',', thousands='.')} reads it; before, the column was
 * text (or its whole euros a thousand times too small), and prices that tripled were never an alarm. The baseline
 * freezes the convention: a later day written in whole euros only ({@code 1.299}, no decimal comma at all) is read
 * as 1299, not as 1.299.
 */
class GermanPricesScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FILES = List.of("ref.csv", "day.csv", "x3.csv", "whole.csv");

    @TempDir
    Path dir;
    private JsonNode pandas;

    @BeforeEach
    void copyFiles() throws IOException {
        for (String f : FILES) {
            try (InputStream in = resource(f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
        try (InputStream in = resource("pandas.json")) {
            pandas = JSON.readTree(in).path("files");
        }
    }

    private static InputStream resource(String name) {
        return GermanPricesScenarioTest.class.getResourceAsStream("/golden/german_prices/" + name);
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    private static String row(Cli r, String column) {
        return r.out().lines().filter(l -> l.startsWith(column + " ")).findFirst().orElseThrow();
    }

    @Test
    void tripledPricesDriftTheSameDayIsOkAndTheReasonSaysTheConvention() {
        Cli same = Cli.run("drift", "compare", file("ref.csv"), file("day.csv"), "--delimiter", ";");
        assertThat(same.code()).as(same.out() + same.err()).isZero();
        assertThat(row(same, "Preis")).endsWith(" OK");
        assertThat(same.out()).containsPattern("(?m)^  Preis +continuous +.*: continuous; read as numbers with a decimal"
                + " comma \\(1\\.234,56\\), as its [0-9,]+ cells like [0-9.,]+ write them; [0-9,]+ cells like [0-9.]+ read"
                + " with '\\.' thousands separators \\(1\\.299 as 1299\\)");

        Cli tripled = Cli.run("drift", "compare", file("ref.csv"), file("x3.csv"), "--delimiter", ";");
        assertThat(tripled.code()).as(tripled.out() + tripled.err()).isEqualTo(ExitCode.ALARM);
        assertThat(row(tripled, "Preis")).endsWith(" DRIFT");
    }

    @Test
    void theReasonAndTheConventionAreInTheJson() throws IOException {
        Cli same = Cli.run("drift", "compare", file("ref.csv"), file("day.csv"), "--delimiter", ";", "--json");
        assertThat(same.code()).as(same.out() + same.err()).isZero();
        assertThat(same.out()).contains("read as numbers with a decimal comma (1.234,56)");
    }

    @Test
    void everyPathReadsThePricesAsPandasDoes() {
        for (String f : List.of("ref.csv", "day.csv", "x3.csv")) {
            for (boolean duckDb : new boolean[] {false, true}) {
                Supplier<Profile> fit = () -> ProfileBuilder.fit(TableReader.open(dir.resolve(f)).withDelimiter(';'),
                        ProfileOptions.defaults());
                ColumnProfile p = (duckDb ? viaDuckDb(fit) : fit.get()).column("Preis");
                JsonNode g = pandas.path(f);
                String as = f + (duckDb ? " (DuckDB)" : " (Java)") + ": " + p.reason();
                assertThat(p.convention()).as(as).isEqualTo(NumberConvention.DECIMAL_COMMA);
                assertThat(p.invalid()).as(as).isZero();
                assertThat(p.moments().count()).as(as).isEqualTo(g.path("count").asLong());
                assertThat(p.moments().min()).as(as).isEqualTo(g.path("min").asDouble());
                assertThat(p.moments().max()).as(as).isEqualTo(g.path("max").asDouble());
                assertThat(p.moments().mean() * p.moments().count()).as(as)
                        .isCloseTo(g.path("sum").asDouble(), within(1e-9 * g.path("sum").asDouble()));
            }
        }
    }

    @Test
    void eachCellIsThePandasValue() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("ref.csv"), StandardCharsets.UTF_8);
        JsonNode first = pandas.path("ref.csv").path("first");
        for (int i = 0; i < first.size(); i++) {
            String cell = lines.get(i + 1).split(";", -1)[2];
            double x = cell.isEmpty() ? Double.NaN : Cells.number(cell, NumberConvention.DECIMAL_COMMA);
            if (first.get(i).isNull()) {
                assertThat(x).as(cell).isNaN();
            } else {
                assertThat(x).as(cell).isEqualTo(first.get(i).asDouble());
            }
        }
        assertThat(lines.subList(11, 15)).extracting(l -> l.split(";")[2])
                .containsExactly("1.299,00", "1.299", "19,99", "569,97");
    }

    @Test
    void theBaselineFreezesTheConventionForADayOfWholeEurosOnly() {
        String store = dir.resolve("drift.duckdb").toString();
        Cli b = Cli.run("drift", "baseline", "--monitor", "preise", "--data", file("ref.csv"), "--delimiter", ";",
                "--store", store);
        assertThat(b.code()).as(b.out() + b.err()).isZero();
        // whole.csv has no decimal comma: read alone its 1.299 would be 1.299 euros, a thousand times too small
        Cli day = Cli.run("drift", "check", "--monitor", "preise", "--data", file("whole.csv"), "--delimiter", ";",
                "--store", store);
        assertThat(day.out()).as(day.out() + day.err()).containsPattern("(?m)^Preis .* OK$");
        Cli x3 = Cli.run("drift", "check", "--monitor", "preise", "--data", file("x3.csv"), "--delimiter", ";",
                "--store", store);
        assertThat(x3.out()).as(x3.out() + x3.err()).containsPattern("(?m)^Preis .* DRIFT$");
        assertThat(x3.code()).isEqualTo(ExitCode.ALARM);
    }

    @Test
    void aCountOnTheBaselineReadsWholeEurosWithItsConvention() {
        // read alone, nothing in whole.csv says decimal comma: its 1.299 is 1.299 there, which is why the baseline
        // freezes the convention
        ColumnProfile alone = ProfileBuilder.fit(TableReader.open(dir.resolve("whole.csv")).withDelimiter(';'),
                ProfileOptions.defaults()).column("Preis");
        assertThat(alone.convention()).as(alone.reason()).isEqualTo(NumberConvention.DECIMAL_POINT);
        for (boolean duckDb : new boolean[] {false, true}) {
            Supplier<Profile> run = () -> ProfileBuilder.count(ProfileBuilder.fit(TableReader.open(dir.resolve(
                    "ref.csv")).withDelimiter(';'), ProfileOptions.defaults()),
                    TableReader.open(dir.resolve("whole.csv")).withDelimiter(';'));
            ColumnProfile p = (duckDb ? viaDuckDb(run) : run.get()).column("Preis");
            JsonNode g = pandas.path("whole.csv");
            assertThat(p.invalid()).isZero();
            assertThat(p.moments().min()).as(duckDb ? "DuckDB" : "Java").isEqualTo(g.path("min").asDouble());
            assertThat(p.moments().max()).as(duckDb ? "DuckDB" : "Java").isEqualTo(g.path("max").asDouble());
        }
    }

    /** {@code body} on DuckDB's path for every file (the switch CsvProfiler reads). */
    private static <T> T viaDuckDb(Supplier<T> body) {
        System.setProperty("surprisal.csvInJava", "false");
        try {
            return body.get();
        } finally {
            System.clearProperty("surprisal.csvInJava");
        }
    }
}
