// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.roles;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DecimalReader}, which a tokeniser calls where a number cell starts: what it reads is a prefix
 * of the bytes that is a plain decimal, its value bit for bit {@link Double#parseDouble} of that prefix,
 * it never reads past its limit, and it decides (rather than leaving to the exact path) every ordinary
 * printed double but for rare halfway cases. The eight-digit steps are checked against a byte loop.
 */
class DecimalReaderTest {
    /** Bytes that end a cell in a CSV file, and bytes that continue text (so the read must not stop there). */
    private static final String[] AFTER = {",", "\n", "\r\n", "\t", ";", "", "x", "\"", " ", "%", "e", "E", ".", "-",
        "5", "e+", "1,2"};
    private static final java.util.regex.Pattern PLAIN =
            java.util.regex.Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    /** Plain decimals of 1–25 digits (leading zeros too), a point anywhere or none, an exponent of 0–6 digits. */
    @Provide
    Arbitrary<String> decimals() {
        Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(25);
        Arbitrary<String> zeros = Arbitraries.strings().withChars("0").ofMaxLength(12);
        Arbitrary<String> exponent = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.integers().between(-400, 400).map(e -> "e" + e),
                Arbitraries.integers().between(0, 40).map(e -> "E+" + e),
                Arbitraries.strings().withChars("0123456789").ofMinLength(0).ofMaxLength(6).map(e -> "e-" + e));
        Arbitrary<String> built = Combinators.combine(Arbitraries.of("", "-", "+"), zeros, digits,
                Arbitraries.integers().between(-1, 30), exponent).as((sign, z, ds, point, e) -> {
                    String m = z + ds;
                    m = point < 0 || point > m.length() ? m : m.substring(0, point) + "." + m.substring(point);
                    return sign + m + e;
                });
        Arbitrary<Double> any = Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite);
        Arbitrary<String> printed = Combinators.combine(Arbitraries.oneOf(any, Arbitraries.doubles()),
                Arbitraries.of("%s", "%.17g", "%.16e", "%.3f", "%.12f")).as((d, f) -> f.equals("%s") ? Double.toString(d)
                : String.format(Locale.ROOT, f, d));
        Arbitrary<String> odd = Arbitraries.of(".", "-", "+", "-.", ".e5", "1e", "1e+", "--1", "1..2", "12345678.9.1",
                "9007199254740993", "9007199254740992", "-0", "-0.0", "0e-400", "1e22", "1e23", "4.9e-324",
                "1.7976931348623157e308", "1.7976931348623159e308", "2.2250738585072011e-308", "123456781234567812345678",
                "00000000000000000000000000001", "0.00000000000000000000000000001", "99999999.99999999",
                "1234567890123456789", "12345678901234567890", "1e9999", "1e10000");
        return Arbitraries.oneOf(built, built, printed, odd);
    }

    @Property(tries = 20000)
    void whatItReadsIsAPrefixReadAsParseDoubleReadsIt(@ForAll("decimals") String cell,
            @ForAll("after") String after) {
        byte[] b = ("7," + cell + after).getBytes(StandardCharsets.ISO_8859_1);
        DecimalReader r = new DecimalReader();
        double v = r.read(b, 2, b.length);
        if (r.end() < 0) {
            assertThat(v).isNaN();
            return;
        }
        assertThat(r.end()).isGreaterThan(2).isLessThanOrEqualTo(b.length);
        String prefix = new String(b, 2, r.end() - 2, StandardCharsets.ISO_8859_1);
        assertThat(Double.doubleToRawLongBits(v)).as("'%s' of '%s'", prefix, cell + after)
                .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(prefix)));
        // it stops only where a plain decimal cannot go on
        if (r.end() < b.length) {
            char next = (char) b[r.end()];
            assertThat(Character.isDigit(next) || (next == '.' && !prefix.contains(".") && !prefix.contains("e")
                    && !prefix.contains("E"))).as("'%s' stopped before '%s'", prefix, next).isFalse();
        }
        // a plain decimal followed by what ends a cell is read whole, or left to the exact path
        if (PLAIN.matcher(cell).matches() && (after.isEmpty() || ",\n\r\t;\" %x".indexOf(after.charAt(0)) >= 0)) {
            assertThat(prefix).isEqualTo(cell);
        }
    }

    @Provide
    Arbitrary<String> after() {
        return Arbitraries.of(AFTER);
    }

    @Property(tries = 5000)
    void itNeverReadsPastItsLimit(@ForAll("decimals") String cell, @ForAll("after") String after) {
        byte[] b = (cell + after).getBytes(StandardCharsets.ISO_8859_1);
        for (int to = 0; to <= b.length; to++) {
            DecimalReader r = new DecimalReader();
            double v = r.read(b, 0, to);
            if (r.end() >= 0) {
                assertThat(r.end()).isLessThanOrEqualTo(to);
                String prefix = new String(b, 0, r.end(), StandardCharsets.ISO_8859_1);
                assertThat(Double.doubleToRawLongBits(v)).as("'%s' up to %d", cell + after, to)
                        .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(prefix)));
            }
        }
    }

    /** A reader that always declined would pass the checks above: the ordinary printed double is decided here. */
    @Test
    void itDecidesNearlyEveryPrintedDouble() {
        SplittableRandom random = new SplittableRandom(12);
        int declined = 0;
        int n = 100_000;
        DecimalReader r = new DecimalReader();
        for (int k = 0; k < n; k++) {
            double d = k % 2 == 0 ? Double.longBitsToDouble(random.nextLong()) : random.nextGaussian() * 1e3;
            if (!Double.isFinite(d) || Math.abs(d) < Double.MIN_NORMAL) {
                continue;
            }
            byte[] b = (Double.toString(d) + ",").getBytes(StandardCharsets.ISO_8859_1);
            double v = r.read(b, 0, b.length);
            if (r.end() < 0) {
                declined++;
            } else {
                assertThat(v).isEqualTo(d);
                assertThat(r.end()).isEqualTo(b.length - 1);
            }
        }
        assertThat(declined).isLessThan(n / 1000);
    }

    @Test
    void aCellOfDigitsAcrossEightByteStepsIsReadWhole() {
        DecimalReader r = new DecimalReader();
        byte[] b = "x,-0.44826096457669234,1234567890123456789,00000000.000000001234,1234567812345678.5e-3\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(r.read(b, 2, b.length)).isEqualTo(-0.44826096457669234);
        assertThat(r.end()).isEqualTo(22);
        assertThat(r.read(b, 23, b.length)).isEqualTo(1234567890123456789.0);
        assertThat(r.end()).isEqualTo(42);
        assertThat(r.read(b, 43, b.length)).isEqualTo(1.234e-9);
        assertThat(r.read(b, r.end() + 1, b.length)).isEqualTo(1234567812345678.5e-3);
        assertThat(b[r.end()]).isEqualTo((byte) '\n');
        // a twentieth significant digit is left to the exact path
        byte[] twenty = "12345678901234567890,".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(r.read(twenty, 0, twenty.length)).isNaN();
        assertThat(r.end()).isEqualTo(-1);
        assertThat(Cells.number(twenty, 0, twenty.length - 1)).isEqualTo(12345678901234567890.0);
    }

    @Test
    void theEightByteTestAgreesWithAByteLoop() {
        SplittableRandom random = new SplittableRandom(3);
        for (int k = 0; k < 200_000; k++) {
            byte[] b = new byte[8];
            for (int i = 0; i < 8; i++) {
                b[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : '0' + random.nextInt(10));
            }
            // bytes next to the digits, where a carry or a sign could mislead a bit trick
            if (random.nextInt(4) == 0) {
                b[random.nextInt(8)] = (byte) new int[] {'/', ':', 0xff, 0xb0, 0x39 + 0x80, 0, 0xfa}[random.nextInt(7)];
            }
            long v = 0;
            boolean digits = true;
            long value = 0;
            for (int i = 7; i >= 0; i--) {
                v = (v << 8) | (b[i] & 0xff);
            }
            for (int i = 0; i < 8; i++) {
                digits &= b[i] >= '0' && b[i] <= '9';
                value = 10 * value + (b[i] - '0');
            }
            assertThat(DecimalReader.eightDigits(v)).as("%s", java.util.Arrays.toString(b)).isEqualTo(digits);
            if (digits) {
                assertThat(DecimalReader.eightValue(v - 0x3030303030303030L)).isEqualTo(value);
            }
        }
    }
}
