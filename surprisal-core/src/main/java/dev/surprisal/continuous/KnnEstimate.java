// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.continuous;

import dev.surprisal.core.Base;
import java.util.List;
import java.util.Objects;

/**
 * The result of a nearest-neighbour estimator: the value in the requested unit, the value in nats,
 * the estimator, k, the sample size and any warnings (for example heavy ties, under which the
 * continuous estimators are biased). Immutable.
 */
public final class KnnEstimate {
    private final double nats;
    private final Base base;
    private final String method;
    private final int k;
    private final int n;
    private final List<String> warnings;

    private KnnEstimate(double nats, Base base, String method, int k, int n, List<String> warnings) {
        this.nats = nats;
        this.base = Objects.requireNonNull(base, "base");
        this.method = method;
        this.k = k;
        this.n = n;
        this.warnings = List.copyOf(warnings);
    }

    static KnnEstimate of(double nats, Base base, String method, int k, int n, List<String> warnings) {
        if (Double.isNaN(nats)) {
            throw new IllegalStateException(method + ": estimate is NaN (n = " + n + ", k = " + k + ")");
        }
        return new KnnEstimate(nats, base, method, k, n, warnings);
    }

    /**
     * The estimate in the unit of {@link #base()}.
     *
     * @return the estimate in the unit of {@link #base()}
     */
    public double value() {
        return base.fromNats(nats);
    }

    /**
     * The estimate in nats.
     *
     * @return the estimate in nats
     */
    public double nats() {
        return nats;
    }

    /**
     * The base the value is expressed in.
     *
     * @return the unit of {@link #value()}
     */
    public Base base() {
        return base;
    }

    /**
     * The unit's name, e.g. "nats".
     *
     * @return the unit's name, e.g. "nats"
     */
    public String unit() {
        return base.unit();
    }

    /**
     * The estimator's name, e.g. "KSG1".
     *
     * @return the estimator's name, e.g. "KSG1"
     */
    public String method() {
        return method;
    }

    /**
     * The number of neighbours used.
     *
     * @return the number of neighbours k
     */
    public int k() {
        return k;
    }

    /**
     * The number of points used.
     *
     * @return the number of points n
     */
    public int n() {
        return n;
    }

    /**
     * Human-readable warnings; empty when none.
     *
     * @return the warnings, one sentence each; empty when none
     */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return method + " = " + value() + " " + unit() + " (k = " + k + ", n = " + n + ")"
                + (warnings.isEmpty() ? "" : " warnings: " + warnings);
    }
}
