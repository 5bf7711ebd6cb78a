// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.config;

import java.util.List;
import java.util.Optional;

/**
 * The server's configuration: where it listens, what needs a token, and its monitors and alert
 * channels (from one file or every {@code *.yaml} of a directory).
 *
 * @param host            the address to bind (default 127.0.0.1: reachable only from this machine)
 * @param port            the port (default 8080; 0 picks a free one)
 * @param readsPublic     whether reads (GET) need no token (default false)
 * @param metricsPublic   whether {@code /metrics} needs no token (default false)
 * @param retentionDays   checks older than this many days are deleted, with their runs in the drift store
 *                        (default 400), by the server's clock
 * @param maxRequestBytes the largest request body accepted (default 8 MiB)
 * @param monitors        the monitors
 * @param notifiers       the alert channels
 * @param baseDir         the config's directory: relative paths are resolved there, and the data of
 *                        monitors created through the API must lie under it
 */
public record ServerConfig(String host, int port, boolean readsPublic, boolean metricsPublic, int retentionDays,
                           long maxRequestBytes, List<MonitorConfig> monitors, List<NotifierConfig> notifiers,
                           java.nio.file.Path baseDir) {
    /** A change to a configuration (tests, the command line's overrides). */
    @FunctionalInterface
    public interface Adjust {
        /**
         * @param c a configuration
         * @return the changed one
         */
        ServerConfig apply(ServerConfig c);
    }

    /**
     * @param reads whether reads need no token
     * @param metrics whether /metrics needs none
     * @return the changed config
     */
    public ServerConfig withPublic(boolean reads, boolean metrics) {
        return new ServerConfig(host, port, reads, metrics, retentionDays, maxRequestBytes, monitors, notifiers, baseDir);
    }

    /**
     * The defaults with no monitor.
     *
     * @return 127.0.0.1:8080, reads and metrics behind a token, checks kept 400 days, requests up to 8 MiB,
     *         paths relative to the working directory
     */
    public static ServerConfig empty() {
        return new ServerConfig("127.0.0.1", 8080, false, false, 400, 8L << 20, List.of(), List.of(),
                java.nio.file.Path.of("").toAbsolutePath());
    }

    /**
     * @param name a monitor's name
     * @return its definition
     */
    public Optional<MonitorConfig> monitor(String name) {
        return monitors.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /**
     * @param name a notifier's name
     * @return its definition
     */
    public Optional<NotifierConfig> notifier(String name) {
        return notifiers.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /**
     * @param bytes the largest request body accepted
     * @return this configuration with that limit
     */
    public ServerConfig withMaxRequestBytes(long bytes) {
        return new ServerConfig(host, port, readsPublic, metricsPublic, retentionDays, bytes, monitors, notifiers, baseDir);
    }

    /**
     * @param days checks older than this many days are deleted, with their history
     * @return this configuration with that retention
     */
    public ServerConfig withRetentionDays(int days) {
        return new ServerConfig(host, port, readsPublic, metricsPublic, days, maxRequestBytes, monitors, notifiers, baseDir);
    }

    /**
     * @param p the port
     * @return this config listening there
     */
    public ServerConfig withPort(int p) {
        return new ServerConfig(host, p, readsPublic, metricsPublic, retentionDays, maxRequestBytes, monitors, notifiers, baseDir);
    }

    /**
     * @param h the host
     * @return this config bound there
     */
    public ServerConfig withHost(String h) {
        return new ServerConfig(h, port, readsPublic, metricsPublic, retentionDays, maxRequestBytes, monitors, notifiers, baseDir);
    }

    /**
     * @param ms the monitors
     * @return this config with them
     */
    public ServerConfig withMonitors(List<MonitorConfig> ms) {
        return new ServerConfig(host, port, readsPublic, metricsPublic, retentionDays, maxRequestBytes, ms, notifiers, baseDir);
    }

    /**
     * The same config with relative paths resolved against another directory.
     *
     * @param dir the config's directory
     * @return this config resolving paths there
     */
    public ServerConfig withBaseDir(java.nio.file.Path dir) {
        return new ServerConfig(host, port, readsPublic, metricsPublic, retentionDays, maxRequestBytes, monitors, notifiers,
                dir.toAbsolutePath().normalize());
    }

    /**
     * @param ns the notifiers
     * @return this config with them
     */
    public ServerConfig withNotifiers(List<NotifierConfig> ns) {
        return new ServerConfig(host, port, readsPublic, metricsPublic, retentionDays, maxRequestBytes, monitors, ns, baseDir);
    }

    /**
     * The monitors that cannot run now ({@link MonitorConfig#cannotRun}), for {@code serve
     * --check-config} and {@code /readyz} alike, so the two cannot disagree on one config and store.
     *
     * @param hasBaseline whether the store holds a baseline for a monitor, by name
     * @return one reason per monitor that cannot run, in monitor order (empty: every monitor can run)
     */
    public List<String> unrunnable(java.util.function.Predicate<String> hasBaseline) {
        return monitors.stream().flatMap(m -> m.cannotRun(hasBaseline).stream()).toList();
    }
}
