// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.notes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static dev.surprisal.text.notes.KeepAndAddTest.T;
import static dev.surprisal.text.notes.KeepAndAddTest.put;

/**
 * A folder a reader of the digest meets, built from this machine's Debian documentation with known
 * truth: long original documents (one per package, 1,200-6,000 words: a design spec, build notes,
 * release notes), short stubs (the first 100-130 words of a README: a status line's worth),
 * medium notes (README chunks of 120-400 words), the whole GPL-3 pasted into one note and quoted by
 * eight, the Apache licence pasted under a short header into six notes (a template), a stand-up form
 * filled eight times (a template), an exact copy of a long note and a near copy of a medium one.
 */
final class ReaderFolder {
    static final int LONG = 4;
    static final int STUBS = 8;
    static final int MEDIUM = 12;

    private ReaderFolder() {
    }

    static String frontMatter(String title, int day) {
        return String.format("---\ntitle: %s\ndate: 2026-11-%02d\ntags: [notes]\n---\n\n", title, day);
    }

    /** Long plain-text documents under /usr/share/doc, one per package, distinct bytes, in path order. */
    static List<Path> longDocuments(int wanted) throws IOException {
        List<Path> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (Stream<Path> pkgs = Files.list(Path.of("/usr/share/doc"))) {
            for (Path pkg : pkgs.sorted().toList()) {
                if (out.size() >= wanted) {
                    break;
                }
                try (Stream<Path> files = Files.walk(pkg, 3)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        String name = f.getFileName().toString();
                        if (f.toString().contains("/examples/")) {
                            continue; // a configuration example, not prose
                        }
                        if (!(name.endsWith(".md") || name.endsWith(".txt") || name.startsWith("README"))
                                || name.endsWith(".gz")) {
                            continue;
                        }
                        String text = Files.readString(f);
                        int words = text.split("\\s+").length;
                        if (words >= 1200 && words <= 6000 && seen.add(MeasuredNote.sha256(text.getBytes()))) {
                            out.add(f);
                            break;
                        }
                    }
                } catch (IOException | java.io.UncheckedIOException e) {
                    // unreadable or not UTF-8: not a note of this folder
                }
            }
        }
        return out;
    }

    static List<Path> readmes() throws IOException {
        List<Path> readmes = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("/usr/share/doc"))) {
            s.sorted().forEach(d -> {
                try (Stream<Path> f = Files.list(d)) {
                    f.filter(p -> p.getFileName().toString().startsWith("README") && Files.isRegularFile(p))
                            .sorted().forEach(readmes::add);
                } catch (IOException e) {
                    // an unreadable package directory has no README to offer
                }
            });
        }
        return readmes;
    }

    /** The first paragraphs of a chunk up to at least 100 and at most about 130 words. */
    static String stub(List<String> paras) {
        StringBuilder sb = new StringBuilder();
        int words = 0;
        for (String p : paras) {
            for (String w : p.split("\\s+")) {
                if (words >= 110) {
                    return sb.toString().strip() + "\n";
                }
                sb.append(w).append(words % 12 == 11 ? "\n" : " ");
                words++;
            }
            sb.append("\n\n");
        }
        return sb.toString().strip() + "\n";
    }

    /** The whole GPL-3 pasted into licence-gpl3.md, and eight notes quoting six of its paragraphs each, a day later. */
    static void pasteGpl(Path dir, String gpl) throws IOException {
        put(dir, "licence-gpl3.md", frontMatter("GPL-3", 2) + gpl, T);
        String[] paras = gpl.split("\\n\\s*\\n");
        for (int i = 0; i < 8; i++) {
            int from = 10 + 12 * i;
            put(dir, "gpl-quote-" + i + ".md", frontMatter("GPL quote " + i, 3) + "Quote from the GPL for our review:\n\n"
                    + String.join("\n\n", List.of(paras).subList(from, from + 6)) + "\n", T + 86_400_000L);
        }
    }

    /** Writes the folder into {@code dir}. */
    static void build(Path dir) throws IOException {
        String gpl = Files.readString(Path.of("/usr/share/common-licenses/GPL-3"));
        String apache = Files.readString(Path.of("/usr/share/common-licenses/Apache-2.0"));
        List<Path> docs = longDocuments(LONG);
        if (docs.size() < LONG) {
            throw new IllegalStateException("this machine has " + docs.size() + " long documents under /usr/share/doc");
        }
        for (int i = 0; i < LONG; i++) {
            put(dir, String.format("long-%02d.md", i), frontMatter("Design " + i, 1 + i)
                    + Files.readString(docs.get(i)), T + i * 60_000L);
        }
        List<List<String>> chunks = EvaluationSet.distinctChunks(readmes(), STUBS + MEDIUM, 29, gpl + apache);
        for (int i = 0; i < STUBS; i++) {
            put(dir, String.format("stub-%02d.md", i), frontMatter("Status " + i, 5 + i) + stub(chunks.get(i)),
                    T + (10 + i) * 60_000L);
        }
        for (int i = 0; i < MEDIUM; i++) {
            put(dir, String.format("medium-%02d.md", i), frontMatter("Reading notes " + i, 1 + i % 28)
                    + String.join("\n\n", chunks.get(STUBS + i)) + "\n", T + (20 + i) * 60_000L);
        }
        pasteGpl(dir, gpl);
        String[] vendors = {"acme", "globex", "initech", "umbrella", "hooli", "vandelay"};
        for (int i = 0; i < vendors.length; i++) {
            put(dir, "vendor-" + vendors[i] + ".md", frontMatter("Vendor " + vendors[i], 4)
                    + "Licence of the " + vendors[i] + " client library, as shipped in release " + (3 + i) + ".\n\n"
                    + apache, T + 2 * 86_400_000L);
        }
        String[] who = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"};
        for (int i = 0; i < who.length; i++) {
            put(dir, "standup-" + who[i] + ".md", "Daily standup notes for the platform team\n"
                    + "Yesterday I worked on the tickets assigned to me in the sprint board\n"
                    + "Today I will continue with the same tickets unless something urgent comes up\n"
                    + "Blockers none that I know of at the moment\n"
                    + "Owner " + who[i] + " ticket PLAT-" + (1000 + 37 * i) + "\n", T + 3 * 86_400_000L);
        }
        put(dir, "copy-of-long-01.md", Files.readString(dir.resolve("long-01.md")), T + 4 * 86_400_000L);
        String medium = Files.readString(dir.resolve("medium-03.md"));
        put(dir, "medium-03-edited.md", medium.replace("title: Reading notes 3", "title: Reading notes 3 (copy)")
                + "\nChecked again on the second of December.\n", T + 5 * 86_400_000L);
    }
}
