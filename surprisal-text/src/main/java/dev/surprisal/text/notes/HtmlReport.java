package dev.surprisal.text.notes;

import java.util.List;
import java.util.Locale;

/**
 * A self-contained HTML page for a {@link KbReport}: no scripts, no external resources, every
 * piece of note-derived text escaped, so a hostile file name or line cannot inject markup.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    /** The page. */
    public static String render(KbReport r) {
        StringBuilder sb = new StringBuilder(1 << 16);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Surprisal notes: ")
                .append(esc(r.root())).append("</title>\n<style>body{font-family:sans-serif;margin:2em}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;font-size:90%}"
                        + "td.n{text-align:right}.duplicate{background:#fdd}.template-or-filler{background:#ffd}"
                        + ".low-density{background:#eef}</style></head><body>\n");
        sb.append("<h1>Knowledge base ").append(esc(r.root())).append("</h1>\n<p>");
        for (Label l : Label.values()) {
            sb.append(esc(l.id())).append(": ").append(r.labelled(l).size()).append(" &nbsp; ");
        }
        sb.append("skipped: ").append(r.skipped().size()).append("</p>\n");
        sb.append(String.format(Locale.ROOT, "<p>Low-density threshold (10th percentile of length-controlled entropy): %.3f bits/word</p>%n",
                r.lowDensityThresholdBits()));
        sb.append("<h2>Digest: genuine increments by novel bits</h2>\n<ol>");
        for (NoteReport n : r.digest()) {
            sb.append(String.format(Locale.ROOT, "<li>%s — %.0f novel bits (%.2f/word)</li>", esc(n.path()), n.novelBits(),
                    n.novelBitsPerWord()));
        }
        sb.append("</ol>\n<h2>Notes</h2>\n<table><tr><th>note</th><th>label</th><th>words</th><th>H bits</th>"
                + "<th>H<sub>100</sub> bits</th><th>zstd bits/byte</th><th>novel bits</th><th>JS bits</th><th>reasons</th></tr>\n");
        for (NoteReport n : r.notes()) {
            sb.append("<tr class=\"").append(esc(n.label().id())).append("\"><td>").append(esc(n.path())).append("</td><td>")
                    .append(esc(n.label().id())).append("</td>")
                    .append(String.format(Locale.ROOT, "<td class=n>%d</td><td class=n>%.3f</td><td class=n>%s</td>"
                                    + "<td class=n>%.3f</td><td class=n>%.0f</td><td class=n>%.3f</td>",
                            n.words(), n.wordEntropyBits(), Double.isNaN(n.windowedEntropyBits()) ? "–"
                                    : String.format(Locale.ROOT, "%.3f", n.windowedEntropyBits()),
                            n.zstdBitsPerByte(), n.novelBits(), n.jsBits()))
                    .append("<td>").append(esc(String.join("; ", n.reasons()))).append("</td></tr>\n");
        }
        sb.append("</table>\n<h2>Duplicate groups</h2>\n");
        list(sb, r.nearDuplicateGroups());
        sb.append("<h2>Template lines</h2>\n<ul>");
        for (KbReport.TemplateLine t : r.templateLines()) {
            sb.append("<li>").append(t.notes()).append(" notes: <code>").append(esc(t.line())).append("</code></li>");
        }
        sb.append("</ul>\n<h2>Skipped files</h2>\n<ul>");
        for (KbReport.Skipped s : r.skipped()) {
            sb.append("<li>").append(esc(s.path())).append(": ").append(esc(s.reason())).append("</li>");
        }
        sb.append("</ul>\n</body></html>\n");
        return sb.toString();
    }

    private static void list(StringBuilder sb, List<List<String>> groups) {
        sb.append("<ul>");
        for (List<String> g : groups) {
            sb.append("<li>").append(esc(String.join(", ", g))).append("</li>");
        }
        sb.append("</ul>\n");
    }

    /** Escapes the five HTML-significant characters. */
    public static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
