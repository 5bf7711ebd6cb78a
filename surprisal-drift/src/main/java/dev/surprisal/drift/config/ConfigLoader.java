// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.config;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.core.ValidationException;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.drift.ColumnRules;
import dev.surprisal.drift.DriftOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads monitor config files (YAML): one file, or every {@code *.yaml}/{@code *.yml} of a directory
 * in name order. Unknown keys, wrong types, unknown notifiers, bad cron expressions and bad rule
 * values are errors naming the file, the line and the key. Relative paths are resolved against the
 * file's directory. Secrets come only from {@code ${env:NAME}}.
 *
 * <pre>
 * server: { host: 127.0.0.1, port: 8080, metrics-public: false }
 * notifiers:
 *   - { name: oncall, type: webhook, url: "${env:HOOK_URL}", retries: 3, backoff: 2s }
 * monitors:
 *   - name: orders
 *     source: { path: "data/orders-{date}.csv" }
 *     reference: { path: data/reference.csv }
 *     rolling: 7          # optional: compare with the latest 7 checked windows, on the reference's bins
 *     measure: psi
 *     warn: 0.1
 *     drift: 0.25
 *     exclude: [order_id, ts]
 *     role: { is_fraud: binary, zip: categorical }   # as --role COL=ROLE; also discrete: [..], continuous: [..],
 *                                                     # dayfirst: [..] (as --dayfirst COL)
 *     thresholds: { amount: { warn: 0.05, drift: 0.1 } }   # a column's own bands (warn, drift, tv-*, w1-*)
 *     schedule: { cron: "0 6 * * *", zone: UTC }
 *     alerts: [oncall]
 * </pre>
 */
public final class ConfigLoader {
    /** Names of monitors and notifiers: safe in URLs, file names and metric labels. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Set<String> TOP = Set.of("server", "monitors", "notifiers");
    private static final Set<String> SERVER = Set.of("host", "port", "reads-public", "metrics-public",
            "retention-days", "max-request-bytes");
    private static final Set<String> MONITOR = Set.of("name", "source", "reference", "measure", "warn", "drift",
            "tv-warn", "tv-drift", "w1-warn", "w1-drift", "alpha", "fail-on", "columns", "exclude", "schedule",
            "alerts", "alert-on", "paused", "rolling", "role", "discrete", "continuous", "dayfirst", "thresholds",
            "engine", "max-lag", "normalize-labels");
    private static final Set<String> SOURCE = Set.of("path", "glob", "jdbc", "user", "password", "query", "fetch-size");
    private static final Set<String> SCHEDULE = Set.of("cron", "zone");
    private static final Set<String> NOTIFIER = Set.of("name", "type", "url", "retries", "backoff", "timeout",
            "send-resolved");

    private final Secrets secrets;
    private final BiConsumer<String, ZoneId> schedules;

    /**
     * A loader for a reader that runs no schedule (a Java program, {@code surprisal drift --config}): a
     * monitor's {@code schedule.cron} is kept as written, and checked only by a loader that runs it.
     *
     * @param secrets where {@code ${env:NAME}} is looked up
     */
    public ConfigLoader(Secrets secrets) {
        this(secrets, (cron, zone) -> { });
    }

    /**
     * A loader that also checks each monitor's schedule, as the server does (its Quartz-backed cron).
     *
     * @param secrets   where {@code ${env:NAME}} is looked up
     * @param schedules checks a 5-field cron expression in its zone; throws a
     *                  {@link ValidationException} saying what is wrong, reported at the
     *                  {@code schedule.cron} key's file and line
     */
    public ConfigLoader(Secrets secrets, BiConsumer<String, ZoneId> schedules) {
        this.secrets = secrets;
        this.schedules = schedules;
    }

