// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.serve;

import dev.surprisal.cli.drift.StoreOptions;
import dev.surprisal.cli.BadDataException;
import dev.surprisal.cli.ExitCode;
import dev.surprisal.cli.Json;
import dev.surprisal.cli.JsonOption;
import dev.surprisal.drift.store.DriftStore;
import dev.surprisal.drift.store.StoreException;
import dev.surprisal.drift.store.StoreUrl;
import dev.surprisal.server.Demo;
import dev.surprisal.server.SurprisalServer;
import dev.surprisal.drift.config.ConfigException;
import dev.surprisal.drift.config.ConfigLoader;
import dev.surprisal.drift.config.Secrets;
import dev.surprisal.drift.config.ServerConfig;
import io.javalin.util.JavalinBindException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.drift.config.MonitorConfig;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Handler;

/** {@code surprisal serve}: the drift server (dashboard, REST API, schedules, alerts, metrics). */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        header = "Drift monitoring as a service: dashboard, REST API, scheduled checks, alerts, Prometheus metrics.",
        description = {
                "Reads monitor definitions from --config (a YAML file, or every *.yaml in a directory),",
                "checks each monitor's windows on its cron schedule (UTC unless a zone is given) and on",
                "request, records the results in the same store as 'surprisal drift', and serves them.",
                "Every route but /healthz and /readyz needs a token (create one with 'serve token new').",
                "Binds 127.0.0.1 unless the config's server.host says otherwise.",
                "",
                "With --json, standard output is JSON Lines: one object per line, first",
                "{\"event\": \"listening\", \"url\", \"monitors\"} (with \"token\" for --demo), and the",
                "server's log records go to standard error as {\"time\", \"level\", \"logger\", \"message\"}",
                "lines. With --check-config --json: {\"config\", \"valid\", \"monitors\", \"notifiers\"}.",
                ""},
        subcommands = {ServeTokenCommand.class},
        footer = {"",
                "Examples:",
                "  surprisal serve --demo                 generated orders data, a demo token, port 8080",
                "  surprisal serve --config monitors/ --store drift.duckdb --port 8080",
                "  surprisal serve --config monitors.yaml --check-config",
                "  surprisal serve --config monitors/ --store drift.duckdb --json | jq -r 'select(.url) | .url'",
                "  surprisal serve token new --name grafana --role read --store drift.duckdb",
                "",
                "Exit codes: 0 stopped normally, 2 usage or config error, 3 store or data error."})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--config", paramLabel = "FILE|DIR", description = "Monitor config: a YAML file or a directory of them.")
    Path config;

    @Option(names = "--port", paramLabel = "N", description = "Port (default: the config's, else 8080; 0 picks a free one).")
    Integer port;

    @Option(names = "--demo", description = "Start with generated orders data and a demo monitor in a temporary "
            + "directory; prints the URL and a demo token (read and write, valid only for the demo's store).")
    boolean demo;

    @Option(names = "--check-config", description = "Only read and validate --config (keys, values, and that "
            + "each monitor can run: its local reference file exists, or --store holds its baseline, as /readyz "
            + "asks), then exit (0 valid, 2 not).")
    boolean checkConfig;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (port != null && (port < 0 || port > 65535)) {
            throw new ParameterException(spec.commandLine(), "--port: must be 0..65535, got " + port);
        }
        if (demo && config != null) {
            throw new ParameterException(spec.commandLine(), "--demo: brings its own config; leave out --config");
        }
        if (demo && (spec.commandLine().getParseResult().hasMatchedOption("--store")
                || spec.commandLine().getParseResult().hasMatchedOption("--store-password-file"))) {
            // the demo's store is a new temporary one, so its token is valid for it alone; never the user's store
            throw new ParameterException(spec.commandLine(), "--demo: brings its own temporary store; leave out "
                    + "--store (to serve your store, give --config with --store)");
        }
        ServerConfig cfg;
        String storeLocation;
        String token = null;
        if (demo) {
            Path dir = Files.createTempDirectory("surprisal-demo-");
            if (json.json()) {
                ObjectNode o = Json.mapper().createObjectNode().put("event", "preparing_demo").put("dir", dir.toString());
                out.println(JsonLogLines.line(o));
            } else {
                out.println("preparing the demo in " + dir + " (generated orders, a baseline, 5 days checked)...");
            }
            out.flush();
            Demo.Prepared p = Demo.prepare(dir, 5000, 6, 5);
            cfg = p.config();
            storeLocation = p.store();
            token = p.token();
        } else {
            if (config == null) {
                throw new ParameterException(spec.commandLine(), "--config: required (a YAML file or directory), "
                        + "or --demo to try it on generated data");
            }
            ConfigLoader loader = dev.surprisal.server.schedule.Cron.configLoader(Secrets.fromEnvironment());
            cfg = load(loader, config);
            if (checkConfig) {
                // a column name that the monitor's readable reference lacks: bad data at the file, line and key
                // (exit 3), as drift baseline --config and POST .../baselines (422) say it
                cfg.monitors().forEach(MonitorConfig::checkReferenceColumns);
                // the server would start, but these monitors could not run: /readyz's rule, on --store
                List<String> unrunnable = cfg.unrunnable(storedBaselines());
                if (!unrunnable.isEmpty()) {
                    throw new ParameterException(spec.commandLine(), String.join("; ", unrunnable));
                }
                if (json.json()) {
                    ObjectNode o = Json.mapper().createObjectNode().put("config", config.toString()).put("valid", true);
                    o.put("monitors", cfg.monitors().size()).put("notifiers", cfg.notifiers().size());
                    out.println(Json.mapper().writeValueAsString(o));
                } else {
                    out.printf("%s: valid, %d monitor(s), %d notifier(s)%n", config, cfg.monitors().size(),
                            cfg.notifiers().size());
                }
                return ExitCode.OK;
            }
            storeLocation = null;
        }
        if (port != null) {
            cfg = cfg.withPort(port);
        }
        Handler jsonLog = json.json() ? JsonLogLines.install(spec.commandLine().getErr()) : null;
        try {
            return serve(out, cfg, storeLocation, token);
        } finally {
            if (jsonLog != null) {
                JsonLogLines.uninstall(jsonLog);
            }
        }
    }

    /**
     * Whether {@code --store} holds a monitor's baseline: the store is opened once, when first asked
     * (only for a monitor whose reference file is missing), and read-only; a DuckDB file that does not
     * exist holds none. A store that cannot be read is bad data (exit 3).
     */
    private java.util.function.Predicate<String> storedBaselines() {
        java.util.concurrent.atomic.AtomicReference<java.util.Set<String>> names =
                new java.util.concurrent.atomic.AtomicReference<>();
        return name -> {
            if (names.get() == null) {
                StoreUrl url = store.url(spec);
                if (url.kind() == StoreUrl.Kind.DUCKDB && !Files.exists(url.file())) {
                    names.set(java.util.Set.of());
                } else {
                    try (DriftStore s = DriftStore.openReadOnly(url, STORE_WAIT_MILLIS)) {
                        names.set(java.util.Set.copyOf(s.monitors()));
                    } catch (StoreException e) {
                        throw new BadDataException(e.getMessage(), e);
                    }
                }
            }
            return names.get().contains(name);
        };
    }

    /** How long {@code --check-config} waits for a running server's hold on a DuckDB store. */
    private static final long STORE_WAIT_MILLIS = 30_000;

    /** Starts the server, says where it listens, and runs until the JVM stops or this thread is interrupted. */
    private int serve(PrintWriter out, ServerConfig cfg, String storeLocation, String token) {
        SurprisalServer server;
        try {
            server = storeLocation != null
                    ? SurprisalServer.start(cfg, storeLocation, Clock.systemUTC(), Duration.ofSeconds(20))
                    : SurprisalServer.start(cfg, store.url(spec), Clock.systemUTC(), Duration.ofSeconds(20));
        } catch (JavalinBindException e) {
            throw new BadDataException("cannot listen on " + cfg.host() + ":" + cfg.port() + " (in use?); choose "
                    + "another with --port");
        }
        if (json.json()) {
            out.println(JsonLogLines.line(listening(server, token)));
        } else {
            announce(out, server, token);
        }
        out.flush();
        Thread hook = new Thread(server::close);
        Runtime.getRuntime().addShutdownHook(hook);
        boolean interrupted = false;
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            // an embedding caller stops the server by interrupting this thread: stop cleanly, exit 0
            interrupted = true;
        } finally {
            boolean ours;
            try {
                ours = Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                ours = false; // the JVM is stopping: the hook closes the server
            }
            if (ours) {
                server.close(); // before the interrupt is restored: Jetty's stop would see it and fail
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK;
    }

    /** The first line of {@code --json}: where the server listens and what it monitors. */
    private static ObjectNode listening(SurprisalServer server, String token) {
        ObjectNode o = Json.mapper().createObjectNode().put("event", "listening").put("url", server.url());
        ArrayNode names = o.putArray("monitors");
        for (MonitorConfig m : server.monitors().config().monitors()) {
            names.add(m.name());
        }
        if (token != null) {
            o.put("token", token).put("token_scope", "read and write, this demo's store only; shown once");
        }
        return o;
    }

    private static void announce(PrintWriter out, SurprisalServer server, String token) {
        out.println("surprisal server listening on " + server.url());
        if (token != null) {
            out.println("demo token (read and write, for this demo's store only; shown once): " + token);
            out.println("open " + server.url() + "login and paste it; then check the drifted day:");
            out.println("  curl -X POST -H 'Authorization: Bearer " + token + "' -d '{\"window\":\""
                    + Demo.FIRST_DAY.plusDays(5) + "\"}' " + server.url() + "api/v1/monitors/orders/checks");
        }
    }

    private ServerConfig load(ConfigLoader loader, Path location) {
        try {
            return loader.load(location);
        } catch (ConfigException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
