// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import dev.surprisal.server.auth.Role;
import dev.surprisal.drift.config.ServerConfig;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** A demo server on a free loopback port with a DuckDB store in a temporary directory, and an HTTP client. */
final class TestServer implements AutoCloseable {
    final Demo.Prepared demo;
    final SurprisalServer server;
    final String writeToken;
    final String readToken;
    final String adminToken;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    TestServer(Path dir, int rows, int days, ServerConfig.Adjust adjust, Clock clock) {
        this(dir, rows, days, adjust, clock, dir.resolve("drift.duckdb").toString());
    }

    TestServer(Path dir, int rows, int days, ServerConfig.Adjust adjust, Clock clock, String store) {
        demo = Demo.prepare(dir, rows, days, 0, store);
        ServerConfig cfg = adjust.apply(demo.config().withPort(0));
        server = SurprisalServer.start(cfg, demo.store(), clock, null);
        writeToken = demo.token();
        readToken = server.tokens().create("reader", Role.READ);
        adminToken = server.tokens().create("admin", Role.ADMIN);
    }

    TestServer(Path dir) {
        this(dir, 1500, 4, c -> c, Clock.systemUTC());
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60)).GET(), token);
    }

    HttpResponse<String> post(String path, String token, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)), token);
    }

    HttpResponse<String> put(String path, String token, String yaml) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/yaml").PUT(HttpRequest.BodyPublishers.ofString(yaml)), token);
    }

    private HttpResponse<String> send(HttpRequest.Builder b, String token) throws Exception {
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.close();
    }
}
