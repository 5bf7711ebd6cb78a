// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.core.ValidationException;
import dev.surprisal.core.Base;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --base} with {@link Base#parse}; a bad value is a usage error (exit 2), not bad data. */
public final class BaseConverter implements ITypeConverter<Base> {
    @Override
    public Base convert(String value) {
        try {
            return Base.parse(value);
        } catch (ValidationException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
