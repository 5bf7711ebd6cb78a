// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 11's remaining hostile inputs, each through the CLI's entry point. */
class HostileInputTest {
    @TempDir
    Path dir;

    /** Every file argument of every verb: '-' is not read as standard input, and saying so is a usage error. */
    @Test
    void aDashForAFileIsAUsageErrorSayingStandardInputIsNotSupported() throws IOException {
        Path csv = Files.writeString(dir.resolve("ok.csv"), "a,b\n1,x\n2,y\n3,x\n");
        String store = dir.resolve("drift.duckdb").toString();
        List<List<String>> cases = List.of(
                List.of("entropy", "--data", "-", "--column", "a"),
                List.of("mi", "--data", "-", "--x", "a", "--y", "b"),
                List.of("drift", "compare", "-", csv.toString()),
                List.of("drift", "compare", csv.toString(), csv.toString(), "--report", "-"),
                List.of("drift", "baseline", "--monitor", "m", "--data", "-", "--store", store),
                List.of("file", "-"),
                List.of("notes", "scan", "-"),
                List.of("notes", "add", "-", "--kb", dir.toString()),
                List.of("vae", "eval", "-"),
                List.of("elbo", "demo", "--plot", "-"));
        for (List<String> c : cases) {
            Cli r = Cli.run(c.toArray(String[]::new));
            assertThat(r.code()).as(c + ": " + r.err()).isEqualTo(ExitCode.USAGE);
            assertThat(r.err()).as(c.toString()).startsWith(ErrorHandlers.PREFIX)
                    .contains("'-' (standard input or output) is not supported").doesNotContain("no such file");
            assertThat(r.out()).as(c.toString()).isEmpty();
        }
        assertThat(Files.exists(Path.of(store))).isFalse();
        // a file really named '-' is read as ./-
        Files.copy(csv, dir.resolve("-"));
        Cli dotSlash = Cli.run("file", dir.resolve("-").toString(), "--json");
        assertThat(dotSlash.code()).as(dotSlash.err()).isZero();
        assertThat(dotSlash.out()).contains("\"bytes\" : " + Files.size(csv));
    }

