package dev.surprisal.cli.serve;

import dev.surprisal.cli.drift.MonitorOptions;
import dev.surprisal.drift.store.DriftStore;
import dev.surprisal.drift.store.StoreUrl;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --store} and {@code --store-password-file} for the serve verbs (no monitor: a server has many). */
final class StoreOption {
    @Option(names = "--store", paramLabel = "PATH|URL", defaultValue = DriftStore.DEFAULT_LOCATION,
            description = "History store shared with 'surprisal drift': a DuckDB file or "
                    + "jdbc:postgresql://HOST[:PORT]/DB?user=U. Default: ${DEFAULT-VALUE}.")
    String store;

    @Option(names = "--store-password-file", paramLabel = "FILE", description = "Read the PostgreSQL password "
            + "from the first line of FILE (else from the URL, else from PGPASSWORD).")
    Path passwordFile;

    StoreUrl url(CommandSpec spec) {
        return MonitorOptions.url(spec, store, passwordFile);
    }
}
