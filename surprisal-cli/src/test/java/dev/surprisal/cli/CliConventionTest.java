// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surprisal.data.demo.OrdersTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.surprisal.core.Base;
import dev.surprisal.measures.KullbackLeibler;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The one CLI convention (issue 13): every verb's {@code --json} is one object with snake_case keys
 * (and {@code measure}, {@code value}, {@code unit} where it has a headline value), the positional
 * inputs are aliases giving byte-identical output to {@code --data} / {@code --kb} /
 * {@code --reference}, {@code --threads} is validated the same way on every parallel verb, and
 * {@code help VERB SUB} shows the sub-verb's page. The data are the seeded orders table (an id
 * column, timestamps, a 0/1 flag, missing and invalid amounts) and notes copied from real text.
 */
class CliConventionTest {
    private static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
    private static final ObjectMapper READER = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path ref;
    static Path day;
    static Path kb;
    static Path draft;

    @BeforeAll
    static void data() throws IOException {
        ref = OrdersTable.reference(2000, 11).writeCsv(dir.resolve("ref.csv"));
        day = OrdersTable.day(OrdersTable.Change.AMOUNT_SHIFT, 2000, 12).writeCsv(dir.resolve("day.csv"));
        kb = Files.createDirectory(dir.resolve("kb"));
        String apache = Files.readString(Path.of("/usr/share/common-licenses/Apache-2.0"));
        String gpl = Files.readString(Path.of("/usr/share/common-licenses/GPL-3"));
        Files.writeString(kb.resolve("apache.md"), apache);
        Files.writeString(kb.resolve("gpl.md"), gpl);
        Files.writeString(kb.resolve("apache-copy.md"), apache);
        Files.writeString(kb.resolve("short.md"), "buy milk, call the bank");
        draft = Files.writeString(dir.resolve("draft.md"), gpl.substring(0, 6000));
    }

    /** Every key of the tree (nested objects and arrays included) that is not snake_case. */
    static List<String> nonSnakeKeys(JsonNode node) {
        List<String> bad = new ArrayList<>();
        walk(node, "$", bad);
        return bad;
    }

