package dev.surprisal.cli.drift;

import dev.surprisal.core.ValidationException;
import dev.surprisal.data.roles.RoleOverrides;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.util.List;

/**
 * {@code --columns}, {@code --exclude}, {@code --discrete}, {@code --continuous}, {@code --role}: which
 * columns, and the user's say over their roles (see {@link RoleOverrides}). An unknown column is bad
 * data (exit 3, listing the available columns); a malformed value a usage error (exit 2).
 */
final class RoleOptions {
    @Option(names = "--columns", split = ",", paramLabel = "C", description = "Columns to use (default: all).")
    List<String> columns;

    @Option(names = "--exclude", split = ",", paramLabel = "C", description = "Columns to leave out.")
    List<String> exclude;

    @Option(names = "--discrete", split = ",", paramLabel = "C",
            description = "Measure these columns by value (numbers: binary or discrete; text: categorical).")
    List<String> discrete;

    @Option(names = "--continuous", split = ",", paramLabel = "C",
            description = "Measure these numeric columns as a continuum (quantile bins).")
    List<String> continuous;

    @Option(names = "--role", paramLabel = "COL=ROLE", description = "Set a column's role: binary, discrete, "
            + "continuous, categorical, id-like, timestamp, date or constant. Repeatable.")
    List<String> roles;

    /** The overrides; a malformed value is a usage error naming the option. */
    RoleOverrides overrides(CommandSpec spec) {
        try {
            return new RoleOverrides(columns, exclude, discrete, continuous, RoleOverrides.parseRoles(roles));
        } catch (ValidationException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** True when an option that sets a role was given (not allowed where roles are frozen). */
    boolean setsRoles() {
        return discrete != null || continuous != null || roles != null;
    }
}
