// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an option whose values are the data being measured ({@code divergence --p}), not a
 * setting. When the library rejects those values ({@code p[0]: is negative}), the input is at
 * fault, so {@link ErrorHandlers} reports bad data (exit 3) rather than a usage error (exit 2).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface DataArgument {
}
