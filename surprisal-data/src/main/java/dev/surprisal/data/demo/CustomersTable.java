// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A generated customers table with known truth about a pair whose joint law cannot be tested: columns
 * {@code churned} (0/1, P(1) = 0.1), {@code reason_code} (1, 2 or 3 where churned = 1, an empty cell otherwise) and
 * {@code plan} ({@code pro} or {@code basic}, independent of both). On the rows where reason_code has a value,
 * churned is constant (1), so that pair has no p-value on any engine, while churned × plan is an ordinary pair.
 */
public final class CustomersTable {
    /** The rows of {@link #writeCsv}. */
    public static final int ROWS = 600;

    private CustomersTable() {
    }

    /**
     * Writes the table (seed 5, always the same rows) as {@code customers.csv}.
     *
     * @param dir the folder to write into
     * @return the file: a header and {@link #ROWS} rows
     * @throws IOException when the file cannot be written
     */
    public static Path writeCsv(Path dir) throws IOException {
        SplittableRandom r = new SplittableRandom(5);
        StringBuilder csv = new StringBuilder("churned,reason_code,plan\n");
        for (int i = 0; i < ROWS; i++) {
            boolean churned = r.nextInt(10) == 0;
            csv.append(churned ? 1 : 0).append(',').append(churned ? Integer.toString(1 + r.nextInt(3)) : "")
                    .append(',').append(r.nextBoolean() ? "pro" : "basic").append('\n');
        }
        return Files.writeString(dir.resolve("customers.csv"), csv);
    }
}
