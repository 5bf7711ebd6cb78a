// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server.http;

import dev.surprisal.server.auth.Role;
import io.javalin.http.Handler;

/**
 * One route of the server: the table {@link Routes#all} is registered with Javalin and held against
 * the committed {@code openapi.yaml} by a test, so the two cannot drift apart.
 *
 * @param method  GET or POST
 * @param path    Javalin path with {@code {param}}s
 * @param role    the least role needed, or null for none (health, login)
 * @param api     whether it is part of the JSON API (and so of openapi.yaml)
 * @param handler what it does
 */
public record Route(String method, String path, Role role, boolean api, Handler handler) {
}
