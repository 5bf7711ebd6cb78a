// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static dev.surprisal.cli.fuzz.CliFuzzTest.SEED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fuzz suite's verbs with state on disk: drift stores (broken files, directories, unsupported
 * and unreachable database URLs carrying a password), notes directories, files of every kind for
 * {@code file}, VAE run directories (truncated, corrupted, mismatched) and plot paths. Each case is
 * checked by {@link Run#check}.
 */
@Tag("fuzz")
class StatefulFuzzTest {
    static Sandbox box;
    static byte[] goodParquet;
    static Path goodRun;

    @BeforeContainer
    static void sandbox() throws Exception {
        box = new Sandbox("surprisal-fuzz-state");
        goodParquet = HostileFiles.goodParquet(box.root);
        goodRun = box.root.resolve("good-run");
        Run train = Run.inProcess(Sandbox.TIMEOUT, "vae", "train", "--epochs", "1", "--train-limit", "128",
                "--test-limit", "32", "--hidden", "8", "--latent", "2", "--threads", "1", "--quiet", "--out",
                goodRun.toString());
        assertThat(train.code()).as(train.err()).isZero();
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        box.delete();
    }

    static Path fresh() throws IOException {
        return box.fresh();
    }

    static Run run(Path dir, List<Path> outputs, List<String> args) throws IOException {
        return Sandbox.run(dir, outputs, args);
    }

    // ---- drift baseline, check and history, on hostile data and broken stores --------------------

    /** How the store is given: a fresh file, broken files, a directory, or database URLs with a password. */
    enum Store { FRESH, RANDOM_BYTES, EMPTY_FILE, DIRECTORY, MISSING_PARENT, MYSQL_URL, POSTGRES_REFUSED, POSTGRES_BAD_URL }

    static String store(Store kind, Path dir) throws IOException {
        return switch (kind) {
            case FRESH -> dir.resolve("drift.duckdb").toString();
            case RANDOM_BYTES -> {
                byte[] b = new byte[4096];
                new Random(box.tries()).nextBytes(b);
                yield Files.write(dir.resolve("random.duckdb"), b).toString();
            }
            case EMPTY_FILE -> Files.write(dir.resolve("empty.duckdb"), new byte[0]).toString();
            case DIRECTORY -> Files.createDirectories(dir.resolve("store-dir")).toString();
            case MISSING_PARENT -> dir.resolve("no/such/dir/drift.duckdb").toString();
            case MYSQL_URL -> "jdbc:mysql://127.0.0.1:1/db?user=u&password=" + Run.SECRET;
            case POSTGRES_REFUSED -> "jdbc:postgresql://127.0.0.1:1/db?user=u&password=" + Run.SECRET;
            case POSTGRES_BAD_URL -> "jdbc:postgresql://u:" + Run.SECRET + "@[::1/db";
        };
    }

    @Provide
    Arbitrary<HostileFiles.Spec> tables() {
        return HostileFiles.anyTable(goodParquet);
    }

    @Provide
    Arbitrary<String> monitors() {
        return Arbitraries.of("daily", "daily", "", " ", "'; DROP TABLE monitors; --", "<script>x</script>", "../up",
                "é", "x".repeat(500));
    }

    @Provide
    Arbitrary<String> dates() {
        return Arbitraries.of("2024-01-01", "2024-01-02", "2024-02-30", "yesterday", "", "2024-01-01T00:00:00Z",
                "99999-01-01");
    }

    @Provide
    Arbitrary<Store> files() {
        return Arbitraries.of(Store.FRESH, Store.FRESH, Store.FRESH, Store.RANDOM_BYTES, Store.EMPTY_FILE, Store.DIRECTORY,
                Store.MISSING_PARENT);
    }

    @Provide
    Arbitrary<Store> urls() {
        // POSTGRES_BAD_URL puts the password in the URL's user info (jdbc:postgresql://u:PW@host/db),
        // which StoreUrl masks like a password= parameter
        return Arbitraries.of(Store.MYSQL_URL, Store.POSTGRES_REFUSED, Store.POSTGRES_BAD_URL);
    }

    @Property(tries = 50, seed = SEED)
    void driftOnHostileDataAndBrokenStoreFiles(@ForAll("tables") HostileFiles.Spec reference,
                                                @ForAll("tables") HostileFiles.Spec day, @ForAll("files") Store kind,
                                                @ForAll("monitors") String monitor, @ForAll("dates") String at,
                                                @ForAll boolean report) throws Exception {
        driftBaselineCheckAndHistory(reference, day, kind, monitor, at, report);
    }

    /** Ordinary tables of generated size and shift: checks that get recorded, so the store is inspected after real runs. */
    @Provide
    Arbitrary<HostileFiles.Spec> ordinaryTables() {
        return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(30, 400), Arbitraries.longs(),
                Arbitraries.doubles().between(0, 2)).as((n, seed, shift) -> {
                    Random rng = new Random(seed);
                    StringBuilder b = new StringBuilder("amount,country,items\n");
                    String[] countries = {"FR", "DE", "ES"};
                    for (int i = 0; i < n; i++) {
                        b.append(String.format(java.util.Locale.ROOT, "%.4f,%s,%d%n", rng.nextGaussian() + shift,
                                countries[rng.nextInt(shift > 1 ? 2 : 3)], rng.nextInt(4)));
                    }
                    return new HostileFiles.Spec("ordinary.csv", b.toString().getBytes(StandardCharsets.UTF_8),
                            HostileFiles.Special.NONE);
                });
    }

    @Provide
    Arbitrary<HostileFiles.Spec> days() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, ordinaryTables()),
                net.jqwik.api.Tuple.of(1, HostileFiles.anyTable(goodParquet)));
    }

    @Property(tries = 15, seed = SEED)
    @net.jqwik.api.statistics.StatisticsReport(onFailureOnly = false)
    void driftChecksThatAreRecordedAndRetried(@ForAll("ordinaryTables") HostileFiles.Spec reference,
                                              @ForAll("days") HostileFiles.Spec day, @ForAll("monitors") String monitor,
                                              @ForAll("validDates") String at, @ForAll boolean report) throws Exception {
        driftBaselineCheckAndHistory(reference, day, Store.FRESH, monitor, at, report);
        // the store inspection and the retry must meet recorded checks, not only failed ones
        net.jqwik.api.statistics.Statistics.label("store").coverage(c ->
                c.check("fresh store, check recorded").count((Integer n) -> n >= 5));
    }

    @Provide
    Arbitrary<String> validDates() {
        return Arbitraries.of("2024-01-01", "2024-01-02", "2024-01-01T00:00:00Z", "2024-01-01T06:00");
    }

    @Property(tries = 12, seed = SEED)
    void driftStoreUrlsNeverPrintThePassword(@ForAll("tables") HostileFiles.Spec reference, @ForAll("urls") Store kind,
                                             @ForAll boolean report) throws Exception {
        driftBaselineCheckAndHistory(reference, reference, kind, "daily", "2024-01-01", report);
    }

    private void driftBaselineCheckAndHistory(HostileFiles.Spec reference, HostileFiles.Spec day, Store kind,
                                              String monitor, String at, boolean report) throws Exception {
        Path dir = fresh();
        Path ref = reference.materialise(Files.createDirectories(dir.resolve("ref")));
        Path cur = day.materialise(Files.createDirectories(dir.resolve("day")));
        String store = store(kind, dir);
        run(dir, List.of(), List.of("drift", "baseline", "--monitor", monitor, "--data", ref.toString(), "--store", store));
        List<String> check = new ArrayList<>(List.of("drift", "check", "--monitor", monitor, "--data", cur.toString(),
                "--store", store, "--at", at, "--json"));
        List<Path> outputs = new ArrayList<>();
        Sandbox.report(report, dir, "check.html", check, outputs);
        Run first = run(dir, outputs, check);
        Path file = Path.of(store);
        String what = "after " + String.join(" ", check) + " (exit " + first.code() + ")\n" + first.err();
        int runs = kind == Store.FRESH ? StoreInspection.wholeRuns(file, monitor, what) : -1;
        if (kind == Store.FRESH) {
            // a check that failed recorded nothing; one that ran recorded exactly one run
            assertThat(Math.max(runs, 0)).as("runs of the monitor " + what).isEqualTo(first.code() <= 1 ? 1 : 0);
        }
        net.jqwik.api.statistics.Statistics.label("store").collect(kind == Store.FRESH ? (first.code() <= 1
                ? "fresh store, check recorded" : "fresh store, check failed") : "other store");
        if (kind == Store.FRESH && first.code() <= 1) {
            // the same check again replaces its run, never adds a second one
            Run again = run(dir, outputs, check);
            assertThat(again.code()).as(again.err()).isEqualTo(first.code());
            assertThat(again.out()).as("the retry says which run it replaced").contains("\"replaced_run\"");
            assertThat(StoreInspection.wholeRuns(file, monitor, "after the retry\n" + again.err())).isEqualTo(1);
        }
        run(dir, List.of(), List.of("drift", "history", "--monitor", monitor, "--store", store));
        if (kind == Store.FRESH) {
            assertThat(StoreInspection.wholeRuns(file, monitor, "after drift history")).isEqualTo(runs);
        }
    }

    // ---- file: every kind of path -------------------------------------------------------------

    @Provide
    Arbitrary<HostileFiles.Spec> anyFile() {
        return Arbitraries.oneOf(HostileFiles.specials(), HostileFiles.delimited(),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(5000).map(b -> new HostileFiles.Spec("blob.bin", b,
                        HostileFiles.Special.NONE)));
    }

    @Property(tries = 60, seed = SEED)
    void fileEntropyOfAnyPath(@ForAll("anyFile") HostileFiles.Spec spec, @ForAll("modelBytes") String modelBytes,
                              @ForAll boolean order0, @ForAll boolean json) throws Exception {
        Path dir = fresh();
        Path f = spec.materialise(dir);
        List<String> a = new ArrayList<>(List.of("file", f.toString(), "--model-bytes", modelBytes));
        if (order0) {
            a.add("--order0");
        }
        if (json) {
            a.add("--json");
        }
        run(dir, List.of(), a);
    }

    @Provide
    Arbitrary<String> modelBytes() {
        return Arbitraries.of("16777216", "1", "0", "-1", "2147483648", "abc");
    }

    // ---- notes: hostile knowledge bases -------------------------------------------------------

    @Provide
    Arbitrary<List<HostileFiles.Spec>> notes() {
        Arbitrary<HostileFiles.Spec> note = Arbitraries.oneOf(
                Arbitraries.of("# Title\n\nSome words about drift and entropy.\n", "---\ntitle: x\n---\nbody\n",
                        "---\nunclosed front matter\n", "", "\n\n\n", "word ".repeat(2000), "```\ncode only\n```\n",
                        "same same same same same same same same\n")
                        .map(s -> new HostileFiles.Spec("n.md", s.getBytes(StandardCharsets.UTF_8), HostileFiles.Special.NONE)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(2000)
                        .map(b -> new HostileFiles.Spec("bin.md", b, HostileFiles.Special.NONE)),
                Arbitraries.just(new HostileFiles.Spec("latin1.md", "caf\u00e9 cr\u00e8me".getBytes(StandardCharsets.ISO_8859_1),
                        HostileFiles.Special.NONE)),
                Arbitraries.of(HostileFiles.Special.DIRECTORY, HostileFiles.Special.SYMLINK_LOOP, HostileFiles.Special.FIFO)
                        .map(s -> new HostileFiles.Spec("odd.md", null, s)));
        return note.list().ofMaxSize(6);
    }

    @Property(tries = 40, seed = SEED)
    void notesScanAndAdd(@ForAll("notes") List<HostileFiles.Spec> notes, @ForAll("notes") List<HostileFiles.Spec> draft,
                         @ForAll boolean report) throws Exception {
        Path dir = fresh();
        Path kb = Files.createDirectories(dir.resolve("kb"));
        for (int i = 0; i < notes.size(); i++) {
            HostileFiles.Spec s = notes.get(i);
            new HostileFiles.Spec(i + "-" + s.name(), s.content(), s.special()).materialise(kb);
        }
        List<String> scan = new ArrayList<>(List.of("notes", "scan", kb.toString(), "--json"));
        List<Path> outputs = new ArrayList<>();
        Sandbox.report(report, dir, "notes.html", scan, outputs);
        Run scanned = run(dir, outputs, scan);
        if (scanned.code() == 0) {
            // a named pipe is never read (the scan would block) and never called empty
            var skipped = new com.fasterxml.jackson.databind.ObjectMapper().readTree(scanned.out()).path("skipped");
            for (int i = 0; i < notes.size(); i++) {
                if (notes.get(i).special() == HostileFiles.Special.FIFO) {
                    String name = i + "-" + notes.get(i).name();
                    String reason = null;
                    for (var s : skipped) {
                        reason = s.path("path").asText().equals(name) ? s.path("reason").asText() : reason;
                    }
                    assertThat(reason).as("the FIFO " + name + " among the notes\n" + scanned.out())
                            .isEqualTo("a named pipe (FIFO), not a regular file");
                }
            }
        }
        Path file = draft.isEmpty() ? dir.resolve("missing.md")
                : draft.get(0).materialise(Files.createDirectories(dir.resolve("draft")));
        run(dir, List.of(), List.of("notes", "add", file.toString(), "--kb", kb.toString()));
    }

    // ---- VAE run directories and plots --------------------------------------------------------

    /** Ways to break a copy of a good run directory. */
    enum Damage { NONE, TRUNCATE_WEIGHTS, FLIP_WEIGHTS, RANDOM_WEIGHTS, DELETE_WEIGHTS, DELETE_CONFIG, TRUNCATE_CONFIG,
        LATENT_MISMATCH, NEGATIVE_HIDDEN, CONFIG_IS_DIRECTORY }

    @Property(tries = 30, seed = SEED)
    void vaeEvalOfABrokenRun(@ForAll Damage damage, @ForAll("iwae") String ks, @ForAll("limits") String limit,
                             @ForAll boolean images) throws Exception {
        Path dir = fresh();
        Path run = Files.createDirectories(dir.resolve("run"));
        try (Stream<Path> files = Files.list(goodRun)) {
            for (Path f : files.toList()) {
                Files.copy(f, run.resolve(f.getFileName()));
            }
        }
        damage(run, damage);
        List<String> a = new ArrayList<>(List.of("vae", "eval", run.toString(), "--iwae", ks, "--test-limit", limit));
        if (images) {
            a.add("--images");
        }
        run(dir, List.of(), a);
    }

    static void damage(Path run, Damage d) throws IOException {
        Path weights = run.resolve("weights.bin");
        Path config = run.resolve("config.json");
        byte[] w = Files.readAllBytes(weights);
        Random rng = new Random(box.tries());
        switch (d) {
            case NONE -> { }
            case TRUNCATE_WEIGHTS -> Files.write(weights, Arrays.copyOf(w, rng.nextInt(w.length)));
            case FLIP_WEIGHTS -> {
                for (int i = 0; i < 16; i++) {
                    w[rng.nextInt(Math.min(w.length, 64))] ^= (byte) 0xFF; // the header: counts, names, lengths
                }
                Files.write(weights, w);
            }
            case RANDOM_WEIGHTS -> {
                rng.nextBytes(w);
                Files.write(weights, w);
            }
            case DELETE_WEIGHTS -> Files.delete(weights);
            case DELETE_CONFIG -> Files.delete(config);
            case TRUNCATE_CONFIG -> Files.writeString(config, Files.readString(config).substring(0, 20));
            case LATENT_MISMATCH -> Files.writeString(config, Files.readString(config).replace("\"latent\" : 2", "\"latent\" : 5"));
            case NEGATIVE_HIDDEN -> Files.writeString(config, Files.readString(config).replace("\"hidden\" : 8", "\"hidden\" : -8"));
            case CONFIG_IS_DIRECTORY -> {
                Files.delete(config);
                Files.createDirectories(config);
            }
        }
    }

    @Provide
    Arbitrary<String> iwae() {
        return Arbitraries.of("1", "1,5", "0", "-1", "abc", "1,,2", "2147483648");
    }

    @Provide
    Arbitrary<String> limits() {
        return Arbitraries.of("16", "16", "1", "0", "-1", "abc", "2147483648");
    }

    @Property(tries = 30, seed = SEED)
    void vaeTrainWithHostileOptions(@ForAll("trainOption") List<String> option, @ForAll boolean existingOut,
                                    @ForAll boolean outIsFile) throws Exception {
        Path dir = fresh();
        Path out = dir.resolve("run");
        if (outIsFile) {
            Files.writeString(out, "not a directory");
        } else if (existingOut) {
            Files.createDirectories(out);
            Files.writeString(out.resolve("config.json"), "{}");
        }
        // small by default; the generated option overrides one of these
        List<String> a = new ArrayList<>(List.of("vae", "train", "--epochs", "1", "--train-limit", "64", "--test-limit", "16",
                "--hidden", "8", "--latent", "2", "--threads", "1", "--quiet", "--out", out.toString()));
        a.addAll(option);
        run(dir, List.of(out.resolve("weights.bin")), a);
    }

    @Provide
    Arbitrary<List<String>> trainOption() {
        return Arbitraries.oneOf(
                Arbitraries.of("-1", "0", "abc", "1e3").map(v -> List.of("--epochs", v)),
                Arbitraries.of("-1", "0", "1", "abc", "2147483647").map(v -> List.of("--hidden", v)),
                Arbitraries.of("-1", "0", "1", "2147483647").map(v -> List.of("--latent", v)),
                Arbitraries.of("-1", "0", "1e9", "nan", "inf", "0.001").map(v -> List.of("--lr", v)),
                Arbitraries.of("-1", "0", "1", "2147483647").map(v -> List.of("--batch", v)),
                Arbitraries.of("-1", "0", "nan", "inf", "1e308").map(v -> List.of("--beta", v)),
                Arbitraries.of("-5", "-1").map(v -> List.of("--train-limit", v)),
                Arbitraries.of("-1", "0").map(v -> List.of("--threads", v)),
                Arbitraries.of("mnist", "", "../x").map(v -> List.of("--data", v)));
    }

    @Property(tries = 15, seed = SEED)
    void elboDemoPlotPaths(@ForAll("plots") String plot) throws Exception {
        Path dir = fresh();
        Files.writeString(dir.resolve("file"), "x");
        Path target = dir.resolve(plot);
        run(dir, Files.isDirectory(target) ? List.of() : List.of(target), List.of("elbo", "demo", "--plot", target.toString()));
    }

    @Provide
    Arbitrary<String> plots() {
        return Arbitraries.of("kl.png", "sub/dir/kl.png", ".", "file/kl.png", "file", "no-extension");
    }
}
