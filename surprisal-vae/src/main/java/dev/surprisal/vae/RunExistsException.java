// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.vae;

import dev.surprisal.core.ValidationException;
import java.nio.file.Path;
import java.util.List;

/**
 * Training would replace a run that already exists; it was refused before any work, because
 * replacing a trained model must be asked for ({@code overwrite}).
 */
public final class RunExistsException extends ValidationException {
    private static final long serialVersionUID = 1L;
    private final transient Path dir;

    /**
     * @param dir   the output directory
     * @param files the run files it already holds
     */
    public RunExistsException(Path dir, List<String> files) {
        super("out: " + dir + " already holds a run (" + String.join(", ", files) + "); refusing to replace it");
        this.dir = dir;
    }

    /** @return the output directory that holds a run */
    public Path dir() {
        return dir;
    }
}
