// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static dev.surprisal.spark.CliRun.local;
import static dev.surprisal.spark.CliRun.spark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Spark engine reads cells by the local engine's rules (issue 9, spark19): the same JSON from both engines on the
 * same file, and the verdict the data call for.
 * <ul>
 *   <li>{@code entropy --data} reads a column's cells through {@code ColumnCells} on Spark too: missing spellings
 *       ({@code NA}, {@code n/a}, an empty cell) left out in a note, invalid and infinite cells left out with their
 *       first line, {@code 3} and {@code 3.0} one value, {@code 6.2 %} and {@code 6.2%} one value (Spark counted
 *       every spelling as a value: {@code NA} was a fourth answer beside Yes and No).</li>
 *   <li>Codes a number would change stay apart in {@code mi} on Spark, as locally: zip codes {@code 02134} and
 *       {@code 2134}, order IDs 9007199254740992..995 (Spark merged {@code 02134} with {@code 2134} and
 *       ...993 with ...992: 1.5 bits instead of 2).</li>
 *   <li>A ';'-separated file's decimal comma ({@code 6,600} is 6.6) and {@code --decimal} are applied on Spark
 *       (Spark read 6600, and ignored {@code --decimal}).</li>
 * </ul>
 */
@Tag("spark")
class SparkCellRulesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int N = 400;
    @TempDir
    static Path dir;
    private static Path orders;
    private static Path ids;
    private static Path weights;

    @BeforeAll
    static void files() throws IOException {
        TestSpark.session();
        SplittableRandom r = new SplittableRandom(19);
        String[] zips = {"02134", "2134", "00501", "10001"};
        String[] regions = {"Boston", "Lowell", "Holtsville", "Manhattan"};
        String[] pct = {"6.2 %", "6.2%", "7.5 %", "8 %"};
        StringBuilder b = new StringBuilder("order_id,qty,answer,zip,region,vat\n");
        for (int i = 0; i < N; i++) {
            int z = r.nextInt(4);
            // qty: counts 1..3 written 3 or 3.0, 15% missing in three spellings, 4 cells "abc" and 2 "inf" (1.5%)
            String qty = i % 100 == 7 ? "abc" : i % 200 == 9 ? "inf" : r.nextDouble() < 0.15
                    ? List.of("NA", "n/a", "").get(r.nextInt(3)) : (1 + r.nextInt(3)) + (r.nextBoolean() ? ".0" : "");
            String answer = r.nextDouble() < 0.3 ? List.of("NA", "").get(r.nextInt(2)) : r.nextBoolean() ? "Yes" : "No";
            b.append(500_000 + i).append(',').append(qty).append(',').append(answer).append(',').append(zips[z])
                    .append(',').append(regions[z]).append(',').append(pct[r.nextInt(4)]).append('\n');
        }
        orders = Files.writeString(dir.resolve("orders.csv"), b.toString());
        StringBuilder c = new StringBuilder("code,label\n");
        for (int i = 0; i < N; i++) {
            c.append(9007199254740992L + i % 4).append(',').append("abcd".charAt(i % 4)).append('\n');
        }
        ids = Files.writeString(dir.resolve("ids.csv"), c.toString());
        StringBuilder w = new StringBuilder("weight;grade\n");
        String[] kg = {"6,600", "6,700", "7,250"};
        for (int i = 0; i < N; i++) {
            int k = r.nextInt(3);
            w.append(kg[k]).append(';').append("ABC".charAt(k)).append('\n');
        }
        weights = Files.writeString(dir.resolve("weights.csv"), w.toString());
    }

    @Test
    void entropyReadsMissingInvalidAndRespeltNumbersAsTheLocalEngine() throws IOException {
        JsonNode qty = both("entropy", "--data", orders.toString(), "--column", "qty", "--json");
        assertThat(qty.get("role").asText()).isEqualTo("discrete");
        assertThat(qty.get("distinct").asInt()).isEqualTo(3); // 1, 2, 3: "3" and "3.0" one value
        assertThat(qty.get("notes").toString()).contains("missing cells left out", "\\\"NA\\\"", "\\\"n/a\\\"",
                "not numbers, left out as missing: \\\"abc\\\" ×4 (first: line 9)", "line 11");
        JsonNode answer = both("entropy", "--data", orders.toString(), "--column", "answer", "--json");
        assertThat(answer.get("distinct").asInt()).isEqualTo(2); // Yes, No: NA is no third answer
        assertThat(answer.get("value").asDouble()).isCloseTo(1.0, within(0.01));
        JsonNode vat = both("entropy", "--data", orders.toString(), "--column", "vat", "--json");
        assertThat(vat.get("distinct").asInt()).isEqualTo(3); // 6.2 %, 7.5 %, 8 %
    }

    @Test
    void codesThatANumberWouldMergeStayApartInMiOnSpark() throws IOException {
        JsonNode zip = both("mi", "--data", orders.toString(), "--x", "zip", "--y", "region", "--bootstrap", "0",
                "--json");
        assertThat(zip.get("value").asDouble()).isCloseTo(zip.get("entropy_y").asDouble(), within(1e-9));
        assertThat(zip.get("entropy_x").asDouble()).isCloseTo(2.0, within(0.01));
        JsonNode code = both("mi", "--data", ids.toString(), "--x", "code", "--y", "label", "--bootstrap", "0",
                "--json");
        assertThat(code.get("value").asDouble()).isCloseTo(2.0, within(1e-9)); // I = H = 2 bits
        assertThat(code.get("entropy_x").asDouble()).isCloseTo(2.0, within(1e-9));
        both("entropy", "--data", ids.toString(), "--column", "code", "--json");
    }

    @Test
    void aSemicolonFilesDecimalCommaAndDecimalAreReadOnSparkAsLocally() throws IOException {
        JsonNode h = both("entropy", "--data", weights.toString(), "--delimiter", ";", "--column", "weight", "--json");
        assertThat(h.get("notes").toString()).contains("6.6 to 7.25", "decimal comma");
        JsonNode point = both("entropy", "--data", weights.toString(), "--delimiter", ";", "--decimal", ".",
                "--column", "weight", "--json");
        assertThat(point.get("notes").toString()).contains("6600 to 7250");
        both("mi", "--data", weights.toString(), "--delimiter", ";", "--x", "weight", "--y", "grade", "--bootstrap",
                "0", "--json");
        // the drift reference freezes the same role, convention and bins on both engines
        JsonNode[] columns = new JsonNode[2];
        for (int e = 0; e < 2; e++) {
            String[] args = {"drift", "baseline", "--data", weights.toString(), "--delimiter", ";", "--monitor",
                    "weights", "--store", dir.resolve("store" + e).toString(), "--json"};
            CliRun run = e == 0 ? local(args) : spark(args);
            assertThat(run.code()).as(run.err()).isZero();
            columns[e] = JSON.readTree(run.out()).get("columns");
        }
        assertThat(columns[1]).isEqualTo(columns[0]);
        assertThat(columns[1].get(0).get("reason").asText()).contains("6.6 to 7.25");
    }

    /** Runs {@code args} on both engines; asserts exit 0 and equal JSON, numbers to 1e-12 relative. */
    private static JsonNode both(String... args) throws IOException {
        CliRun onLocal = local(args);
        CliRun onSpark = spark(args);
        String what = String.join(" ", args);
        assertThat(onLocal.code()).as(what + ": " + onLocal.err()).isZero();
        assertThat(onSpark.code()).as(what + ": " + onSpark.err()).isZero();
        JsonNode s = JSON.readTree(onSpark.out());
        JsonNode l = JSON.readTree(onLocal.out());
        assertThat(same(s, l)).as(what + "\non Spark: " + s.toPrettyString() + "\nlocal: " + l.toPrettyString())
                .isTrue();
        return s;
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return Math.abs(a.asDouble() - b.asDouble()) <= 1e-12 * Math.max(1, Math.abs(b.asDouble()));
        }
        if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject() && a.size() == b.size()) {
            java.util.Iterator<String> names = a.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (!b.has(n) || !same(a.get(n), b.get(n))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
