// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.serve;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code surprisal serve token}: API tokens of the server (stored hashed in the store). */
@Command(name = "token",
        mixinStandardHelpOptions = true,
        header = "Manage the server's API tokens (stored as SHA-256 hashes in the store).",
        subcommands = {TokenNewCommand.class, TokenListCommand.class, TokenRevokeCommand.class},
        footer = {"",
                "Examples:",
                "  surprisal serve token new --name pipeline --role write --store drift.duckdb",
                "  surprisal serve token list --store drift.duckdb",
                "  surprisal serve token revoke --name pipeline --store drift.duckdb"})
public final class ServeTokenCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: choose one of new, list, revoke");
    }
}
