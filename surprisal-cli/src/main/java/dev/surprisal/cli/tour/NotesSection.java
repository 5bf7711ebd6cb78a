package dev.surprisal.cli.tour;

import dev.surprisal.text.notes.KbReport;
import dev.surprisal.text.notes.KnowledgeBase;
import dev.surprisal.text.notes.NoteReport;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A six-note knowledge base with a copy, a template family and real notes, labelled live. */
final class NotesSection implements TourSection {
    private static final String[][] NOTES = {
        {"coffee.md", "Grinding coffee just before brewing keeps the aromatic oils that escape within minutes. "
                + "A burr grinder gives even particles, so extraction is uniform and the cup is neither sour nor bitter. "
                + "Water just off the boil, about ninety-three degrees, extracts sugars without scorching the grounds."},
        {"copy-of-coffee.md", "Grinding coffee just before brewing keeps the aromatic oils that escape within minutes. "
                + "A burr grinder gives even particles, so extraction is uniform and the cup is neither sour nor bitter. "
                + "Water just off the boil, about ninety-three degrees, extracts sugars without scorching the grounds."},
        {"bikes.md", "A chain stretches as its pins and rollers wear, and a stretched chain grinds the cassette teeth. "
                + "Measuring it every thousand kilometres with a simple gauge and replacing it early saves the far "
                + "dearer cassette and chainrings, and shifting stays crisp."},
        {"standup-1.md", "daily standup notes for the team\nnothing blocked today for anyone here\nsee the board for all open tickets\nalice works on login"},
        {"standup-2.md", "daily standup notes for the team\nnothing blocked today for anyone here\nsee the board for all open tickets\nbob works on search"},
        {"standup-3.md", "daily standup notes for the team\nnothing blocked today for anyone here\nsee the board for all open tickets\ncarol works on billing"},
    };

    @Override
    public String title() {
        return "Notes: duplicates, templates and genuinely new information";
    }

    @Override
    public void print(PrintWriter out) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("surprisal-tour-notes");
            for (String[] n : NOTES) {
                Files.writeString(dir.resolve(n[0]), n[1]);
            }
            KnowledgeBase.Options o = KnowledgeBase.Options.defaults();
            // a six-note KB: a line shared by 2 other notes already counts as template
            o = new KnowledgeBase.Options(2, o.templateFraction(), o.jaccard(), o.containment(), o.lowPercentile(),
                    o.neighbours(), o.maxNoteBytes(), o.mu());
            KbReport r = KnowledgeBase.scan(dir, o, false);
            out.println("Entropy alone cannot find a copy: a copy has exactly the entropy of its original.");
            out.println("So notes are compared with each other, and novelty is measured as the bits a compressor");
            out.println("still needs for a note after it has read the note's nearest neighbours.");
            out.println();
            for (NoteReport n : r.notes()) {
                out.printf("  %-18s %-20s %6.0f novel bits  %s%n", n.path(), n.label().id(), n.novelBits(), n.reasons().get(0));
            }
            out.println();
            out.println("  try: surprisal notes scan ~/notes --report notes.html");
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
