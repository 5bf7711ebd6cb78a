package dev.surprisal.cli.drift;

import dev.surprisal.drift.store.DriftStore;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --monitor} and {@code --store}, shared by the drift verbs that use the history store. */
final class MonitorOptions {
    @Option(names = "--monitor", required = true, paramLabel = "NAME", description = "Name of the monitor.")
    String monitor;

    @Option(names = "--store", paramLabel = "PATH|URL", defaultValue = DriftStore.DEFAULT_LOCATION,
            description = "History store: a DuckDB file or jdbc:postgresql://... Default: ${DEFAULT-VALUE}.")
    String store;

    /** The monitor's name; a blank one is a usage error. */
    String monitor(CommandSpec spec) {
        if (monitor.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--monitor: must not be blank");
        }
        return monitor;
    }

    /** The store opened (bad data, exit 3, when it cannot be). */
    DriftStore open() {
        return DriftInputs.open(store);
    }

    /** The store's location as shown to the user (passwords hidden). */
    String where() {
        return DriftInputs.describe(store);
    }
}
