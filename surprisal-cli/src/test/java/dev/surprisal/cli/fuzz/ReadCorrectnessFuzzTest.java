// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz cases that check what was read, not only how the command ended (issue 11, second audit):
 * a CSV with one row of the wrong width was once read as a different table with exit 0 (DuckDB's
 * sniffer took that row as the header), and a store value {@code postgresql://…?password=…} became a
 * DuckDB file named with the password. Tagged {@code fuzz}, fixed seed.
 */
@Tag("fuzz")
class ReadCorrectnessFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static Sandbox box;

    @BeforeContainer
    static void sandbox() throws IOException {
        box = new Sandbox("surprisal-fuzz-read");
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        box.delete();
    }

    /**
     * A table of {@code rows} data rows × {@code cols} integer columns; when {@code ragged} ≥ 0, data
     * row {@code ragged} has {@code cols + extra} fields. Column c0 holds i mod 5, so it is discrete.
     */
    record Table(int rows, int cols, int ragged, int extra, boolean crlf) {
        String text() {
            String eol = crlf ? "\r\n" : "\n";
            StringBuilder b = new StringBuilder();
            for (int j = 0; j < cols; j++) {
                b.append(j == 0 ? "" : ",").append("c").append(j);
            }
            b.append(eol);
            for (int i = 0; i < rows; i++) {
                int width = i == ragged ? cols + extra : cols;
                for (int j = 0; j < width; j++) {
                    b.append(j == 0 ? "" : ",").append(j == 0 ? i % 5 : (i * 7 + j) % 11);
                }
                b.append(eol);
            }
            return b.toString();
        }
    }

    @Provide
    Arbitrary<Table> tables() {
        Arbitrary<Integer> rows = Arbitraries.integers().between(5, 60);
        Arbitrary<Integer> cols = Arbitraries.integers().between(1, 4);
        Arbitrary<Integer> at = Arbitraries.integers().between(-1, 59);
        Arbitrary<Integer> extra = Arbitraries.of(-1, 1, 2);
        return Combinators.combine(rows, cols, at, extra, Arbitraries.of(false, true))
                .as((r, c, a, e, crlf) -> new Table(r, c, a >= r ? -1 : a, c == 1 && e < 0 ? 1 : e, crlf));
    }

    @Property(tries = 60, seed = CliFuzzTest.SEED)
    void aTableIsReadWhollyOrRefusedAtItsBadLine(@ForAll("tables") Table t) throws Exception {
        Path dir = box.fresh();
        Path f = dir.resolve("t.csv");
        Files.writeString(f, t.text(), StandardCharsets.UTF_8);
        // both read paths: the Java tokenizer, and DuckDB (where the old defect was), forced by the switch
        for (String javaPath : new String[] {"true", "false"}) {
            System.setProperty(CSV_IN_JAVA, javaPath);
            try {
                Run r = Sandbox.run(dir, List.of(), List.of("entropy", "--data", f.toString(), "--column", "c0", "--json"));
                String what = t + ", csvInJava=" + javaPath + ": " + r.out() + r.err();
                if (t.ragged() < 0) {
                    assertThat(r.code()).as(what).isZero();
                    assertThat(JSON.readTree(r.out()).path("n").asInt()).as("rows read of " + what).isEqualTo(t.rows());
                } else {
                    assertThat(r.code()).as(what).isEqualTo(3);
                    assertThat(r.err()).as(what).contains("line " + (t.ragged() + 2) + ":");
                }
            } finally {
                System.clearProperty(CSV_IN_JAVA);
            }
        }
    }

    /** The switch of {@code TableReader} and {@code CsvProfiler} that keeps a CSV on the DuckDB path. */
    private static final String CSV_IN_JAVA = "surprisal.csvInJava";

    @Provide
    Arbitrary<String> schemes() {
        return Arbitraries.of("postgresql", "postgres", "mysql", "sqlite", "duckdb", "http", "file", "s3");
    }

    @Property(tries = 16, seed = CliFuzzTest.SEED)
    void aStoreUrlWithASchemeIsNeverAFilePath(@ForAll("schemes") String scheme) throws Exception {
        Path dir = box.fresh();
        Path f = dir.resolve("ref.csv");
        Files.writeString(f, new Table(20, 2, -1, 0, false).text(), StandardCharsets.UTF_8);
        String store = scheme + "://localhost:1/db?user=u&password=" + Run.SECRET;
        Run r = Sandbox.run(dir, List.of(), List.of("drift", "baseline", "--monitor", "m", "--data", f.toString(),
                "--store", store));
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        // the old defect made ./postgresql:/localhost:1/db?…password=… in the working directory
        try (Stream<Path> files = Files.list(Path.of("").toAbsolutePath())) {
            assertThat(files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(scheme + ":") || n.contains(Run.SECRET)).toList())
                    .as("files made in the working directory from the store value").isEmpty();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.map(Path::toString).toList()).containsExactlyInAnyOrder(dir.toString(), f.toString());
        }
    }
}