    @Test
    void notesOnAPathThatIsNotADirectorySaysWhatItIs() throws IOException {
        Path missing = dir.resolve("no-such-kb");
        Cli scan = Cli.run("notes", "scan", missing.toString());
        assertThat(scan.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(scan.err()).contains(missing.toString()).contains("no such directory");
        Cli add = Cli.run("notes", "add", dir.resolve("n.md").toString(), "--kb", missing.toString());
        assertThat(add.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(add.err()).contains("--kb: " + missing + ": no such directory").doesNotContain("kbDir");
        Path file = Files.writeString(dir.resolve("a-file.md"), "# a note\n");
        Cli onFile = Cli.run("notes", "scan", file.toString());
        assertThat(onFile.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(onFile.err()).contains(file + ": a file, not a directory");
        assertThat(Files.exists(missing)).isFalse();
    }

    /** The plot's temporary file is an implementation detail: an error names the path the user gave, and leaves nothing. */
    @Test
    void aPlotThatCannotBeWrittenIsNamedAsTypedAndLeavesNothingBehind() throws IOException {
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Path plot = locked.resolve("sub/kl.png");
        assertThat(locked.toFile().setWritable(false, false)).isTrue();
        boolean root = Files.isWritable(locked); // root writes anyway: then /proc, which refuses new files, stands in
        Path target = root ? Path.of("/proc/surprisal-kl.png") : plot;
        try {
            Cli r = Cli.run("elbo", "demo", "--plot", target.toString());
            assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.BAD_DATA);
            assertThat(r.err()).startsWith(ErrorHandlers.PREFIX + target + ": cannot write it: ")
                    .doesNotContain(".tmp").doesNotContain("cannot read or write a file");
            assertThat(Files.exists(target)).isFalse();
        } finally {
            locked.toFile().setWritable(true, false);
        }
        try (Stream<Path> left = Files.walk(locked)) {
            assertThat(left).containsExactly(locked);
        }
    }

    /** A column name or cell holding ANSI escapes, CR, NUL or BEL reaches the terminal escaped, from any verb and message. */
    @Test
    void controlCharactersInUserDataArePrintedEscapedByEveryVerb() throws IOException {
        String esc = "\u001b[31m";
        StringBuilder ref = new StringBuilder("\"col" + esc + "red\",city,n\n");
        StringBuilder cur = new StringBuilder("\"col" + esc + "red\",city,n\n");
        java.util.Random rng = new java.util.Random(7);
        String[] cities = {"Paris", "Ly\u001b[2Jon", "\"Cr\rX\u0007\""};
        for (int i = 0; i < 300; i++) {
            ref.append(rng.nextDouble()).append(',').append(i % 2 == 0 ? "Paris" : "Lyon").append(',').append(i % 5).append('\n');
            cur.append(rng.nextDouble() + 0.5).append(',').append(cities[i % 3]).append(',')
                    .append(i > 5 ? String.valueOf(i % 5) : "bad\u001b]0;x\u0007").append('\n');
        }
        Path r = Files.writeString(dir.resolve("ref.csv"), ref, StandardCharsets.UTF_8);
        Path c = Files.writeString(dir.resolve("cur.csv"), cur, StandardCharsets.UTF_8);
        Path kb = Files.createDirectories(dir.resolve("kb"));
        Files.writeString(kb.resolve("bell\u0007" + esc + ".md"), "\u0000\u0001 binary note");
        List<List<String>> cases = List.of(
                List.of("drift", "compare", r.toString(), c.toString()),
                List.of("drift", "compare", r.toString(), c.toString(), "--explain"),
                List.of("mi", "--data", c.toString(), "--target", "n", "--permutations", "0", "--bootstrap", "0"),
                List.of("mi", "--data", c.toString(), "--x", "city", "--y", "n"),
                List.of("entropy", "--data", c.toString(), "--column", "city"),
                List.of("entropy", "--data", c.toString(), "--column", "nope" + esc),
                List.of("notes", "scan", kb.toString()));
        for (List<String> a : cases) {
            Cli run = Cli.run(a.toArray(String[]::new));
            String all = run.out() + run.err();
            assertThat(run.code()).as(a + "\n" + all).isBetween(0, 3);
            assertThat(all).as(a.toString()).doesNotContainPattern("[\\x00-\\x08\\x0b-\\x1f\\x7f]");
        }
        Cli drift = Cli.run("drift", "compare", r.toString(), c.toString());
        assertThat(drift.out()).contains("col\\e[31mred").contains("Ly\\e[2Jon").contains("Cr\\rX\\x07")
                .contains("bad\\e]0;x\\x07");
        Cli mi = Cli.run("mi", "--data", c.toString(), "--target", "n", "--permutations", "0", "--bootstrap", "0");
        assertThat(mi.err()).contains("note: col\\e[31mred").contains("bad\\e]0;x\\x07");
        Cli notes = Cli.run("notes", "scan", kb.toString());
        assertThat(notes.err()).contains("bell\\x07\\e[31m.md");
    }

    /** The writer behind every verb's output: each control character visible, line endings and tabs kept. */
    @Test
    void theOutputWritersEscapeEveryControlCharacterButLineEndsAndTabs() {
        java.io.StringWriter sink = new java.io.StringWriter();
        java.io.PrintWriter w = ControlEscapingWriter.guard(new java.io.PrintWriter(sink));
        w.print("a\u0000b\u0007c\u001b[2Jd\re\tf\u007fg\u0085h\r\n");
        w.println("x\r");
        w.print("tail\r");
        w.flush();
        // on Linux even a CR before a line feed is data: no line of ours ends with one
        assertThat(sink.toString()).isEqualTo("a\\x00b\\x07c\\e[2Jd\\re\tf\\x7fg\\x85h\\r\nx\\r\ntail\\r");
    }
}
