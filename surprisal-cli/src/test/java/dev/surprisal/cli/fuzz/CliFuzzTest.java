// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fuzz suite (issue 11): generated hostile inputs for every verb, run in-process through the
 * CLI's entry point, each checked by {@link Run#check}. Seeds are fixed, so a run is reproducible;
 * tagged {@code fuzz}, so it runs only with {@code mvn -B verify -Pfuzz -pl surprisal-cli -am}
 * (and in {@code .ci/run}), not in the default build.
 */
@Tag("fuzz")
class CliFuzzTest {
    static final String SEED = "20261130";
    static Sandbox box;
    static byte[] goodParquet;

    @BeforeContainer
    static void sandbox() throws Exception {
        box = new Sandbox("surprisal-fuzz");
        goodParquet = HostileFiles.goodParquet(box.root);
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

    // ---- numbers on the command line: entropy and divergence ----------------------------------

    static Arbitrary<String> numberTokens() {
        return Arbitraries.oneOf(
                Arbitraries.of("0.5", "0.25", "1", "0", "3", "10", "0.333333", "1e-300", "1e308", "1.7976931348623157E308",
                        "-0.5", "-0", "nan", "NaN", "inf", "-Infinity", "abc", "", " ", "0,5", "1,000", "0.5,0.5",
                        "0.5,,0.5", ",", "1e309", "0x10", "1d", "٣", "@/etc/passwd", "--", "-", "9".repeat(400)),
                Arbitraries.doubles().between(0, 1).ofScale(4).map(String::valueOf));
    }

    static Arbitrary<List<String>> numberOptions() {
        Arbitrary<List<String>> one = Arbitraries.oneOf(
                Arbitraries.of(List.of("--counts"), List.of("--json"), List.of("--explain"), List.of("--quiet"),
                        List.of("--both")),
                Arbitraries.of("2", "e", "10", "1", "0.5", "-2", "nan", "bits", "coin", "1e308", "")
                        .map(b -> List.of("--base", b)),
                Arbitraries.of("none", "laplace", "jeffreys", "epsilon=1e-6", "epsilon=-1", "epsilon=nan", "additive=0",
                        "additive=1e308", "bogus").map(s -> List.of("--smoothing", s)),
                Arbitraries.of("kl", "js", "all", "renyi:2", "renyi:0", "renyi:-1", "renyi:nan", "renyi:", "tv", "cosine")
                        .map(m -> List.of("--measure", m)),
                Arbitraries.of("plug-in", "chao-shen", "nsb", "miller-madow", "grassberger", "james-stein", "x")
                        .map(e -> List.of("--estimator", e)));
        return one.list().ofMaxSize(3).map(l -> l.stream().flatMap(List::stream).toList());
    }

    @Provide
    Arbitrary<List<String>> numberCommands() {
        Arbitrary<List<String>> values = numberTokens().list().ofMinSize(0).ofMaxSize(5);
        Arbitrary<List<String>> entropy = Combinators.combine(values, numberOptions()).as((v, o) -> {
            List<String> a = new ArrayList<>(List.of("entropy"));
            a.addAll(v);
            a.addAll(o);
            return a;
        });
        Arbitrary<List<String>> divergence = Combinators.combine(values, values, numberOptions()).as((p, q, o) -> {
            List<String> a = new ArrayList<>(List.of("divergence"));
            if (!p.isEmpty()) {
                a.add("--p");
                a.add(String.join(",", p));
            }
            if (!q.isEmpty()) {
                a.add("--q");
                a.addAll(q);
            }
            a.addAll(o);
            return a;
        });
        return Arbitraries.oneOf(entropy, divergence);
    }

    @Property(tries = 200, seed = SEED, shrinking = ShrinkingMode.FULL)
    void numbersTypedOnTheCommandLine(@ForAll("numberCommands") List<String> args) throws IOException {
        run(fresh(), List.of(), args);
    }

    // ---- anything at all as arguments ---------------------------------------------------------

    @Provide
    Arbitrary<List<String>> wildArguments() {
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.of("entropy", "entropyy", "divergence", "mi", "drift", "file", "notes", "elbo", "vae", "tour",
                        "help", "--help", "-h", "--version", "-V", "--", "-", "", "@/etc/passwd", "@", "--json",
                        "--base", "--p", "--q", "--data", "--unknown", "-x", "baseline", "check", "scan", "demo", "eval",
                        "%s%n", "${jndi:x}", "\u0000", "é"),
                Arbitraries.strings().ofMaxLength(10));
        return word.list().ofMinSize(0).ofMaxSize(6)
                // never run the long verbs without limits: the tour trains a VAE, vae train/sweep the full data
                .filter(a -> !a.contains("tour") && !a.contains("vae") && !a.contains("drift") && !a.contains("notes")
                        && !a.contains("file") && !a.contains("elbo"));
    }

