// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.drift;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code surprisal drift}: the drift monitor. Its verbs are separate classes: {@code baseline}
 * freezes a reference profile, {@code check} scores a day against it and records the result,
 * {@code history} shows past checks, {@code compare} scores two files once without a store.
 */
@Command(name = "drift",
        mixinStandardHelpOptions = true,
        header = "Drift monitor: score each day's data against a frozen reference with KL(P||Q), PSI and friends.",
        description = {
                "P is the reference (fitted once with 'baseline'), Q is the new data. Each column is",
                "counted on the reference's frozen bins (plus bins for missing and invalid values), both",
                "sides are smoothed with Jeffreys' +1/2 per bin, and the column drifts when PSI reaches its",
                "band (0.1 WARN, 0.25 DRIFT; or the column's own yardstick, TV or W1/std, see 'check --help')",
                "AND is beyond the sampling noise expected at these sample sizes (chi-squared null; alpha =",
                "0.01 per check, split evenly over the tests the columns run: the measure, new mass, the",
                "missing and, for numbers, the invalid share), or when today puts values where the reference",
                "had none ('new mass'). A fall of the missing or invalid share is WARN, a rise DRIFT.",
                ""},
        subcommands = {DriftBaselineCommand.class, DriftCheckCommand.class, DriftHistoryCommand.class,
                DriftCompareCommand.class},
        footer = {"",
                "Examples:",
                "  surprisal drift baseline --monitor orders --data ref.parquet",
                "  surprisal drift check --monitor orders --data today.csv --report drift.html",
                "  surprisal drift history --monitor orders --column amount",
                "  surprisal drift compare --reference ref.csv --data today.csv --explain",
                "",
                "The history store defaults to .surprisal/drift.duckdb in the current directory;",
                "--store jdbc:postgresql://host/db?user=U&password=P uses PostgreSQL.",
                "Exit codes: 0 no alarm, 1 alarm (check, compare), 2 usage error, 3 bad data or unknown monitor."})
public final class DriftCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "missing command: choose one of baseline, check, history, compare");
    }
}
