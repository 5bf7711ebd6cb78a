// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.serve;

import dev.surprisal.cli.drift.StoreOptions;
import dev.surprisal.cli.ExitCode;
import dev.surprisal.cli.Json;
import dev.surprisal.cli.JsonOption;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.server.auth.Tokens;
import dev.surprisal.server.store.ServerTables;
import dev.surprisal.server.store.StoreGate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code surprisal serve token list}: names, roles and dates (never values). */
@Command(name = "list", mixinStandardHelpOptions = true, header = "List the tokens: name, role, created, revoked.",
        footer = {"", "Examples:", "  surprisal serve token list --store drift.duckdb",
                "  surprisal serve token list --store drift.duckdb --json   {\"tokens\": [{name, role, created_at, revoked_at}]}"})
public final class TokenListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<ServerTables.TokenInfo> tokens;
        try (StoreGate gate = new StoreGate(store.url(spec))) {
            tokens = new Tokens(gate, Clock.systemUTC()).list();
        }
        if (json.json()) {
            ObjectNode root = Json.mapper().createObjectNode();
            ArrayNode a = root.putArray("tokens");
            for (ServerTables.TokenInfo t : tokens) {
                a.addObject().put("name", t.name()).put("role", t.role()).put("created_at", t.createdAt().toString())
                        .put("revoked_at", t.revokedAt() == null ? null : t.revokedAt().toString());
            }
            out.println(Json.mapper().writeValueAsString(root));
            return ExitCode.OK;
        }
        out.printf("%-24s %-6s %-28s %s%n", "name", "role", "created (UTC)", "revoked (UTC)");
        for (ServerTables.TokenInfo t : tokens) {
            out.printf("%-24s %-6s %-28s %s%n", t.name(), t.role(), t.createdAt(),
                    t.revokedAt() == null ? "-" : t.revokedAt());
        }
        return ExitCode.OK;
    }
}
