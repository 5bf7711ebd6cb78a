// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.roles;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written cell checks of {@link Cells} (no regular expression per cell) accept exactly
 * what the documented patterns accept, on strings built from the characters that matter.
 */
class CellsParseTest {
    @Provide
    Arbitrary<String> numberish() {
        return Arbitraries.strings().withChars("0123456789.eE+- infINFtyTY,x%$€\u00a0()'\u202f").ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> timeish() {
        Arbitrary<String> any = Arbitraries.strings().withChars("0123456789-:T Z+.").ofMaxLength(28);
        Arbitrary<String> near = Arbitraries.of("2024-05-01", "2024-05-01T06:00", "2024-05-01 06:00:00.123+02:00",
                "2024-05-01T06:00Z", "2024-05-01 06:00:00+0200", "2024-05-01T06:00:00.Z", "2024-5-01",
                "2024-05-01T06:00:00+02:0").flatMap(s -> Arbitraries.integers().between(0, s.length())
                .map(cut -> s.substring(0, cut)));
        return Arbitraries.oneOf(any, near);
    }

    @Property(tries = 3000)
    void numbersAreReadAsThePatternSays(@ForAll("numberish") String cell) {
        boolean pattern = Cells.NUMBER_P.matcher(cell).matches();
        double v = Cells.number(cell);
        assertThat(!Double.isNaN(v)).as("'%s'", cell).isEqualTo(pattern);
        if (pattern && Double.isFinite(v)) {
            assertThat(v).isEqualTo(reference(cell));
        }
    }

    @Property(tries = 3000)
    void epochTimesArePlainDecimalsOnly(@ForAll("numberish") String cell) {
        boolean iso = Cells.DATE_P.matcher(cell).matches() || Cells.TIMESTAMP_P.matcher(cell).matches();
        assertThat(Cells.isTime(cell)).as("'%s'", cell).isEqualTo(iso || Cells.EPOCH_P.matcher(cell).matches());
        if (Cells.isTime(cell) && !iso) {
            assertThat(cell).doesNotContain(",", "%", "e", "E", "i", "I");
        }
    }

    @Property(tries = 3000)
    void aCommaKindAgreesWithTheNumberReading(@ForAll("numberish") String cell) {
        Cells.Comma k = Cells.comma(cell);
        if (k == Cells.Comma.THOUSANDS || k == Cells.Comma.ONE_GROUP) {
            assertThat(Cells.number(cell)).as("'%s'", cell).isNotNaN();
        }
        if (k == Cells.Comma.DECIMAL) {
            // a decimal comma is read (569,97 is 569.97); the column decides whether it has one reading
            assertThat(Cells.number(cell)).as("'%s'", cell).isEqualTo(reference(cell));
        }
    }

    /** Plain decimals of up to 40 digits: the fast path (15 digits or fewer) and the rest. */
    @Provide
    Arbitrary<String> decimals() {
        Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789").ofMaxLength(20);
        Arbitrary<String> sign = Arbitraries.of("", "-", "+", " ", " -");
        return net.jqwik.api.Combinators.combine(sign, digits, Arbitraries.of("", "."), digits)
                .as((s, a, dot, b) -> s + a + dot + (dot.isEmpty() ? "" : b));
    }

    @Property(tries = 5000)
    void decimalsAreTheDoublesJavaReads(@ForAll("decimals") String cell) {
        double v = Cells.number(cell);
        if (cell.replaceAll("[^0-9]", "").isEmpty()) {
            assertThat(v).as("'%s'", cell).isNaN();
        } else {
            // bit for bit, so -0.0 and 0.0 differ
            assertThat(Double.doubleToRawLongBits(v)).as("'%s'", cell)
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(cell.trim())));
        }
    }

    @Property(tries = 3000)
    void datesAndTimestampsAreReadAsThePatternsSay(@ForAll("timeish") String cell) {
        assertThat(Cells.isDate(cell)).as("'%s'", cell).isEqualTo(Cells.DATE_P.matcher(cell).matches());
        assertThat(Cells.isTimestamp(cell)).as("'%s'", cell).isEqualTo(Cells.TIMESTAMP_P.matcher(cell).matches());
    }

    /** Near misses of the missing tokens: each token cut, extended, or with one character changed. */
    @Provide
    Arbitrary<String> missingish() {
        Arbitrary<String> token = Arbitraries.of(Cells.MISSING_TOKENS.stream().sorted().toList());
        Arbitrary<String> any = Arbitraries.strings().withChars("#N/A -1.IQDnaulo<>0").ofMaxLength(10);
        Arbitrary<String> edited = net.jqwik.api.Combinators.combine(token, Arbitraries.integers().between(0, 9),
                Arbitraries.chars().with("#N/A -1.IQDnaulo<>0x")).as((t, at, c) -> {
                    int i = Math.min(at, t.length());
                    return at % 3 == 0 ? t.substring(0, i) : at % 3 == 1 ? t + c : t.substring(0, i) + c
                            + t.substring(Math.min(t.length(), i + 1));
                });
        return Arbitraries.oneOf(token, any, edited);
    }

    @Property(tries = 3000)
    void missingIsExactlyTheTokens(@ForAll("missingish") String cell) {
        assertThat(Cells.isMissing(cell)).as("'%s'", cell).isEqualTo(Cells.MISSING_TOKENS.contains(cell));
        byte[] bytes = ("x," + cell + ",y").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(Cells.isMissing(bytes, 2, bytes.length - 2)).as("'%s' as bytes", cell)
                .isEqualTo(Cells.MISSING_TOKENS.contains(cell));
    }

    /**
     * Decimal and scientific cells as CSV writers produce them (numpy's %.9g, %.6g, repr of a double, long
     * digit strings, leading zeros, large and small exponents), and the odd ones around them.
     */
    @Provide
    Arbitrary<String> csvNumbers() {
        Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789").ofMinLength(0).ofMaxLength(22);
        Arbitrary<String> sign = Arbitraries.of("", "-", "+");
        Arbitrary<String> exponent = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.integers().between(-340, 340).map(e -> "e" + e),
                Arbitraries.integers().between(-30, 30).map(e -> (e % 2 == 0 ? "E+" : "e") + e),
                Arbitraries.integers().between(0, 99999).map(e -> "e-" + e));
        Arbitrary<String> built = net.jqwik.api.Combinators.combine(sign, digits, Arbitraries.of("", ".", "."), digits,
                exponent).as((s, a, dot, b, e) -> s + a + dot + (dot.isEmpty() ? "" : b) + e);
        Arbitrary<String> printed = net.jqwik.api.Combinators.combine(Arbitraries.doubles(),
                Arbitraries.of("%.9g", "%.6g", "%.17g", "%s", "%.3f")).as((d, f) -> f.equals("%s") ? Double.toString(d)
                : String.format(java.util.Locale.ROOT, f, d));
        Arbitrary<String> odd = Arbitraries.of("", ".", "-", "+", "e5", "1e", "1e+", "--1", "1..2", " 1", "1 ", "inf",
                "-Infinity", "NaN", "nan", "NA", "1,5", "0x10", "1e5x", "9007199254740993", "9007199254740992",
                "-0", "-0.0", "-000000000000000000000.0", "0.1000000000000000055511151231257827", "-0.2876476542153683",
                "12345678901234567890123", "1234567890123456789e-330", "+2.2250738585072011e-308", "0e-400", "1e22", "1e23", "123456789012345678e-5", "4.9e-324", "1.7976931348623157e308");
        return Arbitraries.oneOf(built, printed, odd, numberish());
    }

    @Property(tries = 20000)
    void numbersFromBytesAreTheDoublesOfTheirText(@ForAll("csvNumbers") String cell) {
        byte[] bytes = ("x," + cell + ",y").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        double fromBytes = Cells.number(bytes, 2, bytes.length - 2);
        double fromText = Cells.number(cell);
        // bit for bit, so -0.0 and 0.0 differ; NaN (not a number) in both or neither
        assertThat(Double.doubleToRawLongBits(fromBytes)).as("'%s'", cell)
                .isEqualTo(Double.doubleToRawLongBits(fromText));
        if (Cells.NUMBER_P.matcher(cell).matches() && Double.isFinite(fromText)) {
            assertThat(Double.doubleToRawLongBits(fromBytes)).as("'%s'", cell)
                    .isEqualTo(Double.doubleToRawLongBits(reference(cell)));
        }
    }

    /**
     * The value a number-like cell means, written independently of {@link Cells}: without spaces, '%' and
     * currency signs, a cell with ',' thousands groups (or no ',') is read with a decimal point, any other
     * cell with a decimal comma and '.' thousands groups.
     */
    static double reference(String cell) {
        String bare = cell.replaceAll("[ %$€£¥\u00a0\u202f\u2009'\u2019]", "");
        // an accounting negative (12.50) and a trailing minus 12.50- are -12.50 (audit18 finding 3)
        boolean negative = bare.contains("(") || bare.endsWith("-");
        bare = bare.replaceAll("[()]", "").replaceAll("-$", "");
        double v;
        if (!bare.contains(",") || bare.matches("[+-]?[1-9][0-9]{0,2}(,[0-9]{3})+([.][0-9]+)?")) {
            v = Double.parseDouble(bare.replace(",", ""));
        } else {
            v = Double.parseDouble(bare.replace(".", "").replace(',', '.'));
        }
        return negative ? -v : v;
    }
}
