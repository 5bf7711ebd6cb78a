// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * audit18 finding 2: {@code entropy --data F --column C} counted the raw spellings of a column's cells (a GROUP BY
 * of their text) while {@code mi} and {@code drift} read them by the one rule of {@code Cells}: {@code 3} and
 * {@code 3.0} were two outcomes, {@code NA}, {@code null}, {@code None} were labels, {@code abc} and {@code inf} in a
 * numeric column were counted silently, and the JSON's {@code distinct} contradicted the role's reason.
 */
class EntropyCellReadingScenarioTest {
    private static final double LOG2_5 = Math.log(5) / Math.log(2);

    /**
     * A survey export: ratings 1 to 5 written half as {@code 3}, half as {@code 3.0} (a float column round-tripped
     * through pandas), 10 {@code abc} and 11 {@code inf} among them, and a label y.
     */
    private static Path ratings(Path dir) throws IOException {
        StringBuilder b = new StringBuilder("rating,y\n");
        SplittableRandom r = new SplittableRandom(18);
        for (int i = 0; i < 1000; i++) {
            String cell;
            if (i == 3 || i % 111 == 7) {
                cell = "abc";
            } else if (i % 90 == 1) {
                cell = "inf";
            } else {
                int v = 1 + r.nextInt(5);
                cell = r.nextBoolean() ? Integer.toString(v) : v + ".0";
            }
            b.append(cell).append(',').append(r.nextBoolean() ? "a" : "b").append('\n');
        }
        return Files.writeString(dir.resolve("rating.csv"), b.toString());
    }

    private static JsonNode json(Cli r) throws IOException {
        assertThat(r.code()).as(r.err()).isZero();
        return Json.mapper().readTree(r.out());
    }

    @Test
    void ratingsWrittenThreeAndThreePointZeroAreFiveValuesAndTheInvalidCellsAreNamed(@TempDir Path dir)
            throws Exception {
        Path f = ratings(dir);
        Cli text = Cli.run("entropy", "--data", f.toString(), "--column", "rating");
        assertThat(text.code()).as(text.err()).isZero();
        double h = Double.parseDouble(text.line());
        // five ratings drawn uniformly: about log2 5 = 2.32 bits (3.41 when 3 and 3.0 were two outcomes)
        assertThat(h).isCloseTo(LOG2_5, within(0.01));
        assertThat(text.err()).contains("rating: 10 cells are not numbers, left out as missing: \"abc\" ×10 (first: line 5)")
                .contains("rating: 11 cell(s) are infinite (first: line 3: 'inf')");
        JsonNode j = json(Cli.run("entropy", "--data", f.toString(), "--column", "rating", "--json"));
        assertThat(j.path("role").asText()).isEqualTo("discrete");
        assertThat(j.path("distinct").asLong()).isEqualTo(5);
        assertThat(j.path("n").asLong()).isEqualTo(1000 - 10 - 11);
        // the role's reason names the invalid cells the count leaves out
        assertThat(j.path("notes").get(0).asText()).contains(": discrete; 10 cells are not numbers (invalid)");
        // mi reads the column by the same rule: its H(X) is this entropy
        JsonNode mi = json(Cli.run("mi", "--data", f.toString(), "--x", "rating", "--y", "y", "--permutations", "0",
                "--json"));
        assertThat(j.path("value").asDouble()).isCloseTo(mi.path("entropy_x").asDouble(), within(1e-12));
    }

    @Test
    void missingStringsAreLeftOutAndCountedNotLabelsOfTheirOwn(@TempDir Path dir) throws Exception {
        // grades A/B with pandas' missing strings (NA, n/a, null, NaN, None, #N/A, an empty cell), 20 each, and two
        // placeholders pandas reads as text ('-', '?'), 20 each: four labels
        StringBuilder b = new StringBuilder("grade,y\n");
        SplittableRandom r = new SplittableRandom(7);
        String[] odd = {"NA", "n/a", "null", "NaN", "None", "#N/A", "", "-", "?"};
        java.util.List<String> cells = new java.util.ArrayList<>();
        for (String o : odd) {
            for (int i = 0; i < 20; i++) {
                cells.add(o);
            }
        }
        for (int i = 0; i < 720; i++) {
            cells.add(i < 360 ? "A" : "B");
        }
        java.util.Collections.shuffle(cells, new java.util.Random(3));
        for (String c : cells) {
            b.append(c).append(',').append(r.nextBoolean() ? "a" : "b").append('\n');
        }
        Path f = Files.writeString(dir.resolve("miss.csv"), b.toString());
        JsonNode j = json(Cli.run("entropy", "--data", f.toString(), "--column", "grade", "--json"));
        assertThat(j.path("distinct").asLong()).isEqualTo(4);
        assertThat(j.path("n").asLong()).isEqualTo(760);
        double p = 360 / 760.0;
        double q = 20 / 760.0;
        double expected = -(2 * p * Math.log(p) + 2 * q * Math.log(q)) / Math.log(2);
        assertThat(j.path("value").asDouble()).isCloseTo(expected, within(1e-12));
        assertThat(j.path("notes").get(0).asText()).contains("4 distinct text values");
        assertThat(j.path("notes").toString()).contains("grade: 140 missing cells left out (")
                .contains("\\\"NA\\\" ×20").contains("\\\"\\\" ×20").contains("the entropy is that of the 760 cells with a"
                        + " value");
    }

    @Test
    void codesWrittenWithAndWithoutLeadingZerosCountAsMiReadsThem(@TempDir Path dir) throws Exception {
        // how mi reads '007' and '7' (one number, or two codes) is the column's role; entropy follows it
        StringBuilder b = new StringBuilder("zip,state\n");
        String[] zips = {"007", "7", "01001", "1001", "02134", "2134"};
        for (int i = 0; i < 600; i++) {
            b.append(zips[i % 6]).append(',').append(i % 2 == 0 ? "XX" : "YY").append('\n');
        }
        Path f = Files.writeString(dir.resolve("zip.csv"), b.toString());
        JsonNode j = json(Cli.run("entropy", "--data", f.toString(), "--column", "zip", "--json"));
        JsonNode mi = json(Cli.run("mi", "--data", f.toString(), "--x", "zip", "--y", "state", "--permutations", "0",
                "--json"));
        assertThat(j.path("value").asDouble()).isCloseTo(mi.path("entropy_x").asDouble(), within(1e-12));
        String reason = j.path("notes").get(0).asText();
        assertThat(reason).contains(j.path("distinct").asLong() + " distinct");
    }
}
