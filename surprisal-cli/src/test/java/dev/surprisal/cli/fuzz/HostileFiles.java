// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Generated hostile input files: tables in CSV, TSV, JSON and Parquet, malformed or oddly encoded,
 * with hostile column names and cells, and special files (a directory, a missing path, a symlink
 * loop, {@code /dev/null}, a FIFO). A {@link Spec} is pure data, so jqwik can generate, report and
 * shrink it; {@link Spec#materialise} writes it into a sandbox directory.
 */
final class HostileFiles {
    private HostileFiles() {
    }

    /** Kinds of path that are not an ordinary file. */
    enum Special { NONE, DIRECTORY, MISSING, SYMLINK_LOOP, DEV_NULL, FIFO, PROC }

    /** A file to write: its name, its bytes, or a special kind of path. */
    record Spec(String name, byte[] content, Special special) {
        @Override
        public String toString() {
            String head = content == null ? "" : new String(content, 0, Math.min(content.length, 120), StandardCharsets.ISO_8859_1);
            return special + " " + name + " (" + (content == null ? 0 : content.length) + " bytes) " + head.replace("\n", "\\n");
        }

        /** Writes the file (or makes the special path) in {@code dir}, and returns its path. */
        Path materialise(Path dir) throws IOException, InterruptedException {
            Path p = dir.resolve(name);
            switch (special) {
                case DIRECTORY -> Files.createDirectories(p);
                case MISSING -> { }
                case SYMLINK_LOOP -> {
                    Path other = dir.resolve(name + ".loop");
                    Files.createSymbolicLink(p, other.getFileName());
                    Files.createSymbolicLink(other, p.getFileName());
                }
                case DEV_NULL -> p = Path.of("/dev/null");
                case PROC -> p = Path.of("/proc/self/status");
                case FIFO -> {
                    Process mk = new ProcessBuilder("mkfifo", p.toString()).start();
                    mk.waitFor(10, TimeUnit.SECONDS);
                }
                case NONE -> Files.write(p, content);
            }
            return p;
        }
    }

    /** Column names an attacker or a careless export might produce. */
    static Arbitrary<String> columnNames() {
        return Arbitraries.oneOf(
                Arbitraries.of("a", "b", "value", "id", "x", "y", "A", "a "),
                Arbitraries.of("", " ", "'; DROP TABLE monitors; --", "\"q\"\"uoted\"", "<script>alert(1)</script>",
                        "naïve ünïcödé", "日本語", "a;b", "a,b", "col\twith\ttabs", "%s%n%d", "${jndi:ldap://x}",
                        "../../etc/passwd", "NULL", "rowid", "x".repeat(300)),
                Arbitraries.strings().ofMinLength(0).ofMaxLength(12).withCharRange(' ', '~'));
    }

    /** Cell values: numbers in several spellings, missing markers, non-finite words, text, and junk. */
    static Arbitrary<String> cells() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(-5, 40).map(String::valueOf)),
                net.jqwik.api.Tuple.of(3, Arbitraries.doubles().between(-1e3, 1e3).ofScale(3).map(String::valueOf)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("", "NA", "null", "NaN", "nan", "inf", "-Infinity", "1e400",
                        "-0", "0,5", "1.2.3", "0x10", "true", "false", "2024-01-01", "2024-13-45T25:61:00")),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("Paris", "Lyon", "é", "\"quoted, comma\"", "\"unbalanced",
                        "a\"b", "<b>x</b>", "' OR 1=1 --")),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(20)));
    }

    /** A table as rows of cells, the first row the header (possibly ragged, possibly header only). */
    static Arbitrary<List<List<String>>> tables() {
        Arbitrary<Integer> width = Arbitraries.integers().between(1, 4);
        return width.flatMap(w -> {
            Arbitrary<List<String>> header = columnNames().list().ofSize(w);
            Arbitrary<List<String>> row = Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(12, cells().list().ofSize(w)),
                    net.jqwik.api.Tuple.of(1, cells().list().ofMinSize(0).ofMaxSize(w + 2)));
            return Combinators.combine(header, row.list().ofMinSize(0).ofMaxSize(40)).as((h, rows) -> {
                List<List<String>> t = new ArrayList<>();
                t.add(h);
                t.addAll(rows);
                return t;
            });
        });
    }

    /** Delimited text: separator, line ending, byte-order mark, encoding and damage chosen at random. */
    static Arbitrary<Spec> delimited() {
        Arbitrary<String> separator = Arbitraries.of(",", ",", ",", ";", "\t", "|");
        Arbitrary<String> newline = Arbitraries.of("\n", "\n", "\r\n", "\r");
        Arbitrary<String> encoding = Arbitraries.of("UTF-8", "UTF-8", "UTF-8", "UTF-8-BOM", "UTF-16LE-BOM", "UTF-16BE",
                "ISO-8859-1");
        Arbitrary<String> damage = Arbitraries.of("none", "none", "none", "truncate", "nul", "long-line", "no-newline");
        Arbitrary<String> extension = Arbitraries.of(".csv", ".csv", ".tsv", ".txt", "");
        return Combinators.combine(tables(), separator, newline, encoding, damage, extension)
                .as((t, sep, nl, enc, dmg, ext) -> {
                    StringBuilder b = new StringBuilder();
                    for (List<String> row : t) {
                        b.append(String.join(sep, row)).append(nl);
                    }
                    if (dmg.equals("long-line")) {
                        b.append("9".repeat(3_000_000)).append(nl); // a data line over 2 MB
                    }
                    String text = dmg.equals("no-newline") ? b.toString().stripTrailing() : b.toString();
                    byte[] bytes = encode(text, enc);
                    if (dmg.equals("truncate") && bytes.length > 3) {
                        bytes = Arrays.copyOf(bytes, bytes.length * 2 / 3);
                    } else if (dmg.equals("nul") && bytes.length > 3) {
                        bytes[bytes.length / 2] = 0;
                    }
                    return new Spec("table" + ext, bytes, Special.NONE);
                });
    }

    private static byte[] encode(String text, String enc) {
        return switch (enc) {
            case "UTF-8-BOM" -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8));
            case "UTF-16LE-BOM" -> concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
            default -> text.getBytes(Charset.forName(enc));
        };
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** JSON tables: valid records, truncated ones, other shapes, deep nesting. */
    static Arbitrary<Spec> json() {
        Arbitrary<String> valid = tables().map(t -> {
            StringBuilder b = new StringBuilder("[");
            for (int r = 1; r < t.size(); r++) {
                b.append(r > 1 ? "," : "").append('{');
                for (int c = 0; c < t.get(0).size() && c < t.get(r).size(); c++) {
                    b.append(c > 0 ? "," : "").append(quote(t.get(0).get(c))).append(':').append(quote(t.get(r).get(c)));
                }
                b.append('}');
            }
            return b.append(']').toString();
        });
        Arbitrary<String> text = Arbitraries.oneOf(valid,
                valid.map(s -> s.substring(0, s.length() / 2)),
                Arbitraries.of("{}", "[]", "null", "42", "\"text\"", "[1,2,3]", "{\"a\": [1, {\"b\": 2}]}",
                        "[{\"a\": 1}, {\"a\": \"x\"}, {\"b\": true}]", "[{\"a\": NaN}]", "["),
                Arbitraries.integers().between(100, 5000).map(n -> "[".repeat(n) + "]".repeat(n)));
        return Combinators.combine(text, Arbitraries.of(".json", ".json", ".ndjson", ".csv"))
                .as((s, ext) -> new Spec("table" + ext, s.getBytes(StandardCharsets.UTF_8), Special.NONE));
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                b.append('\\').append(ch);
            } else if (ch < 0x20) {
                b.append(String.format("\\u%04x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        return b.append('"').toString();
    }

    /** Parquet: a real file made by DuckDB (see {@link #goodParquet}), whole, cut short or with flipped bytes. */
    static Arbitrary<Spec> parquet(byte[] good) {
        return Arbitraries.oneOf(
                Arbitraries.just(new Spec("table.parquet", good, Special.NONE)),
                Arbitraries.integers().between(0, good.length - 1)
                        .map(n -> new Spec("table.parquet", Arrays.copyOf(good, n), Special.NONE)),
                Arbitraries.integers().between(0, good.length - 1).list().ofMinSize(1).ofMaxSize(8).map(at -> {
                    byte[] b = good.clone();
                    for (int i : at) {
                        b[i] ^= (byte) 0x5A;
                    }
                    return new Spec("table.parquet", b, Special.NONE);
                }),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(2000).map(b -> new Spec("table.parquet", b, Special.NONE)));
    }

    /** Paths that are not ordinary files. */
    static Arbitrary<Spec> specials() {
        return Arbitraries.of(Special.DIRECTORY, Special.MISSING, Special.SYMLINK_LOOP, Special.DEV_NULL, Special.FIFO,
                Special.PROC).map(s -> new Spec("special.csv", null, s));
    }

    /** Any input table file, hostile or not. */
    static Arbitrary<Spec> anyTable(byte[] goodParquet) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, delimited()),
                net.jqwik.api.Tuple.of(3, json()),
                net.jqwik.api.Tuple.of(2, parquet(goodParquet)),
                net.jqwik.api.Tuple.of(2, specials()),
                net.jqwik.api.Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(3000)
                        .map(b -> new Spec("random.csv", b, Special.NONE))));
    }

    /** A small valid Parquet file written by DuckDB: an int, a double and a text column. */
    static byte[] goodParquet(Path dir) throws Exception {
        Path p = dir.resolve("good.parquet");
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:"); var s = c.createStatement()) {
            s.execute("COPY (SELECT i AS a, i * 0.5 AS b, 'c' || (i % 3) AS c FROM range(200) t(i)) TO '"
                    + p.toString().replace("'", "''") + "' (FORMAT parquet)");
        }
        byte[] bytes = Files.readAllBytes(p);
        Files.delete(p);
        return bytes;
    }
}
