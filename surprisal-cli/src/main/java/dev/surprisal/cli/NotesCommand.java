package dev.surprisal.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.surprisal.report.NotesHtmlReport;
import dev.surprisal.text.notes.KbReport;
import dev.surprisal.text.notes.KnowledgeBase;
import dev.surprisal.text.notes.Label;
import dev.surprisal.text.notes.NoteReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code surprisal notes}: information density, duplicates, templates and novelty in a folder of notes. */
@Command(name = "notes",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        header = "Find duplicates, templates, filler and genuinely new notes in a knowledge base.",
        description = {
                "Reads .md and .txt files (strict UTF-8) under a directory. Each note gets one label with",
                "its reasons: duplicate (exact, or word-shingle Jaccard >= 0.8 / containment >= 0.9),",
                "template-or-filler (lines shared with >= 5 notes, or a Gopher repetition rule), low-density",
                "(entropy over 100-word windows below the KB's 10th percentile) or genuine-increment, ranked",
                "by novel bits: how much a compressor needs for the note after reading its nearest notes.",
                ""},
        subcommands = {NotesCommand.Scan.class, NotesCommand.Add.class},
        footer = {"",
                "Examples:",
                "  surprisal notes scan ~/notes --report notes.html",
                "  surprisal notes scan ~/notes --json > notes.json",
                "  surprisal notes add draft.md --kb ~/notes     exit 1 when the draft is a duplicate or filler"})
public final class NotesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: choose scan or add");
    }

    /** {@code notes scan DIR}. */
    @Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
            header = "Scan a directory of notes, label each one and persist an index for `notes add`.",
            footer = {"", "Examples:", "  surprisal notes scan ~/notes", "  surprisal notes scan ~/notes --report notes.html --json"})
    static final class Scan implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "DIR", description = "The knowledge-base directory.")
        Path dir;

        @Option(names = "--report", paramLabel = "FILE", description = "Also write a self-contained HTML report.")
        Path html;

        @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "Digest length. Default: ${DEFAULT-VALUE}.")
        int top;

        @Override
        public Integer call() {
            if (!Files.isDirectory(dir)) {
                throw new BadDataException(dir + ": not a directory");
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            KbReport r = KnowledgeBase.scan(dir, KnowledgeBase.Options.defaults(), true);
            if (html != null) {
                try {
                    NotesHtmlReport.write(html, r);
                } catch (IOException e) {
                    throw new BadDataException("cannot write " + html + ": " + e.getMessage(), e);
                }
            }
            if (common.json()) {
                out.println(json(r));
            } else {
                printPlain(out, r);
            }
            if (!common.quiet()) {
                for (KbReport.Skipped s : r.skipped()) {
                    err.println("surprisal: skipped " + s.path() + ": " + s.reason());
                }
            }
            out.flush();
            err.flush();
            return ExitCode.OK;
        }

        private void printPlain(PrintWriter out, KbReport r) {
            out.printf(Locale.ROOT, "%d notes, %d skipped%n", r.notes().size(), r.skipped().size());
            for (Label l : Label.values()) {
                out.printf(Locale.ROOT, "  %-20s %d%n", l.id(), r.labelled(l).size());
            }
            out.printf(Locale.ROOT, "exact duplicate groups: %d (%d files); near-duplicate groups: %d%n",
                    r.exactDuplicateGroups().size(), r.exactDuplicateGroups().stream().mapToInt(List::size).sum(),
                    r.nearDuplicateGroups().size());
            if (Double.isNaN(r.lowDensityThresholdBits())) {
                out.println("low-density threshold: not defined (no note fills one 100-word window)");
            } else {
                out.printf(Locale.ROOT, "low-density threshold: %.3f bits/word (10th percentile, 100-word windows)%n",
                        r.lowDensityThresholdBits());
            }
            out.println("digest (genuine increments by novel bits):");
            r.digest().stream().limit(top).forEach(n -> out.printf(Locale.ROOT, "  %4d  %-50s %8.0f bits  %.2f bits/word%n",
                    n.digestRank(), n.path(), n.novelBits(), n.novelBitsPerWord()));
            if (common.explain()) {
                for (NoteReport n : r.notes()) {
                    if (n.label() != Label.GENUINE_INCREMENT) {
                        out.println(n.path() + "\t" + n.label().id() + "\t" + String.join("; ", n.reasons()));
                    }
                }
                out.println("Raw word entropy mostly measures length (longer notes reveal more vocabulary), so density");
                out.println("is judged on 100-word windows; novelty is what a compressor still needs after the nearest notes.");
            }
        }
    }

    /** {@code notes add FILE --kb DIR}. */
    @Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
            header = "Judge one new note against a scanned knowledge base (uses DIR/.surprisal-index).",
            footer = {"", "Example:", "  surprisal notes add draft.md --kb ~/notes     exit 1 when the draft is a duplicate or filler"})
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "FILE", description = "The new note.")
        Path file;

        @Option(names = "--kb", paramLabel = "DIR", required = true, description = "A directory scanned with `notes scan`.")
        Path kb;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            NoteReport n;
            try {
                n = KnowledgeBase.add(file, kb);
            } catch (UncheckedIOException e) {
                throw new BadDataException(e.getMessage(), e);
            }
            if (common.json()) {
                out.println(json(n));
            } else {
                out.println(n.label().id());
                for (String reason : n.reasons()) {
                    out.println("  because " + reason);
                }
                out.printf(Locale.ROOT, "  %d words, novel %.0f bits (%.2f/word), JS vs KB %.3f bits%n",
                        n.words(), n.novelBits(), n.novelBitsPerWord(), n.jsBits());
                if (common.explain()) {
                    n.messages().forEach(m -> out.println("  note: " + m));
                }
            }
            out.flush();
            return n.label() == Label.DUPLICATE || n.label() == Label.TEMPLATE_OR_FILLER ? ExitCode.ALARM : ExitCode.OK;
        }
    }

    static String json(Object o) {
        try {
            return Json.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
