// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.cli.RoleOptions;
import dev.surprisal.core.ValidationException;
import dev.surprisal.data.roles.RoleOverrides;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.util.List;

/**
 * {@code --columns}, {@code --exclude}, {@code --discrete}, {@code --continuous}, {@code --role}: which
 * columns, and the user's say over their roles (see {@link RoleOverrides}). An unknown column is bad
 * data (exit 3, listing the available columns); a malformed value a usage error (exit 2). The same mixin
 * serves every verb that reads a table ({@code drift}, {@code mi}, {@code entropy --data}); the roles
 * themselves are decided in one place, {@code dev.surprisal.data.roles.ColumnRoles}.
 */
public final class RoleOptions {
    @Option(names = "--columns", split = ",", paramLabel = "C", description = "Columns to use (default: all).")
    @DataArgument // column names: what the library says about them is about the table
    List<String> columns;

    @Option(names = "--exclude", split = ",", paramLabel = "C", description = "Columns to leave out.")
    List<String> exclude;

    @Option(names = "--discrete", split = ",", paramLabel = "C",
            description = "Measure these columns by value (numbers: binary or discrete; text: categorical).")
    List<String> discrete;

    @Option(names = "--continuous", split = ",", paramLabel = "C",
            description = "Treat these numeric columns as continuous (drift: quantile bins; mi: kNN estimators).")
    List<String> continuous;

    @Option(names = "--role", paramLabel = "COL=ROLE", description = "Set a column's role: binary, discrete, "
            + "continuous, categorical, id-like, timestamp, date or constant. Repeatable. A column of times of day "
            + "(08:15:32, 8:15 PM) is read as seconds since midnight and is continuous by default, a duration "
            + "written as a clock (58:30) as elapsed seconds, hours first; =continuous or =discrete keep that "
            + "reading.")
    List<String> roles;

    @Option(names = "--dayfirst", split = ",", paramLabel = "C", description = "Read these date columns day first "
            + "(dd/mm/yyyy) where no day is over 12 and so no cell shows the order; the default is month first "
            + "(mm/dd/yyyy), as pandas reads them (dotted dates: day first), with a warning that the data did not "
            + "decide. E.g. --dayfirst day for 03/04/2026 meaning 3 April. Refused on a column without dd/mm or "
            + "mm/dd dates (ISO, yyyy/mm/dd, numbers, text).")
    List<String> dayFirst;

    /**
     * @param spec the command, for the usage error
     * @return the overrides the options describe
     */
    public RoleOverrides overrides(CommandSpec spec) {
        try {
            return new RoleOverrides(columns, exclude, discrete, continuous, RoleOverrides.parseRoles(roles))
                    .withDayFirst(dayFirst);
        } catch (ValidationException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * True when an option that sets a role was given (not allowed where roles are frozen).
     *
     * @return true if {@code --discrete}, {@code --continuous}, {@code --role} or {@code --dayfirst} was given
     */
    public boolean setsRoles() {
        return discrete != null || continuous != null || roles != null || dayFirst != null;
    }
}
