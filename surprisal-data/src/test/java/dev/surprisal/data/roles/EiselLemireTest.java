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

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link EiselLemire} and the byte path of {@link Cells#number(byte[], int, int)} that uses it give,
 * bit for bit, the double {@link Double#parseDouble} gives: on 17-digit decimals (how doubles are
 * printed), scientific notation, subnormals, decimals at and next to the halfway point between two
 * doubles, and 19- and 20-digit mantissas. The comparison is of raw bits, so a result one ulp off
 * fails ({@link #aResultOneUlpOffFailsTheCheck}), and the method must decide nearly every 17-digit
 * decimal itself, so that a version that always declines (leaving all to the exact path) fails too.
 */
class EiselLemireTest {
    /** Asserts that {@code parse} reads {@code cell} as {@link Double#parseDouble} does, bit for bit. */
    static void check(String cell, ToDoubleFunction<String> parse) {
        assertThat(Double.doubleToRawLongBits(parse.applyAsDouble(cell))).as("'%s'", cell)
                .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(cell)));
    }

    /** The byte path on the cell inside a line, as the tokeniser calls it. */
    static double fromBytes(String cell) {
        byte[] b = ("7," + cell + ",x").getBytes(StandardCharsets.ISO_8859_1);
        return Cells.number(b, 2, 2 + cell.length());
    }

    /** {@link EiselLemire#toDouble} alone on a decimal with at most 19 digits, or 0 digits when it declines. */
    static double direct(String cell) {
        BigDecimal d = new BigDecimal(cell);
        BigInteger w = d.unscaledValue().abs();
        double v = EiselLemire.toDouble(w.longValue(), -d.scale(), cell.startsWith("-"));
        return v == v ? v : Double.parseDouble(cell);
    }

    @Provide
    Arbitrary<String> printedDoubles() {
        Arbitrary<Double> any = Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite);
        Arbitrary<Double> ordinary = Arbitraries.doubles().between(-1e6, 1e6);
        Arbitrary<Double> subnormal = Arbitraries.longs().between(1, (1L << 52) - 1).map(Double::longBitsToDouble);
        Arbitrary<String> format = Arbitraries.of("%s", "%.16e", "%.15e", "%.17g", "%.18e", "%.16f");
        return Combinators.combine(Arbitraries.oneOf(any, ordinary, ordinary, subnormal), format)
                .as((d, f) -> f.equals("%s") ? Double.toString(d) : String.format(Locale.ROOT, f, d));
    }

    @Property(tries = 20000)
    void printedDoublesAreReadBitForBit(@ForAll("printedDoubles") String cell) {
        check(cell, EiselLemireTest::fromBytes);
    }

    /** Random digit strings of 16–20 digits, a point anywhere, an exponent over the whole range. */
    @Provide
    Arbitrary<String> longDecimals() {
        Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789").ofMinLength(16).ofMaxLength(20)
                .filter(s -> s.charAt(0) != '0');
        return Combinators.combine(Arbitraries.of("", "-"), digits, Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(-345, 310), Arbitraries.of(true, false))
                .as((sign, ds, point, e, sci) -> {
                    int at = Math.min(point, ds.length());
                    String m = at == ds.length() ? ds : ds.substring(0, at) + "." + ds.substring(at);
                    return sign + m + (sci ? "e" + e : "");
                });
    }

    @Property(tries = 20000)
    void longDecimalsAreReadBitForBit(@ForAll("longDecimals") String cell) {
        check(cell, EiselLemireTest::fromBytes);
    }

    @Property(tries = 20000)
    void theMethodAloneMatchesWhereItDecides(@ForAll("printedDoubles") String cell) {
        String plain = new BigDecimal(cell).round(new MathContext(19, RoundingMode.DOWN)).toString();
        check(plain, EiselLemireTest::direct);
    }

    /**
     * Decimals at, just below and just above the point halfway between a double and the next: the exact
     * midpoint (many digits, and with 17–19 digits where it is an integer: 2^53 + 1 and the like) and its
     * 19-digit truncation and that plus one in the last digit, which sit within 10^-18 of the tie.
     */
    @Property(tries = 10000)
    void halfwayCasesAreReadBitForBit(@ForAll long bits, @ForAll boolean subnormal) {
        double d = Math.abs(Double.longBitsToDouble(subnormal ? bits & ((1L << 52) - 1) : bits));
        if (!Double.isFinite(d) || d == Double.MAX_VALUE) {
            return;
        }
        BigDecimal mid = new BigDecimal(d).add(new BigDecimal(Math.nextUp(d))).divide(BigDecimal.valueOf(2));
        BigDecimal below = mid.round(new MathContext(19, RoundingMode.DOWN));
        BigDecimal above = mid.round(new MathContext(19, RoundingMode.UP));
        for (BigDecimal x : new BigDecimal[] {mid, below, above}) {
            check(x.toString(), EiselLemireTest::fromBytes);
            check(x.toPlainString().length() < 400 ? x.toPlainString() : x.toString(), EiselLemireTest::fromBytes);
        }
        check(below.toString(), EiselLemireTest::direct);
        check(above.toString(), EiselLemireTest::direct);
    }

    @Test
    void exactIntegerTiesAreDeclinedAndThenReadExactly() {
        for (int k = 53; k < 63; k++) {
            // 2^k + 2^(k-53): exactly halfway between two doubles, 16 to 19 digits
            long tie = (1L << k) + (1L << (k - 53));
            assertThat(EiselLemire.toDouble(tie, 0, false)).as("2^%d + 2^%d", k, k - 53).isNaN();
            check(Long.toString(tie), EiselLemireTest::fromBytes);
            check(Long.toString(tie + 1), EiselLemireTest::direct);
            check(Long.toString(tie - 1), EiselLemireTest::direct);
        }
        check("18446744073709551615", EiselLemireTest::fromBytes); // 2^64 − 1, 20 digits
        check("9999999999999999999", EiselLemireTest::direct); // the largest 19-digit mantissa
        check("-9999999999999999999e-343", EiselLemireTest::fromBytes);
        check("1797693134862315799999e287", EiselLemireTest::fromBytes);
    }

    @Test
    void nearlyEvery17DigitDecimalIsDecidedWithoutTheExactPath() {
        SplittableRandom r = new SplittableRandom(12);
        int declined = 0;
        for (int i = 0; i < 100_000; i++) {
            double d = Double.longBitsToDouble(r.nextLong(0x0010_0000_0000_0000L, 0x7FE0_0000_0000_0000L));
            BigDecimal x = new BigDecimal(String.format(Locale.ROOT, "%.16e", d));
            double v = EiselLemire.toDouble(x.unscaledValue().longValueExact(), -x.scale(), false);
            if (v != v) {
                declined++;
            } else {
                assertThat(Double.doubleToRawLongBits(v)).as("%s", x).isEqualTo(Double.doubleToRawLongBits(d));
            }
        }
        assertThat(declined).isLessThan(100);
    }

    @Test
    void aResultOneUlpOffFailsTheCheck() {
        for (String cell : new String[] {"0.28764765421536833", "4.9406564584124654e-324", "1.7976931348623157e308",
                "123456789012345678", "2.2250738585072014e-308"}) {
            check(cell, EiselLemireTest::fromBytes);
            assertThatThrownBy(() -> check(cell, c -> Math.nextUp(fromBytes(c)))).isInstanceOf(AssertionError.class);
            assertThatThrownBy(() -> check(cell, c -> Math.nextDown(fromBytes(c)))).isInstanceOf(AssertionError.class);
        }
    }
}
