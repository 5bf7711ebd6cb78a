// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

import java.nio.file.Path;
import java.util.Locale;

/** A file format DuckDB reads; chosen from the file name or set explicitly. */
public enum DataFormat {
    /** Comma-separated values with a header line (RFC 4180 quoting). */
    CSV,
    /** Tab-separated values with a header line. */
    TSV,
    /** Apache Parquet. */
    PARQUET,
    /** JSON: an array of objects, or newline-delimited objects (detected by DuckDB). */
    JSON,
    /** Newline-delimited JSON, one object per line ({@code .ndjson}, {@code .jsonl}). */
    NDJSON;

    /**
     * The format named by a file's extension: {@code .csv}, {@code .tsv}/{@code .tab},
     * {@code .parquet}/{@code .pq}, {@code .json}, {@code .ndjson}/{@code .jsonl}; text formats may
     * end in {@code .gz} or {@code .zst}, which DuckDB decompresses on the fly.
     *
     * @param file a file name with its extension
     * @return the format its extension names
     * @throws DataException if the extension is not one of these
     */
    public static DataFormat fromFileName(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean compressed = false;
        for (String c : new String[] {".gz", ".zst"}) {
            if (name.endsWith(c)) {
                name = name.substring(0, name.length() - c.length());
                compressed = true;
            }
        }
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        DataFormat f;
        switch (ext) {
            case "csv": f = CSV; break;
            case "tsv": case "tab": f = TSV; break;
            case "parquet": case "pq": f = PARQUET; break;
            case "json": f = JSON; break;
            case "ndjson": case "jsonl": f = NDJSON; break;
            default:
                throw new DataException(file, "cannot tell the format from the extension '" + ext
                        + "'; expected .csv, .tsv, .parquet, .json, .ndjson or .jsonl (optionally .gz): rename the file to one of these");
        }
        if (compressed && f == PARQUET) {
            throw new DataException(file, "a compressed Parquet file is not supported (Parquet compresses internally)");
        }
        return f;
    }
}
