package dev.surprisal.cli.drift;

import dev.surprisal.cli.DataArgument;
import dev.surprisal.data.profile.ProfileOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.util.List;

/** {@code --columns} and {@code --bins}: how a reference is profiled (drift baseline and compare). */
final class BinOptions {
    @Option(names = "--columns", split = ",", paramLabel = "C", description = "Columns to use (default: all).")
    @DataArgument // column names: what the library says about them is about the table
    List<String> columns;

    @Option(names = "--bins", paramLabel = "B", defaultValue = "20",
            description = "Equal-frequency bins per numeric column. Default: ${DEFAULT-VALUE}.")
    int bins;

    /** The profile options; {@code --bins} outside [1, 1000] is a usage error. */
    ProfileOptions profileOptions(CommandSpec spec) {
        if (bins < 1 || bins > 1000) {
            throw new ParameterException(spec.commandLine(), "--bins: must be in [1, 1000], got " + bins);
        }
        return ProfileOptions.defaults().withBins(bins).withColumns(columns);
    }
}
