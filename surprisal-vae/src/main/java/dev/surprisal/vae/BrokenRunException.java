// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.vae;

import dev.surprisal.core.ValidationException;
import java.nio.file.Path;

/**
 * A run directory that cannot be loaded: a file is missing, truncated, corrupt or does not match
 * the network its {@code config.json} describes. The message names the file and what is wrong;
 * it is the run's data at fault, not a bug.
 */
public final class BrokenRunException extends ValidationException {
    private static final long serialVersionUID = 1L;

    /**
     * @param file    the file at fault
     * @param problem what is wrong with it
     */
    public BrokenRunException(Path file, String problem) {
        super(file + ": " + problem);
    }

    /**
     * @param file    the file at fault
     * @param problem what is wrong with it
     * @param cause   the underlying failure
     */
    public BrokenRunException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