    /**
     * @param location a YAML file or a directory of them
     * @return the configuration
     * @throws ConfigException naming file, line and key
     */
    public ServerConfig load(Path location) {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> s = Files.list(location)) {
                s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                        .filter(Files::isRegularFile).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new ConfigException(location.toString(), 0, null, "cannot list the directory: " + e.getMessage());
            }
            if (files.isEmpty()) {
                throw new ConfigException(location.toString(), 0, null, "no *.yaml or *.yml file in this directory");
            }
        } else if (Files.isRegularFile(location)) {
            files.add(location);
        } else {
            throw new ConfigException(location.toString(), 0, null, Files.exists(location)
                    ? "not a regular file or directory" : "no such file or directory");
        }
        ServerConfig config = ServerConfig.empty();
        boolean serverSeen = false;
        List<MonitorConfig> monitors = new ArrayList<>();
        List<NotifierConfig> notifiers = new ArrayList<>();
        for (Path f : files) {
            Node root = read(f);
            Map<String, Node> top = root.entries(TOP);
            if (top.containsKey("server")) {
                if (serverSeen) {
                    throw top.get("server").error("the server block may appear in one file only");
                }
                serverSeen = true;
                config = server(top.get("server"), config);
            }
            if (top.containsKey("notifiers")) {
                for (Node n : top.get("notifiers").items()) {
                    notifiers.add(notifier(n));
                }
            }
            if (top.containsKey("monitors")) {
                for (Node n : top.get("monitors").items()) {
                    monitors.add(monitor(n, f));
                }
            }
        }
        Set<String> seen = new HashSet<>();
        for (NotifierConfig n : notifiers) {
            if (!seen.add(n.name())) {
                throw new ConfigException(location.toString(), 0, "notifiers", "notifier '" + n.name() + "' defined twice");
            }
        }
        seen.clear();
        for (MonitorConfig m : monitors) {
            if (!seen.add(m.name())) {
                throw new ConfigException(m.file(), m.line(), "name", "monitor '" + m.name() + "' defined twice");
            }
            for (String a : m.alerts()) {
                if (notifiers.stream().noneMatch(n -> n.name().equals(a))) {
                    throw new ConfigException(m.file(), m.line(), "alerts", "unknown notifier '" + a + "'; notifiers: "
                            + String.join(", ", notifiers.stream().map(NotifierConfig::name).toList()));
                }
            }
        }
        Path base = Files.isDirectory(location) ? location : location.toAbsolutePath().getParent();
        return config.withMonitors(List.copyOf(monitors)).withNotifiers(List.copyOf(notifiers)).withBaseDir(base);
    }

    /**
     * Reads a monitor file and picks one monitor: the one named, or the file's only one.
     *
     * @param location a YAML file or a directory of them
     * @param name     the monitor's name, or null when the file defines exactly one
     * @return the monitor
     * @throws ConfigException naming the file, line and key; or the file and its monitors when the
     *                         name is not one of them, or none is given and there are several
     */
    public MonitorConfig monitor(Path location, String name) {
        ServerConfig c = load(location);
        String names = String.join(", ", c.monitors().stream().map(MonitorConfig::name).toList());
        if (name == null) {
            if (c.monitors().size() != 1) {
                throw new ConfigException(location.toString(), 0, "monitors", "defines " + c.monitors().size()
                        + " monitors; name the one to check" + (names.isEmpty() ? "" : ": " + names));
            }
            return c.monitors().get(0);
        }
        return c.monitor(name).orElseThrow(() -> new ConfigException(location.toString(), 0, "monitors",
                "no monitor '" + name + "'; monitors: " + (names.isEmpty() ? "none" : names)));
    }

    /**
     * Reads one monitor definition (the API's create/update body), with the same rules as a file.
     *
     * @param yaml    the monitor's mapping, YAML or JSON
     * @param origin  a name for messages
     * @param baseDir where relative paths are resolved
     * @return the monitor
     */
    public MonitorConfig monitor(String yaml, String origin, Path baseDir) {
        Node n = compose(new java.io.StringReader(yaml), origin);
        return monitor(n, baseDir.resolve("api"));
    }

    private Node read(Path f) {
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            return compose(r, f.toString());
        } catch (IOException e) {
            throw new ConfigException(f.toString(), 0, null, "cannot read: " + e.getMessage());
        }
    }

    private Node compose(Reader r, String name) {
        LoaderOptions lo = new LoaderOptions();
        lo.setAllowDuplicateKeys(false);
        lo.setMaxAliasesForCollections(10);
        lo.setCodePointLimit(4 << 20);
        try {
            org.yaml.snakeyaml.nodes.Node n = new Yaml(new SafeConstructor(lo)).compose(r);
            if (n == null) {
                throw new ConfigException(name, 0, null, "empty file");
            }
            return new Node(n, name, "", secrets);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ConfigException(name, line, null, "not valid YAML: " + e.getProblem());
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw new ConfigException(name, 0, null, "not valid YAML: " + e.getMessage());
        }
    }

    private ServerConfig server(Node n, ServerConfig c) {
        Map<String, Node> e = n.entries(SERVER);
        String host = e.containsKey("host") ? e.get("host").text() : c.host();
        int port = e.containsKey("port") ? e.get("port").integer() : c.port();
        if (port < 0 || port > 65535) {
            throw e.get("port").error("must be 0..65535, got " + port);
        }
        boolean reads = e.containsKey("reads-public") ? e.get("reads-public").bool() : c.readsPublic();
        boolean metrics = e.containsKey("metrics-public") ? e.get("metrics-public").bool() : c.metricsPublic();
        int retention = e.containsKey("retention-days") ? e.get("retention-days").integer() : c.retentionDays();
        if (retention < 1) {
            throw e.get("retention-days").error("must be at least 1, got " + retention);
        }
        long max = e.containsKey("max-request-bytes") ? e.get("max-request-bytes").integer() : c.maxRequestBytes();
        if (max < 1024) {
            throw e.get("max-request-bytes").error("must be at least 1024, got " + max);
        }
        return new ServerConfig(host, port, reads, metrics, retention, max, c.monitors(), c.notifiers(), c.baseDir());
    }

    private NotifierConfig notifier(Node n) {
        Map<String, Node> e = n.entries(NOTIFIER);
        String name = name(n, e);
        String type = required(n, e, "type").text();
        if (!List.of("webhook", "slack", "alertmanager").contains(type)) {
            throw e.get("type").error("expected webhook, slack or alertmanager, got '" + type + "'");
        }
        Node urlNode = required(n, e, "url");
        String url = urlNode.secret(); // a webhook URL is a credential (Slack, Teams): from the environment only
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw urlNode.error("expected an http:// or https:// URL");
        }
        int retries = e.containsKey("retries") ? e.get("retries").integer() : 3;
        if (retries < 0 || retries > 10) {
            throw e.get("retries").error("must be 0..10, got " + retries);
        }
        Duration backoff = e.containsKey("backoff") ? duration(e.get("backoff")) : Duration.ofSeconds(2);
        Duration timeout = e.containsKey("timeout") ? duration(e.get("timeout")) : Duration.ofSeconds(10);
        boolean resolved = !e.containsKey("send-resolved") || e.get("send-resolved").bool();
        return new NotifierConfig(name, type, url, retries, backoff, timeout, resolved);
    }

    private MonitorConfig monitor(Node n, Path file) {
        Map<String, Node> e = n.entries(MONITOR);
        String name = name(n, e);
        Path dir = file.toAbsolutePath().getParent();
        if (e.containsKey("engine") && !e.get("engine").text().equals("local")) {
            // known, so refused with the way to run it rather than as a typo
            throw e.get("engine").error("'" + e.get("engine").text() + "': the server checks its monitors on the local"
                    + " engine only; run a Spark check with surprisal drift check --engine spark (or spark-submit"
                    + " dev.surprisal.spark.DriftJob) into the same --store, which the server reads, or set engine: local");
        }
        SourceConfig source = source(required(n, e, "source"), dir, true);
        SourceConfig reference = e.containsKey("reference") ? source(e.get("reference"), dir, false) : null;
        Map<String, String> settings = new LinkedHashMap<>();
        for (String k : DriftOptions.KEYS) {
            if (e.containsKey(k)) {
                settings.put(k, e.get(k).text());
                try {
                    DriftOptions.defaults().withSettings(settings);
                } catch (ValidationException ex) {
                    throw e.get(k).error(ex.getMessage());
                }
            }
        }
        List<String> columns = e.containsKey("columns") ? e.get("columns").strings() : List.of();
        List<String> exclude = e.containsKey("exclude") ? e.get("exclude").strings() : List.of();
        String cron = null;
        String zone = "UTC";
        if (e.containsKey("schedule")) {
            Map<String, Node> s = e.get("schedule").entries(SCHEDULE);
            Node cronNode = required(e.get("schedule"), s, "cron");
            cron = cronNode.text();
            if (s.containsKey("zone")) {
                zone = s.get("zone").text();
                try {
                    ZoneId.of(zone);
                } catch (RuntimeException ex) {
                    throw s.get("zone").error("unknown time zone '" + zone + "' (e.g. UTC, Europe/Berlin)");
                }
            }
            try {
                schedules.accept(cron, ZoneId.of(zone));
            } catch (ValidationException ex) {
                throw cronNode.error(ex.getMessage());
            }
        }
        List<String> alerts = e.containsKey("alerts") ? e.get("alerts").strings() : List.of();
        boolean onWarn = false;
        if (e.containsKey("alert-on")) {
            String a = e.get("alert-on").text();
            if (!a.equals("warn") && !a.equals("drift")) {
                throw e.get("alert-on").error("expected warn or drift, got '" + a + "'");
            }
            onWarn = a.equals("warn");
        }
        boolean paused = e.containsKey("paused") && e.get("paused").bool();
        int rolling = 0;
        if (e.containsKey("rolling")) {
            Node r = e.get("rolling");
            rolling = r.parse("'previous' or a number of windows", t -> t.equals("previous") ? 1 : Integer.parseInt(t));
            if (rolling < 1 || rolling > MonitorConfig.MAX_ROLLING) {
                throw r.error("expected 'previous' or a number of windows 1.." + MonitorConfig.MAX_ROLLING + ", got '"
                        + r.text() + "'");
            }
        }
        Duration maxLag = null;
        if (e.containsKey("max-lag")) {
            try {
                maxLag = dev.surprisal.drift.BatchLag.parse("max-lag", e.get("max-lag").text());
            } catch (ValidationException ex) {
                throw e.get("max-lag").error(ex.getMessage());
            }
        }
        Map<String, ColumnRole> roles = new LinkedHashMap<>();
        if (e.containsKey("role")) {
            e.get("role").entries(null).forEach((col, r) -> {
                try {
                    roles.put(col, ColumnRole.parse(r.text()));
                } catch (ValidationException ex) {
                    throw r.error(ex.getMessage());
                }
            });
        }
        List<String> discrete = e.containsKey("discrete") ? e.get("discrete").strings() : List.of();
        List<String> continuous = e.containsKey("continuous") ? e.get("continuous").strings() : List.of();
        List<String> dayFirst = e.containsKey("dayfirst") ? e.get("dayfirst").strings() : List.of();
        try {
            new RoleOverrides(columns.isEmpty() ? null : columns, exclude, discrete, continuous, roles, null, dayFirst);
        } catch (ValidationException ex) {
            throw n.error(ex.getMessage().replace("--", ""));
        }
        boolean normalizeLabels = e.containsKey("normalize-labels") && e.get("normalize-labels").bool();
        ColumnRules bands = ColumnRules.none();
        if (e.containsKey("thresholds")) {
            for (Map.Entry<String, Node> c : e.get("thresholds").entries(null).entrySet()) {
                Map<String, String> own = new LinkedHashMap<>();
                c.getValue().entries(Set.copyOf(ColumnRules.KEYS)).forEach((k, v) -> own.put(k, v.text()));
                if (exclude.contains(c.getKey())) {
                    throw c.getValue().error("column '" + c.getKey() + "' is in exclude");
                }
                try {
                    bands = bands.withColumn(c.getKey(), own);
                } catch (ValidationException ex) {
                    throw c.getValue().error(ex.getMessage());
                }
            }
        }
        return new MonitorConfig(name, file.toString(), n.line(), source, reference, Map.copyOf(settings),
                List.copyOf(columns), List.copyOf(exclude), cron, zone, List.copyOf(alerts), onWarn, paused, rolling,
                java.util.Collections.unmodifiableMap(roles), List.copyOf(discrete), List.copyOf(continuous), bands,
                List.copyOf(dayFirst), maxLag, columnRefs(e), normalizeLabels);
    }

    /** Each column name of the monitor's keys with its line and key, for {@link MonitorConfig#checkColumns}. */
    private static ColumnRefs columnRefs(Map<String, Node> e) {
        List<ColumnRefs.Ref> out = new ArrayList<>();
        for (String key : List.of("columns", "exclude", "discrete", "continuous", "role", "dayfirst", "thresholds")) {
            Node k = e.get(key);
            if (k == null) {
                continue;
            }
            if (key.equals("role") || key.equals("thresholds")) {
                k.entries(null).forEach((col, v) -> out.add(new ColumnRefs.Ref(col, k.file(), v.line(), k.path())));
            } else if (k.scalar()) {
                out.add(new ColumnRefs.Ref(k.text(), k.file(), k.line(), k.path()));
            } else {
                k.items().forEach(i -> out.add(new ColumnRefs.Ref(i.text(), k.file(), i.line(), k.path())));
            }
        }
        return new ColumnRefs(out);
    }

    private SourceConfig source(Node n, Path dir, boolean windowed) {
        Map<String, Node> e = n.entries(SOURCE);
        int kinds = (e.containsKey("path") ? 1 : 0) + (e.containsKey("glob") ? 1 : 0) + (e.containsKey("jdbc") ? 1 : 0);
        if (kinds != 1) {
            throw n.error("give exactly one of path (a file, {date} for the window's date), glob or jdbc (with query)");
        }
        int fetch = e.containsKey("fetch-size") ? e.get("fetch-size").integer() : 10_000;
        if (fetch < 1) {
            throw e.get("fetch-size").error("must be at least 1, got " + fetch);
        }
        if (e.containsKey("jdbc")) {
            String url = e.get("jdbc").text();
            if (!url.startsWith("jdbc:postgresql:")) {
                throw e.get("jdbc").error("only jdbc:postgresql://HOST[:PORT]/DB is supported");
            }
            if (url.toLowerCase(java.util.Locale.ROOT).contains("password=")) {
                throw e.get("jdbc").error("put the password in 'password: \"${env:NAME}\"', not in the URL");
            }
            Node q = required(n, e, "query");
            String user = e.containsKey("user") ? e.get("user").text() : null;
            String password = e.containsKey("password") ? e.get("password").secret() : null;
            return new SourceConfig(null, null, url, user, password, q.text(), fetch);
        }
        for (String k : List.of("user", "password", "query")) {
            if (e.containsKey(k)) {
                throw e.get(k).error("only for a jdbc source");
            }
        }
        if (e.containsKey("glob")) {
            String g = e.get("glob").text();
            return new SourceConfig(null, resolve(dir, g), null, null, null, null, fetch);
        }
        String p = e.get("path").text();
        if (!windowed && p.contains("{date}")) {
            throw e.get("path").error("a reference is one fixed file; {date} is for the source");
        }
        // a reference file that does not exist is not an error here: a monitor whose baseline is in the
        // store runs without it (MonitorConfig.cannotRun, for serve --check-config and /readyz alike)
        return new SourceConfig(resolve(dir, p), null, null, null, null, null, fetch);
    }

    private static String resolve(Path dir, String p) {
        return Path.of(p).isAbsolute() || dir == null ? p : dir.resolve(p).toString();
    }

    private static String name(Node n, Map<String, Node> e) {
        Node nn = required(n, e, "name");
        String name = nn.text();
        if (!NAME.matcher(name).matches()) {
            throw nn.error("names are 1-64 letters, digits, '.', '_' or '-' starting with a letter or digit, got '"
                    + name + "'");
        }
        return name;
    }

    private static Node required(Node parent, Map<String, Node> e, String key) {
        Node v = e.get(key);
        if (v == null) {
            throw parent.error("missing key '" + key + "'");
        }
        return v;
    }

    private static Duration duration(Node n) {
        return n.parse("a duration such as 500ms, 2s or 1m", s -> {
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
            }
            long v = Long.parseLong(s.substring(0, s.length() - 1));
            return switch (s.charAt(s.length() - 1)) {
                case 's' -> Duration.ofSeconds(v);
                case 'm' -> Duration.ofMinutes(v);
                case 'h' -> Duration.ofHours(v);
                default -> throw new IllegalArgumentException(s);
            };
        });
    }
}