    private static void walk(JsonNode node, String path, List<String> bad) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!SNAKE.matcher(e.getKey()).matches()) {
                    bad.add(path + "." + e.getKey());
                }
                walk(e.getValue(), path + "." + e.getKey(), bad);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", bad);
            }
        }
    }

    /** Runs a verb with --json: it must succeed (or raise its alarm), print one object, snake_case throughout. */
    private static JsonNode json(String... args) throws IOException {
        List<String> a = new ArrayList<>(List.of(args));
        a.add("--json");
        Cli r = Cli.run(a.toArray(String[]::new));
        String what = String.join(" ", args);
        assertThat(r.code()).as(what + ": " + r.err()).isIn(ExitCode.OK, ExitCode.ALARM);
        JsonNode j = READER.readTree(r.out());
        assertThat(j.isObject()).as(what).isTrue();
        assertThat(nonSnakeKeys(j)).as(what + " has non-snake_case keys").isEmpty();
        return j;
    }

    private static void headline(JsonNode j, String measure, String unit) {
        assertThat(j.get("measure").asText()).isEqualTo(measure);
        assertThat(j.get("value").isNumber()).as(j.toString()).isTrue();
        assertThat(j.get("unit").asText()).isEqualTo(unit);
    }

    @Test
    void theWalkFindsACamelCaseKeyAnywhere() throws IOException {
        assertThat(nonSnakeKeys(READER.readTree("{\"a\": [{\"b_c\": {\"deepKey\": 1}}], \"ok_key\": 2}")))
                .containsExactly("$.a[0].b_c.deepKey");
        assertThat(nonSnakeKeys(READER.readTree("{\"xz -6\": 1, \"psiReason\": null, \"psi_reason\": 1}")))
                .containsExactly("$.xz -6", "$.psiReason");
    }

    @Test
    void measuringVerbsHaveAHeadlineAndSnakeCaseKeys() throws IOException {
        headline(json("entropy", "0.5", "0.5"), "entropy", "bits");
        headline(json("entropy", "--data", ref.toString(), "--column", "country"), "entropy", "bits");
        json("entropy", "--data", ref.toString(), "--column", "amount");
        json("entropy", "--data", ref.toString(), "--column", "amount", "--bins", "10");
        headline(json("divergence", "--p", "0.5,0.5", "--q", "0.9,0.1", "--measure", "all"), "kl", "bits");
        JsonNode infinite = json("divergence", "--p", "0.5,0.5", "--q", "1,0");
        assertThat(infinite.get("value").asText()).isEqualTo("Infinity");
    }

    @Test
    void miAnswersInSnakeCase() throws IOException {
        json("mi", "--data", ref.toString(), "--x", "days_since_last", "--y", "churned", "--permutations", "0");
        json("mi", "--data", ref.toString(), "--target", "churned", "--permutations", "0", "--bootstrap", "0");
        json("mi", "--data", ref.toString(), "--target", "churned", "--select", "2", "--permutations", "0");
        json("mi", "--data", ref.toString(), "--matrix", "--columns", "amount,country,churned", "--permutations", "0");
    }

    @Test
    void driftVerbsAnswerInSnakeCaseIncludingTheirNullReasons() throws IOException {
        String store = dir.resolve("store/drift.duckdb").toString();
        json("drift", "baseline", "--monitor", "orders", "--data", ref.toString(), "--store", store);
        JsonNode check = json("drift", "check", "--monitor", "orders", "--data", day.toString(), "--store", store,
                "--at", "2024-05-01");
        // the unscored columns (order_id, ts) have no PSI: null, with a snake_case reason beside it
        assertThat(check.toString()).contains("\"psi_reason\"").doesNotContain("Reason\"");
        json("drift", "history", "--monitor", "orders", "--store", store);
        JsonNode compare = json("drift", "compare", "--reference", ref.toString(), "--data", day.toString());
        assertThat(compare.get("verdict").asText()).isEqualTo("DRIFT");
    }

    @Test
    void fileNotesAndElboAnswerInSnakeCase() throws IOException {
        JsonNode file = json("file", "--data", draft.toString(), "--no-codecs");
        headline(file, "entropy", "bits per byte");
        assertThat(file.get("conditional_entropy")).hasSize(3);
        json("file", draft.toString(), "--order0");
        JsonNode scan = json("notes", "scan", "--kb", kb.toString());
        assertThat(scan.get("notes").get(0).has("novel_bits_per_word")).isTrue();
        JsonNode add = json("notes", "add", "--data", draft.toString(), "--kb", kb.toString());
        headline(add, "novel_bits_per_word", "bits per word");
        assertThat(add.get("label").asText()).isEqualTo("excerpt");
        JsonNode elbo = json("elbo", "demo");
        headline(elbo, "log_evidence", "nats");
        JsonNode posterior = elbo.get("exact_gap").get("q").get(2);
        assertThat(posterior.get("q").asText()).isEqualTo("true posterior");
        assertThat(posterior.get("elbo").asDouble()).isCloseTo(elbo.get("value").asDouble(),
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(elbo.get("kl_directions").get("forward").get("sd").asDouble())
                .isCloseTo(Math.sqrt(10), org.assertj.core.api.Assertions.within(1e-3));
    }

    @Test
    void vaeVerbsAnswerInSnakeCase() throws IOException {
        Path run = dir.resolve("vae-run");
        String[] tiny = {"--epochs", "1", "--train-limit", "256", "--test-limit", "64", "--hidden", "16", "--latent", "2",
            "--threads", "1", "--quiet"};
        List<String> train = new ArrayList<>(List.of("vae", "train", "--out", run.toString()));
        train.addAll(List.of(tiny));
        JsonNode t = json(train.toArray(String[]::new));
        headline(t, "neg_elbo", "nats per image");
        assertThat(t.get("epochs").get(0).has("test_reconstruction")).isTrue();
        JsonNode e = json("vae", "eval", run.toString(), "--iwae", "1,5", "--test-limit", "64", "--threads", "1");
        headline(e, "elbo", "nats per image");
        assertThat(e.get("iwae")).hasSize(2);
        List<String> sweep = new ArrayList<>(List.of("vae", "sweep", "--betas", "1,2", "--out",
                dir.resolve("sweep").toString()));
        sweep.addAll(List.of(tiny));
        JsonNode s = json(sweep.toArray(String[]::new));
        assertThat(s.get("rows")).hasSize(2);
        assertThat(s.get("unit").asText()).isEqualTo("nats per image");
    }

    @Test
    void positionalInputsAreAliasesWithByteIdenticalOutput() throws IOException {
        Cli named = Cli.run("drift", "compare", "--reference", ref.toString(), "--data", day.toString(), "--json");
        Cli positional = Cli.run("drift", "compare", ref.toString(), day.toString(), "--json");
        assertThat(named.code()).as(named.err()).isEqualTo(ExitCode.ALARM);
        assertThat(positional.code()).isEqualTo(named.code());
        assertThat(positional.out()).isNotEmpty().isEqualTo(named.out());
        assertThat(Cli.run("drift", "compare", ref.toString(), day.toString()).out())
                .isEqualTo(Cli.run("drift", "compare", "--reference", ref.toString(), "--data", day.toString()).out());

        Path notes = Files.createDirectory(dir.resolve("alias-kb"));
        for (Path p : Files.list(kb).filter(Files::isRegularFile).toList()) {
            Files.copy(p, notes.resolve(p.getFileName()));
        }
        Cli.run("notes", "scan", notes.toString());  // writes the index, so the runs below all start from it
        Cli scanPositional = Cli.run("notes", "scan", notes.toString(), "--json");
        Cli scanNamed = Cli.run("notes", "scan", "--kb", notes.toString(), "--json");
        assertThat(scanNamed.code()).isZero();
        assertThat(scanPositional.out()).isNotEmpty().isEqualTo(scanNamed.out());

        Cli.run("notes", "add", draft.toString(), "--kb", notes.toString());
        Cli addPositional = Cli.run("notes", "add", draft.toString(), "--kb", notes.toString(), "--json");
        Cli addNamed = Cli.run("notes", "add", "--data", draft.toString(), "--kb", notes.toString(), "--json");
        assertThat(addNamed.code()).isEqualTo(ExitCode.ALARM).isEqualTo(addPositional.code());
        assertThat(addPositional.out()).isNotEmpty().isEqualTo(addNamed.out());

        Cli filePositional = Cli.run("file", draft.toString(), "--no-codecs");
        assertThat(filePositional.out()).isNotEmpty()
                .isEqualTo(Cli.run("file", "--data", draft.toString(), "--no-codecs").out());
    }

    @Test
    void anInputGivenTwiceOrMissingIsAUsageError() {
        Cli three = Cli.run("drift", "compare", ref.toString(), ref.toString(), day.toString());
        assertThat(three.code()).isEqualTo(ExitCode.USAGE);
        assertThat(three.err()).contains("too many files");
        // which file is the reference must be said, never guessed: it decides KL's direction, roles and bins
        Cli mixed = Cli.run("drift", "compare", "--data", ref.toString(), day.toString());
        assertThat(mixed.code()).isEqualTo(ExitCode.USAGE);
        assertThat(mixed.err()).contains("not both ways").contains("--data " + ref);
        assertThat(Cli.run("drift", "compare", "--reference", ref.toString(), day.toString()).code())
                .isEqualTo(ExitCode.USAGE);
        Cli one = Cli.run("drift", "compare", ref.toString());
        assertThat(one.code()).isEqualTo(ExitCode.USAGE);
        assertThat(one.err()).contains("missing --data FILE");
        Cli twice = Cli.run("notes", "scan", "--kb", kb.toString(), dir.toString());
        assertThat(twice.code()).isEqualTo(ExitCode.USAGE);
        assertThat(twice.err()).contains("give --kb DIR once");
        assertThat(Cli.run("notes", "add", "--kb", kb.toString()).err()).contains("missing --data FILE");
        assertThat(Cli.run("file").err()).contains("missing file");
    }

    @Test
    void threadsIsValidatedOnEveryParallelVerbAndDoesNotChangeResults() throws IOException {
        String[][] verbs = {
            {"file", draft.toString()},
            {"notes", "scan", kb.toString()},
            {"notes", "add", draft.toString(), "--kb", kb.toString()},
            {"drift", "compare", ref.toString(), day.toString()},
            {"drift", "baseline", "--monitor", "m", "--data", ref.toString(), "--store", dir.resolve("t.duckdb").toString()},
            {"drift", "check", "--monitor", "m", "--data", day.toString(), "--store", dir.resolve("t.duckdb").toString()},
            {"vae", "train", "--out", dir.resolve("never").toString()},
            {"vae", "eval", dir.resolve("never").toString()},
            {"vae", "sweep", "--out", dir.resolve("never").toString()},
            {"mi", "--data", ref.toString(), "--target", "churned"},
        };
        for (String[] v : verbs) {
            List<String> a = new ArrayList<>(List.of(v));
            a.addAll(List.of("--threads", "0"));
            Cli r = Cli.run(a.toArray(String[]::new));
            assertThat(r.code()).as(String.join(" ", v)).isEqualTo(ExitCode.USAGE);
            assertThat(r.err()).as(String.join(" ", v)).contains("--threads: must be at least 1, got 0");
        }
        // a value the library refuses (PyTorch takes at most 1,024 threads) is a usage error naming --threads too
        Cli many = Cli.run("vae", "train", "--threads", "5000", "--out", dir.resolve("never").toString());
        assertThat(many.code()).isEqualTo(ExitCode.USAGE);
        assertThat(many.err()).startsWith(ErrorHandlers.PREFIX + "--threads: ");
        assertThat(Cli.run("drift", "compare", ref.toString(), day.toString(), "--threads", "1", "--json").out())
                .isEqualTo(Cli.run("drift", "compare", ref.toString(), day.toString(), "--json").out());
        assertThat(Cli.run("mi", "--data", ref.toString(), "--target", "churned", "--threads", "1", "--json").out())
                .isEqualTo(Cli.run("mi", "--data", ref.toString(), "--target", "churned", "--threads", "2", "--json")
                        .out()).contains("\"ranking\"");
        assertThat(Cli.run("file", "--ent", draft.toString(), "--threads", "1").out())
                .isEqualTo(Cli.run("file", "--ent", draft.toString()).out()).contains("Entropy = ");
        assertThat(Cli.run("file", draft.toString(), "--threads", "1", "--json").out())
                .isEqualTo(Cli.run("file", draft.toString(), "--threads", "3", "--json").out());
        Path notes = Files.createDirectory(dir.resolve("threads-kb"));
        for (Path p : Files.list(kb).filter(Files::isRegularFile).toList()) {
            Files.copy(p, notes.resolve(p.getFileName()));
        }
        Cli.run("notes", "scan", notes.toString());
        assertThat(Cli.run("notes", "scan", notes.toString(), "--threads", "1", "--json").out())
                .isEqualTo(Cli.run("notes", "scan", notes.toString(), "--threads", "3", "--json").out());
    }

    /** Every command in the tree, the root and the groups included, depth first. */
    private static List<CommandLine> allCommands() {
        List<CommandLine> all = new ArrayList<>();
        List<CommandLine> todo = new ArrayList<>(List.of(SurprisalCommand.commandLine(
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))));
        while (!todo.isEmpty()) {
            CommandLine c = todo.remove(todo.size() - 1);
            all.add(c);
            todo.addAll(c.getSubcommands().values());
        }
        return all;
    }

    @Test
    void everyVerbHasJsonAndEveryPageHasExamples() {
        List<String> verbs = new ArrayList<>();
        for (CommandLine c : allCommands()) {
            String name = c.getCommandSpec().qualifiedName();
            String footer = String.join("\n", c.getCommandSpec().usageMessage().footer());
            assertThat(footer).as(name + " --help has no examples").containsPattern("Examples?( \\([a-z ]+\\))?:");
            // a verb does something (a Callable); a group (drift, notes, vae, elbo, serve token) only lists verbs
            if (c.getCommand() instanceof Callable<?> && !(c.getCommand() instanceof HelpVerb)) {
                verbs.add(name);
                assertThat(c.getCommandSpec().findOption("--json")).as(name + " has no --json").isNotNull();
            }
        }
        // the walk reached the verbs, sub-verbs and sub-sub-verbs (so the check above is not vacuous)
        assertThat(verbs).contains("surprisal entropy", "surprisal tour", "surprisal serve", "surprisal drift check",
                "surprisal serve token new", "surprisal vae sweep", "surprisal notes add");
    }

    @Test
    void tourJsonHasEveryStopWithItsNumbersAtFullPrecision() throws IOException {
        JsonNode tour = json("tour", "--no-vae");
        JsonNode stops = tour.get("stops");
        String plain = Cli.run("tour", "--no-vae").out();
        assertThat(stops).hasSize(10);
        for (JsonNode stop : stops) {
            String title = stop.get("title").asText();
            assertThat(plain).as("the plain tour has the same stops").contains(stop.get("stop").asInt() + ". " + title);
            assertThat(stop.get("try")).as(title).isNotEmpty();
            // each try command is the stop's try line, and the text ends with the last one
            List<String> text = new ArrayList<>();
            stop.get("text").forEach(t -> text.add(t.asText()));
            assertThat(text.get(text.size() - 1)).isEqualTo("  try: " + stop.get("try").get(stop.get("try").size() - 1)
                    .asText());
            assertThat(stop.get("results").size() + stop.get("verdicts").size()).as(title).isPositive();
            for (JsonNode r : stop.get("results")) {
                assertThat(r.get("unit").asText()).as(title + " " + r).isNotBlank();
                assertThat(SNAKE.matcher(r.get("measure").asText()).matches()).as(r.toString()).isTrue();
            }
        }
        // stop 2's KL(P||Q) is the library's value at full precision, not the text's three digits
        JsonNode kl = stops.get(1).get("results").get(0);
        assertThat(kl.get("label").asText()).isEqualTo("KL(P||Q)");
        assertThat(kl.get("unit").asText()).isEqualTo("nats");
        assertThat(kl.get("value").asDouble()).isEqualTo(
                KullbackLeibler.divergence(new double[] {0.5, 0.5}, new double[] {0.9, 0.1}, Base.NATS));
        // the drift stop's verdicts are the statuses its table prints
        JsonNode drift = stops.get(6);
        assertThat(drift.get("verdicts").get(0).get("verdict").asText()).isEqualTo("OK");
        assertThat(drift.get("verdicts").get(1).get("verdict").asText()).isEqualTo("DRIFT");
    }

    @Test
    void serveTokensAnswerInJson() throws IOException {
        String store = dir.resolve("tokens/drift.duckdb").toString();
        JsonNode made = json("serve", "token", "new", "--name", "ci", "--role", "write", "--store", store);
        assertThat(made.get("role").asText()).isEqualTo("write");
        assertThat(made.get("token").asText()).startsWith("sps_");
        JsonNode list = json("serve", "token", "list", "--store", store);
        assertThat(list.get("tokens").get(0).get("name").asText()).isEqualTo("ci");
        assertThat(list.get("tokens").get(0).get("revoked_at").isNull()).isTrue();
        assertThat(list.toString()).doesNotContain(made.get("token").asText().substring(4, 20));
        assertThat(json("serve", "token", "revoke", "--name", "ci", "--store", store).get("revoked").asBoolean()).isTrue();
        assertThat(json("serve", "token", "list", "--store", store).get("tokens").get(0).get("revoked_at").isTextual())
                .isTrue();
    }

    @Test
    void serveJsonIsOneLinePerEventAndLogsAsJsonLines() throws Exception {
        Path config = Files.writeString(dir.resolve("serve.yaml"), "monitors:\n  - name: orders\n"
                + "    source: { path: \"day.csv\" }\n");
        JsonNode valid = json("serve", "--config", config.toString(), "--check-config");
        assertThat(valid.get("valid").asBoolean()).isTrue();
        assertThat(valid.get("monitors").asInt()).isEqualTo(1);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger code = new AtomicInteger(-1);
        Thread serve = new Thread(() -> code.set(SurprisalCommand.execute(new PrintWriter(out, true),
                new PrintWriter(err, true), "serve", "--config", config.toString(), "--store",
                dir.resolve("serve/drift.duckdb").toString(), "--port", "0", "--json")));
        serve.start();
        try {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!out.toString().contains("\n") && serve.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            String first = out.toString().lines().findFirst().orElseThrow(() -> new AssertionError(err.toString()));
            JsonNode listening = READER.readTree(first);
            assertThat(listening.get("event").asText()).isEqualTo("listening");
            assertThat(READER.readTree(listening.get("monitors").toString()).get(0).asText()).isEqualTo("orders");
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(listening.get("url").asText() + "healthz")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            // a server log record (as the scheduler writes one) comes out as one JSON line on stderr
            Logger.getLogger("dev.surprisal.server.schedule.Scheduler").warning("schedule of monitor orders failed: x");
            JsonNode log = READER.readTree(err.toString().lines().filter(l -> l.contains("schedule of monitor"))
                    .findFirst().orElseThrow(() -> new AssertionError(err.toString())));
            assertThat(log.get("level").asText()).isEqualTo("WARNING");
            assertThat(log.get("logger").asText()).isEqualTo("dev.surprisal.server.schedule.Scheduler");
            assertThat(log.get("message").asText()).isEqualTo("schedule of monitor orders failed: x");
            assertThat(nonSnakeKeys(log)).isEmpty();
            assertThat(nonSnakeKeys(listening)).isEmpty();
        } finally {
            serve.interrupt();  // stops the server as an embedding caller would
            serve.join(30_000);
        }
        assertThat(serve.isAlive()).isFalse();
        assertThat(code.get()).as(err.toString()).isZero();
        // stopped: its records go back to the usual handlers, not to this run's stderr
        int before = err.toString().length();
        Logger.getLogger("dev.surprisal.server.schedule.Scheduler").warning("after the stop (on the console handler)");
        assertThat(err.toString()).hasSize(before);
    }

    @Test
    void helpOfANestedVerbShowsThatVerbsPage() {
        Cli r = Cli.run("help", "drift", "check");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: surprisal drift check").contains("--monitor").contains("Examples:")
                .isEqualTo(Cli.run("drift", "check", "--help").out());
        assertThat(Cli.run("help", "notes", "scan").out()).isEqualTo(Cli.run("notes", "scan", "--help").out());
        assertThat(Cli.run("help", "vae", "eval").out()).contains("Usage: surprisal vae eval").contains("--json");
        assertThat(Cli.run("help", "drift").out()).isEqualTo(Cli.run("drift", "--help").out());
        Cli unknown = Cli.run("help", "drift", "chek");
        assertThat(unknown.code()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err()).contains("unknown verb 'chek' under 'surprisal drift'").contains("check");
    }

    @Test
    void helpTextsSayWhatTheOutputDoes() {
        // alpha is split over the tests the columns run, as the summary line of every check prints
        assertThat(Cli.run("drift", "--help").out()).contains("split evenly over the tests the columns run");
        assertThat(Cli.run("drift", "check", "--help").out().replaceAll("\\s+", " "))
                .contains("alpha / tests each; 4 tests for a numeric column, 3 for a categorical one");
        // the sparkline's top is the largest of the column's maximum, twice its noise level and the warn band, as
        // printed under it (hist14: so noise reads low)
        assertThat(Cli.run("drift", "history", "--help").out().replaceAll("\\s+", " "))
                .contains("█ = the largest of the column's largest value, twice its noise level and the warn band of"
                        + " the baseline's rule");
    }
}
