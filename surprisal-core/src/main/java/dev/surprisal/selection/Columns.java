// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import dev.surprisal.core.ValidationException;

import dev.surprisal.core.Validate;

/** Input checks shared by ranking and selection. */
final class Columns {
    private Columns() {
    }

    static void check(String[] names, double[][] columns, double[] target) {
        if (names == null || columns == null) {
            throw new ValidationException((names == null ? "names" : "columns") + ": is null");
        }
        Validate.sameLength("names", names.length, "columns", columns.length);
        if (columns.length == 0) {
            throw new ValidationException("columns: no features given");
        }
        Validate.finite("target", target);
        if (isConstant(target)) {
            throw new ValidationException("target: is constant (every value is " + target[0]
                    + "); no feature can carry information about it");
        }
        for (int j = 0; j < columns.length; j++) {
            String name = "columns[" + j + "] (" + names[j] + ")";
            Validate.finite(name, columns[j]);
            Validate.sameLength(name, columns[j].length, "target", target.length);
        }
    }

    static boolean isConstant(double[] v) {
        for (int i = 1; i < v.length; i++) {
            if (v[i] != v[0]) {
                return false;
            }
        }
        return true;
    }

    /** An estimate from a plugged-in estimator, checked: NaN or ±∞ is a bug in the estimator, not data. */
    static double checked(double value, String what) {
        if (Double.isNaN(value) || value == Double.NEGATIVE_INFINITY) {
            throw new IllegalStateException("estimator returned " + value + " for " + what);
        }
        return value;
    }
}
