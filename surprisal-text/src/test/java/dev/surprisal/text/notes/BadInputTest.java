// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.notes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Each bad file gets its own clear message and the scan goes on to the good notes. */
class BadInputTest {

    @Test
    void badFilesAreSkippedWithReasonsAndGoodNotesAreStillAnalysed(@TempDir Path dir) throws Exception {
        String gpl = Files.readString(Path.of("/usr/share/common-licenses/GPL-3"));
        Files.writeString(dir.resolve("good.md"), gpl.substring(0, 2000));
        Files.writeString(dir.resolve("good2.md"), gpl.substring(10000, 11000));
        Files.write(dir.resolve("empty.md"), new byte[0]);
        Files.writeString(dir.resolve("one-word.txt"), "hello");
        Files.write(dir.resolve("latin1.txt"), "caf\u00e9 cr\u00e8me".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(dir.resolve("binary.md"), new byte[] {'a', 'b', 0, 1, 2});
        Files.createSymbolicLink(dir.resolve("dangling.md"), dir.resolve("no-such-target.md"));
        Files.createDirectories(dir.resolve("folder.md")); // a directory named like a note: walked into, not read
        Path huge = dir.resolve("huge.md");
        byte[] block = "lorem ipsum dolor sit amet consectetur\n".repeat(26_000).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream o = Files.newOutputStream(huge)) {
            for (long written = 0; written < 50L << 20; written += block.length) {
                o.write(block);
            }
        }
        Path locked = Files.writeString(dir.resolve("locked.md"), gpl.substring(20000, 20800));
        Files.createSymbolicLink(dir.resolve("loop.md"), dir.resolve("loop.md"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        // a FIFO's size reads 0: it was "skipped: empty file" (and opening it would block)
        assertThat(new ProcessBuilder("mkfifo", dir.resolve("pipe.md").toString()).start().waitFor()).isZero();

        KbReport r = KnowledgeBase.scan(dir, KnowledgeBase.Options.defaults(), false);

        Map<String, String> skipped = r.skipped().stream()
                .collect(Collectors.toMap(KbReport.Skipped::path, KbReport.Skipped::reason));
        assertThat(skipped.get("empty.md")).isEqualTo("empty file");
        assertThat(skipped.get("latin1.txt")).startsWith("not valid UTF-8: malformed byte sequence at offset 3");
        assertThat(skipped.get("binary.md")).isEqualTo("binary: NUL byte at offset 2");
        assertThat(skipped.get("dangling.md")).startsWith("a symbolic link to").endsWith("which does not exist");
        assertThat(skipped.get("pipe.md")).isEqualTo("a named pipe (FIFO), not a regular file");
        assertThat(skipped.get("huge.md")).startsWith("too large: 52").contains("--max-note-bytes");
        assertThat(r.notes()).extracting(NoteReport::path).contains("good.md", "good2.md", "one-word.txt");
        NoteReport one = r.notes().stream().filter(n -> n.path().equals("one-word.txt")).findFirst().orElseThrow();
        assertThat(one.words()).isEqualTo(1);
        assertThat(one.wordEntropyBits()).isZero();
        assertThat(one.messages()).anyMatch(m -> m.contains("1 words < one 100-word window"));
        assertThat(one.label()).isEqualTo(Label.TOO_SHORT);
        assertThat(one.reason()).isEqualTo("only 1 words: too short to judge (notes under 20 words are not judged)");

        // a link to itself cannot be opened by anyone, root included
        assertThat(skipped.get("loop.md")).isEqualTo("a symbolic link loop");
        // mode 000 stops everyone but root, who reads it anyway (tests here may run as root)
        boolean root = Files.isReadable(locked);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
        if (root) {
            assertThat(r.notes()).extracting(NoteReport::path).contains("locked.md");
        } else {
            assertThat(skipped.get("locked.md")).isEqualTo("cannot be read (permission denied)");
        }
    }

    @Test
    void aProcFileIsNotCalledEmpty() {
        // regular by stat, size 0, yet it has content: it was "empty file"
        assertThat(NoteReader.read(Path.of("/proc/self/status"), 1 << 20).reason())
                .isEqualTo("a special file whose size reads 0 bytes (as in /proc), not a regular file");
    }

    @Test
    void invalidUtf8IsReportedWithItsOffsetEvenDeepInAFile(@TempDir Path dir) throws Exception {
        byte[] b = new byte[10_000];
        Arrays.fill(b, (byte) 'a');
        b[7777] = (byte) 0xFF;
        Path f = Files.write(dir.resolve("x.md"), b);
        assertThat(NoteReader.read(f, 1 << 20).reason()).isEqualTo("not valid UTF-8: malformed byte sequence at offset 7777");
    }
}
