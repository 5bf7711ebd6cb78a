// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.serve;

import dev.surprisal.cli.drift.StoreOptions;
import dev.surprisal.cli.ExitCode;
import dev.surprisal.cli.Json;
import dev.surprisal.cli.JsonOption;
import dev.surprisal.core.ValidationException;
import dev.surprisal.server.auth.Role;
import dev.surprisal.server.auth.Tokens;
import dev.surprisal.server.store.StoreGate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code surprisal serve token new}: creates a token and prints it once. */
@Command(name = "new", mixinStandardHelpOptions = true,
        header = "Create an API token and print it once (only its hash is stored).",
        footer = {"", "Examples:", "  surprisal serve token new --name grafana --role read --store drift.duckdb",
                "  surprisal serve token new --name ci --role write --store drift.duckdb --json   {name, role, token}"})
public final class TokenNewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "A name for the token (unique).")
    String name;

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "read, write (also trigger "
            + "checks, baselines, pauses) or admin.")
    String role;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        Role r;
        try {
            r = Role.parse(role);
        } catch (ValidationException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        String token;
        try (StoreGate gate = new StoreGate(store.url(spec))) {
            token = new Tokens(gate, Clock.systemUTC()).create(name, r);
        } catch (ValidationException e) {
            if (e.getMessage().startsWith("--name")) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            throw e;
        }
        spec.commandLine().getOut().println(json.json()
                ? Json.mapper().writeValueAsString(Json.mapper().createObjectNode().put("name", name).put("role", r.label())
                        .put("token", token))
                : token);
        spec.commandLine().getErr().println("token '" + name + "' (" + r.label() + ") created; it is shown only now. "
                + "Send it as 'Authorization: Bearer TOKEN'.");
        return ExitCode.OK;
    }
}
