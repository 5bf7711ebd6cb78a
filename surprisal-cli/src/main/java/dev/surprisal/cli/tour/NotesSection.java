// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.tour;

import dev.surprisal.text.notes.KbReport;
import dev.surprisal.text.notes.KnowledgeBase;
import dev.surprisal.text.notes.NoteReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.stream.Stream;

/** An eight-note knowledge base with a newer copy, an excerpt, a template family and a short note, labelled live. */
final class NotesSection implements TourSection {
    private static final String COFFEE = "Grinding coffee just before brewing keeps the aromatic oils that escape within "
            + "minutes. A burr grinder gives even particles, so extraction is uniform and the cup is neither sour nor "
            + "bitter. Water just off the boil, about ninety-three degrees, extracts sugars without scorching the grounds.";
    private static final String BIKES = "A chain stretches as its pins and rollers wear, and a stretched chain grinds the "
            + "cassette teeth. Measuring it every thousand kilometres with a simple gauge and replacing it early saves "
            + "the far dearer cassette and chainrings. Shifting also stays crisp, and the drivetrain runs quietly.";
    /** Name, text and age in days: "coffee (1).md" is the newer copy although its name sorts first. */
    private static final Object[][] NOTES = {
        {"coffee.md", COFFEE, 30},
        {"coffee (1).md", COFFEE, 1},
        {"bikes.md", BIKES, 20},
        {"chain-wear.md", BIKES.substring(0, BIKES.indexOf(" Shifting")), 2},
        {"standup-1.md", "daily standup notes for the team\nnothing blocked today for anyone here\n"
                + "see the board for all open tickets\nalice works on the login page", 3},
        {"standup-2.md", "daily standup notes for the team\nnothing blocked today for anyone here\n"
                + "see the board for all open tickets\nbob works on the search index", 2},
        {"standup-3.md", "daily standup notes for the team\nnothing blocked today for anyone here\n"
                + "see the board for all open tickets\ncarol works on the billing export", 1},
        {"todo.md", "buy milk, call the bank", 0},
    };

    @Override
    public String title() {
        return "Notes: duplicates, templates and genuinely new information";
    }

    @Override
    public void print(TourStop out) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("surprisal-tour-notes");
            long now = System.currentTimeMillis();
            for (Object[] n : NOTES) {
                Path f = Files.writeString(dir.resolve((String) n[0]), (String) n[1]);
                Files.setLastModifiedTime(f, FileTime.fromMillis(now - (int) n[2] * 86_400_000L));
            }
            // an eight-note KB: a line shared by 2 other notes already counts as a template line
            KbReport r = KnowledgeBase.scan(dir, KnowledgeBase.Options.defaults().withTemplateMinNotes(2), false);
            out.println("Entropy alone cannot find a copy: a copy has exactly the entropy of its original.");
            out.println("So notes are compared with each other, and novelty is measured as the bits a compressor");
            out.println("still needs for a note after it has read the note's nearest neighbours.");
            out.println();
            for (NoteReport n : r.notes()) {
                out.printf("  %-14s %-15s %s%n", n.path(), n.label().id(), n.reason());
                out.verdict(n.path(), n.label().id());
            }
            out.println();
            out.println("  The copy is labelled, the original stays genuine: of two copies the one in the index first,");
            out.println("  else the older (by modification time), else the first path is kept (--keep changes the rule).");
            out.tryLine("surprisal notes scan ~/notes --report notes.html");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) {
                try (Stream<Path> s = Files.walk(dir)) {
                    s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException ignored) {
                    // a leftover temp directory is harmless
                }
            }
        }
    }
}
