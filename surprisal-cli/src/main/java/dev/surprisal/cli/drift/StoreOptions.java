// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.drift;

import dev.surprisal.cli.BadDataException;
import dev.surprisal.drift.store.DriftStore;
import dev.surprisal.drift.store.StoreUrl;
import dev.surprisal.drift.store.UnsupportedStoreException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --store} and {@code --store-password-file}: the history store, for the drift verbs (inside
 * {@link MonitorOptions}) and the serve verbs alike. The store's password never goes further than
 * {@link StoreUrl}.
 */
public final class StoreOptions {
    /** The environment variable libpq and psql read the PostgreSQL password from. */
    static final String PASSWORD_VARIABLE = "PGPASSWORD";

    @Option(names = "--store", paramLabel = "PATH|URL", defaultValue = DriftStore.DEFAULT_LOCATION,
            description = "History store (shared by drift and serve): a DuckDB file or "
                    + "jdbc:postgresql://HOST[:PORT]/DB?user=U. Default: ${DEFAULT-VALUE}.")
    String store;

    @Option(names = "--store-password-file", paramLabel = "FILE", description = "Read the PostgreSQL password "
            + "from the first line of FILE (else from the URL, else from the PGPASSWORD environment variable).")
    Path passwordFile;

    /**
     * The store's location with its password: from {@code --store-password-file}, else the URL,
     * else {@code PGPASSWORD}. An unsupported location is a usage error.
     *
     * @param spec the command, for usage errors
     * @return the location with its password
     */
    public StoreUrl url(CommandSpec spec) {
        StoreUrl url;
        try {
            url = StoreUrl.parse(store);
        } catch (UnsupportedStoreException e) {
            throw new ParameterException(spec.commandLine(), "--store: " + e.getMessage());
        }
        if (passwordFile != null) {
            if (url.kind() != StoreUrl.Kind.POSTGRESQL) {
                throw new ParameterException(spec.commandLine(), "--store-password-file: only for a "
                        + "jdbc:postgresql:// store; " + url + " is a DuckDB file");
            }
            return url.withPassword(readPassword(passwordFile));
        }
        if (url.kind() == StoreUrl.Kind.POSTGRESQL && !url.hasPassword()) {
            return url.withPassword(System.getenv(PASSWORD_VARIABLE));
        }
        return url;
    }

    private static String readPassword(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadDataException("--store-password-file " + file + ": " + (Files.isDirectory(file)
                    ? "a directory, not a file" : Files.exists(file) ? "not a regular file" : "no such file"));
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            String line = (nl < 0 ? text : text.substring(0, nl)).replace("\r", "");
            if (line.isEmpty()) {
                throw new BadDataException("--store-password-file " + file + ": the first line is empty");
            }
            return line;
        } catch (IOException e) {
            throw new BadDataException("--store-password-file " + file + ": cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * The store opened for a short read or write (bad data, exit 3, when it cannot be).
     *
     * @param spec   the command, for usage errors
     * @param create whether to create an absent store (only {@code drift baseline} does)
     * @return the open store
     */
    DriftStore open(CommandSpec spec, boolean create) {
        return DriftInputs.open(url(spec), create);
    }

    /**
     * The store opened to read it only (bad data, exit 3, when it cannot be): a store the user may only
     * read opens.
     *
     * @param spec the command, for usage errors
     * @return the open store, for reads
     */
    DriftStore openReadOnly(CommandSpec spec) {
        return DriftInputs.openReadOnly(url(spec));
    }

    /** The store's location as shown to the user (never the password). */
    String where(CommandSpec spec) {
        return url(spec).display();
    }
}
