package dev.surprisal.cli;

import dev.surprisal.data.roles.RoleOverrides;
import picocli.CommandLine.Option;

import java.util.List;

/**
 * The column-role options of the verbs that read a table ({@code mi}, {@code entropy --data}), turned
 * into the data module's {@link RoleOverrides}: the roles themselves are decided in one place,
 * {@code dev.surprisal.data.roles.ColumnRoles}.
 */
public final class RoleOptions {
    @Option(names = "--columns", paramLabel = "COLS", split = ",",
            description = "Use only these columns (comma-separated).")
    List<String> columns = List.of();

    @Option(names = "--exclude", paramLabel = "COLS", split = ",", description = "Leave these columns out.")
    List<String> exclude = List.of();

    @Option(names = "--discrete", paramLabel = "COLS", split = ",",
            description = "Treat these numeric columns as discrete (their values are labels).")
    List<String> discrete = List.of();

    @Option(names = "--continuous", paramLabel = "COLS", split = ",",
            description = "Treat these numeric columns as continuous.")
    List<String> continuous = List.of();

    @Option(names = "--role", paramLabel = "COL=ROLE",
            description = "Set a column's role: binary, discrete, continuous, categorical, id-like, timestamp, date,"
                    + " constant. Repeatable.")
    List<String> roles = List.of();

    /** The overrides these options describe; a malformed --role is a validation error naming the option. */
    RoleOverrides overrides() {
        RoleOverrides o = RoleOverrides.none().withColumns(columns.isEmpty() ? null : columns).withExclude(exclude).withDiscrete(discrete)
                .withContinuous(continuous);
        for (var e : RoleOverrides.parseRoles(roles).entrySet()) {
            o = o.withRole(e.getKey(), e.getValue());
        }
        return o;
    }
}
