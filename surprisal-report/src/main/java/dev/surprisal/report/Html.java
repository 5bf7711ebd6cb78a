// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.report;

import dev.surprisal.core.NumberStyle;

import java.util.Locale;

/**
 * The pieces every report page shares: the page head (strict Content-Security-Policy, inline CSS
 * only), the base table style, HTML escaping and number formatting. Every name or value from the
 * data goes through {@link #esc}.
 */
final class Html {
    /** Body and table style common to all reports; each report appends its own rules. */
    static final String BASE_CSS = "body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222}"
            + "table{border-collapse:collapse}td,th{padding:4px 8px;border-bottom:1px solid #ddd;text-align:right}"
            + "td:first-child,th:first-child{text-align:left}";

    private Html() {
    }

    /**
     * Opens a self-contained page: doctype, a Content-Security-Policy that forbids scripts and any
     * network fetch, the escaped {@code title} and the inline {@code css}; ends inside {@code <body>}.
     */
    static StringBuilder open(String title, String css) {
        return open(title, css, "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    }

    /** Opens a page like {@link #open(String, String)} under the given Content-Security-Policy. */
    static StringBuilder open(String title, String css, String csp) {
        StringBuilder h = new StringBuilder(1 << 14).append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        h.append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(csp).append("\">"); // csp: a constant of ours, not data
        return h.append("<title>").append(esc(title)).append("</title><style>").append(css).append("</style></head><body>");
    }

    /** Text safe in element content and in double-quoted attributes. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '&': b.append("&amp;"); break;
                case '"': b.append("&quot;"); break;
                case '\'': b.append("&#39;"); break;
                default:
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        b.append("&#xFFFD;");
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.toString();
    }

    /** A number with 3 significant digits; "n/a" for NaN. */
    static String num(double v) {
        return NUMBER.format(v);
    }

    private static final NumberStyle NUMBER = NumberStyle.general(3).withNaN("n/a").withInfinity("∞", "−∞");

    /** A coordinate with 2 decimals. */
    static String xy(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
