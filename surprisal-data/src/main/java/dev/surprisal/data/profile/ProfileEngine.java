// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Another engine that profiles files exactly as {@link ProfileBuilder} does (same roles, bins,
 * counts and JSON), such as {@code surprisal-spark}'s Spark engine. Engines are found on the class
 * path with {@link ServiceLoader} ({@link #provider}), so a module that does not ship with the CLI
 * (Spark is 300 MB) can still serve it when present.
 */
public interface ProfileEngine extends AutoCloseable {
    /**
     * @param file      the reference file (CSV, TSV, Parquet or JSON)
     * @param delimiter the CSV field delimiter, or null for the extension's (',' or tab)
     * @param options   how to profile it
     * @return the reference profile, as {@link ProfileBuilder#fit} gives
     */
    Profile fit(Path file, Character delimiter, ProfileOptions options);

    /**
     * @param reference a reference profile
     * @param file      the file to count
     * @param delimiter the CSV field delimiter, or null for the extension's
     * @return the file counted on the reference's roles and bins, as {@link ProfileBuilder#count} gives
     */
    Profile count(Profile reference, Path file, Character delimiter);

    /** Releases the engine (e.g. stops its Spark session). */
    @Override
    void close();

    /** Opens engines of one kind; listed in {@code META-INF/services/dev.surprisal.data.profile.ProfileEngine$Provider}. */
    interface Provider {
        /** @return the engine's name, as {@code --engine} takes it ("spark") */
        String name();

        /**
         * @param master where the engine runs (for Spark a master URL such as {@code local[*]} or
         *               {@code spark://host:7077}), or null for the engine's default
         * @return an open engine
         */
        ProfileEngine open(String master);
    }

    /**
     * @param name an engine's name
     * @return its provider, when one is on the class path
     */
    static Optional<Provider> provider(String name) {
        for (Provider p : ServiceLoader.load(Provider.class)) {
            if (p.name().equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
