// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.serve;

import dev.surprisal.cli.drift.StoreOptions;
import dev.surprisal.cli.ExitCode;
import dev.surprisal.cli.Json;
import dev.surprisal.cli.JsonOption;
import dev.surprisal.server.auth.Tokens;
import dev.surprisal.server.store.StoreGate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code surprisal serve token revoke}: the token stops working (a running server notices within 10 s). */
@Command(name = "revoke", mixinStandardHelpOptions = true, header = "Revoke a token by name.",
        footer = {"", "Examples:", "  surprisal serve token revoke --name grafana --store drift.duckdb",
                "  surprisal serve token revoke --name grafana --store drift.duckdb --json   {\"name\", \"revoked\": true}"})
public final class TokenRevokeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The token's name.")
    String name;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        try (StoreGate gate = new StoreGate(store.url(spec))) {
            new Tokens(gate, Clock.systemUTC()).revoke(name);
        }
        spec.commandLine().getOut().println(json.json()
                ? Json.mapper().writeValueAsString(Json.mapper().createObjectNode().put("name", name).put("revoked", true))
                : "token '" + name + "' revoked");
        return ExitCode.OK;
    }
}