    @Property(tries = 150, seed = SEED)
    void argumentsThatMakeNoSense(@ForAll("wildArguments") List<String> args) throws IOException {
        run(fresh(), List.of(), args);
    }

    // ---- table verbs: entropy --data, mi, drift compare ---------------------------------------

    @Provide
    Arbitrary<HostileFiles.Spec> tables() {
        return HostileFiles.anyTable(goodParquet);
    }

    @Provide
    Arbitrary<String> columns() {
        return HostileFiles.columnNames();
    }

    @Property(tries = 80, seed = SEED)
    void entropyOfAColumn(@ForAll("tables") HostileFiles.Spec table, @ForAll("columns") String column,
                          @ForAll("estimators") String estimator) throws Exception {
        Path dir = fresh();
        Path f = table.materialise(dir);
        run(dir, List.of(), List.of("entropy", "--data", f.toString(), "--column", column, "--estimator", estimator,
                "--json"));
    }

    @Provide
    Arbitrary<String> estimators() {
        return Arbitraries.of("plug-in", "chao-shen", "nsb", "miller-madow");
    }

    @Provide
    Arbitrary<List<String>> miModes() {
        return Arbitraries.oneOf(
                Combinators.combine(HostileFiles.columnNames(), HostileFiles.columnNames())
                        .as((x, y) -> List.of("--x", x, "--y", y)),
                HostileFiles.columnNames().map(t -> List.of("--target", t, "--permutations", "20", "--bootstrap", "0")),
                Arbitraries.of("-1", "0", "1", "10", "abc", "2147483648")
                        .map(n -> List.of("--target", "a", "--permutations", n, "--bootstrap", "0")),
                Arbitraries.of("-1", "0", "1", "abc", "2147483648")
                        .map(n -> List.of("--target", "a", "--permutations", "0", "--bootstrap", n)),
                Arbitraries.of("-1", "0", "1", "3", "1000000").map(k -> List.of("--target", "a", "--k", k,
                        "--permutations", "0", "--bootstrap", "0")),
                Arbitraries.just(List.of("--matrix")),
                Arbitraries.of("-1", "0", "1", "99").map(k -> List.of("--target", "a", "--select", k,
                        "--permutations", "0", "--bootstrap", "0")));
    }

    @Property(tries = 80, seed = SEED)
    void mutualInformationOfATable(@ForAll("tables") HostileFiles.Spec table, @ForAll("miModes") List<String> mode,
                                   @ForAll boolean json) throws Exception {
        Path dir = fresh();
        Path f = table.materialise(dir);
        List<String> a = new ArrayList<>(List.of("mi", "--data", f.toString()));
        a.addAll(mode);
        if (json) {
            a.add("--json");
        }
        run(dir, List.of(), a);
    }

    @Property(tries = 60, seed = SEED)
    void driftCompareOfTwoTables(@ForAll("tables") HostileFiles.Spec reference, @ForAll("tables") HostileFiles.Spec current,
                                 @ForAll("bins") String bins, @ForAll boolean report) throws Exception {
        Path dir = fresh();
        Path ref = reference.materialise(Files.createDirectories(dir.resolve("ref")));
        Path cur = current.materialise(Files.createDirectories(dir.resolve("cur")));
        List<String> a = new ArrayList<>(List.of("drift", "compare", ref.toString(), cur.toString(), "--bins", bins));
        List<Path> outputs = new ArrayList<>();
        Sandbox.report(report, dir, "report.html", a, outputs);
        run(dir, outputs, a);
    }

    @Provide
    Arbitrary<String> bins() {
        return Arbitraries.of("20", "20", "1", "2", "0", "-3", "1000000", "abc", "2147483648");
    }
}
