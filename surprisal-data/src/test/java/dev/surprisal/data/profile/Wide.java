// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.core.ColumnRole;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wide CSV file with a known truth: column {@code c<i>} is, by {@code i % 7}, an id (row number),
 * a 0/1 flag with "NA" cells, a count 0–5 with invalid "x?" cells, a continuous measure, a city name
 * with empty cells, a constant, or a timestamp. The writer counts what it planted.
 */
record Wide(Path file, int cols, int rows, long[] missing, long[] invalid, long[] ones) {
    private static final String[] CITIES = {"Oslo", "Lima", "Pune", "Kyiv", "Nice"};

    static Wide write(Path file, int cols, int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] missing = new long[cols];
        long[] invalid = new long[cols];
        long[] ones = new long[cols];
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int c = 0; c < cols; c++) {
                w.write((c == 0 ? "" : ",") + "c" + c);
            }
            w.write('\n');
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                for (int c = 0; c < cols; c++) {
                    if (c > 0) {
                        line.append(',');
                    }
                    int u = r.nextInt(100);
                    switch (c % 7) {
                        case 0 -> line.append(1000L * c + i);
                        case 1 -> {
                            if (u < 5) {
                                line.append("NA");
                                missing[c]++;
                            } else {
                                int one = r.nextInt(2);
                                ones[c] += one;
                                line.append(one);
                            }
                        }
                        case 2 -> {
                            if (u < 2) {
                                line.append("x?");
                                invalid[c]++;
                            } else {
                                line.append(r.nextInt(6));
                            }
                        }
                        case 3 -> line.append(String.format(java.util.Locale.ROOT, "%.3f", r.nextGaussian() * 10));
                        case 4 -> {
                            if (u < 10) {
                                missing[c]++;
                            } else {
                                line.append(CITIES[r.nextInt(CITIES.length)]);
                            }
                        }
                        case 5 -> line.append("same");
                        default -> line.append(String.format("2024-05-01T%02d:%02d:%02d", i / 3600 % 24, i / 60 % 60,
                                i % 60));
                    }
                }
                w.write(line.append('\n').toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Wide(file, cols, rows, missing, invalid, ones);
    }

    static ColumnRole expectedRole(int c) {
        return switch (c % 7) {
            case 0 -> ColumnRole.ID_LIKE;
            case 1 -> ColumnRole.BINARY;
            case 2 -> ColumnRole.DISCRETE;
            case 3 -> ColumnRole.CONTINUOUS;
            case 4 -> ColumnRole.CATEGORICAL;
            case 5 -> ColumnRole.CONSTANT;
            default -> ColumnRole.TIMESTAMP;
        };
    }

    void assertTruth(Profile p) {
        assertThat(p.rows()).isEqualTo(rows);
        assertThat(p.columnNames()).hasSize(cols);
        for (int c = 0; c < cols; c++) {
            ColumnProfile col = p.column("c" + c);
            assertThat(col.role()).as(col.name() + ": " + col.reason()).isEqualTo(expectedRole(c));
            assertThat(col.missing()).as(col.name() + " missing").isEqualTo(missing[c]);
            assertThat(col.invalid()).as(col.name() + " invalid").isEqualTo(invalid[c]);
            long counted = java.util.Arrays.stream(col.counts()).sum();
            if (col.scored()) {
                assertThat(counted).as(col.name() + " counted").isEqualTo(rows - missing[c] - invalid[c]);
            }
            if (c % 7 == 1) {
                assertThat(col.counts()[col.valueBins().binOf(1.0)]).as(col.name() + " ones").isEqualTo(ones[c]);
            }
            if (c % 7 == 0) {
                assertThat(col.keys().distinct()).as(col.name() + " distinct ids").isEqualTo(rows);
            }
        }
    }
}
