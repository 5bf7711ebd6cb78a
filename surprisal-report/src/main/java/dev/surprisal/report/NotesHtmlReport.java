// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.report;

import dev.surprisal.text.notes.KbReport;
import dev.surprisal.text.notes.Label;
import dev.surprisal.text.notes.NoteReport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static dev.surprisal.report.Html.esc;

/**
 * A knowledge-base scan ({@link KbReport}) as one self-contained HTML page: label counts, the
 * digest of genuine notes by novel bits per word brought to 1,000 words ({@link KbReport#digestScore}), one row per note with its measures and reasons,
 * duplicate groups, template lines and skipped files. No script and no external resource; every
 * piece of note-derived text (file names, lines, reasons) is escaped, so a hostile file name or
 * line cannot inject markup.
 */
public final class NotesHtmlReport {
    private static final String CSS = Html.BASE_CSS + "td.t,th.t{text-align:left}.duplicate{background:#fdd}"
            + ".near-duplicate{background:#fdd}.excerpt{background:#fed}.template{background:#ffd}"
            + ".low-information{background:#eef}.too-short{background:#eee}code{white-space:pre-wrap}";

    private NotesHtmlReport() {
    }

    /**
     * The page.
     *
     * @param r the scanned knowledge base
     * @return one self-contained HTML page (inline CSS and SVG, no script, no network)
     */
    public static String render(KbReport r) {
        StringBuilder sb = Html.open("Surprisal notes: " + r.root(), CSS);
        sb.append("<h1>Knowledge base ").append(esc(r.root())).append("</h1>\n<p>");
        for (Label l : Label.values()) {
            sb.append(esc(l.id())).append(": ").append(r.labelled(l).size()).append(" &nbsp; ");
        }
        sb.append("skipped: ").append(r.skipped().size()).append("</p>\n");
        sb.append(String.format(Locale.ROOT, "<p>Rules: near-duplicate when two notes each have the containment threshold of "
                + "their 5-word phrases in the other and are within a size ratio of %.2f or have %.2f both ways; excerpt from "
                + "containment %.2f in a clearly larger note; phrases in %d or more other notes are shared text, never evidence "
                + "of a copy; template when half the lines or half the phrases are in %d other notes; too-short under %d words; low-information "
                + "under %.2f novel bits per word or %.2f bits of word entropy per 100-word window; the original of two "
                + "copies by the rule %s.</p>%n", r.options().nearDuplicateSizeRatio(),
                r.options().nearDuplicateContainment(), r.options().threshold(), r.options().templateMinNotes(),
                r.options().templateMinNotes(), r.options().minWords(), r.options().lowNovelBitsPerWord(),
                r.options().lowWindowedEntropyBits(), esc(r.options().keep().id())));
        sb.append("<h2>Digest: genuine notes by ").append(esc(KbReport.DIGEST_ORDER)).append("</h2>\n<ol>");
        for (NoteReport n : r.digest()) {
            sb.append(String.format(Locale.ROOT, "<li>%s — %.2f bits/word at 1,000 words (%.0f novel bits, %d words)</li>", esc(n.path()),
                    KbReport.digestScore(n), n.novelBits(), n.words()));
        }
        sb.append("</ol>\n<h2>Notes</h2>\n<table><tr><th>note</th><th class=t>label</th><th>words</th><th>H bits</th>"
                + "<th>H<sub>100</sub> bits</th><th>zstd bits/byte</th><th>novel bits</th><th>JS bits</th>"
                + "<th class=t>reason</th></tr>\n");
        for (NoteReport n : r.notes()) {
            sb.append("<tr class=\"").append(esc(n.label().id())).append("\"><td>").append(esc(n.path()))
                    .append("</td><td class=t>").append(esc(n.label().id())).append("</td>")
                    .append(String.format(Locale.ROOT, "<td>%d</td><td>%.3f</td><td>%s</td><td>%.3f</td><td>%.0f</td>"
                                    + "<td>%.3f</td>", n.words(), n.wordEntropyBits(),
                            Double.isNaN(n.windowedEntropyBits()) ? "–"
                                    : String.format(Locale.ROOT, "%.3f", n.windowedEntropyBits()),
                            n.zstdBitsPerByte(), n.novelBits(), n.jsBits()))
                    .append("<td class=t>").append(esc(n.reason())).append("</td></tr>\n");
        }
        sb.append("</table>\n<h2>Copy groups (duplicates, near-duplicates, excerpts)</h2>\n");
        list(sb, r.nearDuplicateGroups());
        sb.append("<h2>Template lines</h2>\n<ul>");
        for (KbReport.TemplateLine t : r.templateLines()) {
            sb.append("<li>").append(t.notes()).append(" notes: <code>").append(esc(t.line())).append("</code></li>");
        }
        sb.append("</ul>\n<h2>Skipped files</h2>\n<ul>");
        for (KbReport.Skipped s : r.skipped()) {
            sb.append("<li>").append(esc(s.path())).append(": ").append(esc(s.reason())).append("</li>");
        }
        return sb.append("</ul>\n</body></html>\n").toString();
    }

    /**
     * Writes {@link #render} to {@code file} in UTF-8, atomically (see {@link ReportFiles}).
     *
     * @param file where to write; replaced atomically if it exists
     * @param r    the scanned knowledge base
     * @throws IOException when it cannot be written (a {@link ReportFiles.WriteFailure} says why)
     */
    public static void write(Path file, KbReport r) throws IOException {
        ReportFiles.writeAtomically(file, render(r));
    }

    private static void list(StringBuilder sb, List<List<String>> groups) {
        sb.append("<ul>");
        for (List<String> g : groups) {
            sb.append("<li>").append(esc(String.join(", ", g))).append("</li>");
        }
        sb.append("</ul>\n");
    }
}
