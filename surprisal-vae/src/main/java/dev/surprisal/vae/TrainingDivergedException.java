// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.vae;

import dev.surprisal.core.ValidationException;

/**
 * The training loss became NaN or infinite, so the weights are garbage: training stops and nothing
 * is saved. The message starts with {@code learningRate:} because a too large step is by far the
 * usual cause, and a front end then names its learning-rate option.
 */
public final class TrainingDivergedException extends ValidationException {
    private static final long serialVersionUID = 1L;

    /**
     * @param what         which figure is not finite, e.g. "the training loss"
     * @param value        its value (NaN or ±∞)
     * @param epoch        the epoch, from 1
     * @param batch        the batch within the epoch, from 1 (0: the test evaluation after the epoch)
     * @param learningRate the Adam step size in use
     */
    public TrainingDivergedException(String what, double value, int epoch, int batch, double learningRate) {
        super("learningRate: training diverged: " + what + " is " + value + " at epoch " + epoch
                + (batch > 0 ? ", batch " + batch : "") + "; nothing was saved. A smaller learning rate (it is "
                + learningRate + ") usually fixes this");
    }
}
