package dev.surprisal.report;

import java.util.Locale;

/** HTML escaping and number formatting: every name or value from the data goes through {@link #esc}. */
final class Html {
    private Html() {
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
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** A coordinate with 2 decimals. */
    static String xy(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
