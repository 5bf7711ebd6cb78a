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
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.surprisal.cli.fuzz.CliFuzzTest.SEED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A few hostile cases through the real entry point in a child JVM: {@code main}, its
 * {@code System.exit}, and what reaches the process's own stdout and stderr. It runs the shaded
 * {@code target/surprisal.jar} when it exists and is not older than the compiled classes (in
 * {@code .ci/run} the default build has made it), and otherwise {@code SurprisalCommand.main} on the
 * test class path.
 */
@Tag("fuzz")
class ChildJvmFuzzTest {
    static Path root;

    @BeforeContainer
    static void sandbox() throws IOException {
        root = Files.createTempDirectory("surprisal-fuzz-jvm");
        Files.writeString(root.resolve("args.txt"), "root:x:0:0:" + Run.SECRET + "\n");
        byte[] utf16 = "a,b\n1,2\n3,4\n".getBytes(StandardCharsets.UTF_16);
        Files.write(root.resolve("utf16.csv"), utf16);
        Files.writeString(root.resolve("ok.csv"), "a,b\n1,x\n2,y\n3,x\n");
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<List<String>> cases() {
        String r = root.toString();
        return Arbitraries.of(
                List.of("entropy", "@" + r + "/args.txt"),
                List.of("entropyy", "0.5"),
                List.of("entropy", "0.5", "nan"),
                List.of("entropy", "--counts", "0,5", "0,5"),
                List.of("drift", "compare", r + "/utf16.csv", r + "/ok.csv"),
                List.of("mi", "--data", r + "/ok.csv", "--x", "a", "--y", "nope"),
                List.of("file", r),
                List.of("elbo", "demo", "--plot", r),
                List.of("vae", "eval", r + "/no-run"),
                List.of("drift", "history", "--monitor", "m", "--store",
                        "jdbc:postgresql://127.0.0.1:1/db?user=u&password=" + Run.SECRET));
    }

    @Property(tries = 10, seed = SEED)
    void theRealEntryPoint(@ForAll("cases") List<String> args) throws Exception {
        Path jar = Path.of("target", "surprisal.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        Path main = Path.of("target", "classes", "dev", "surprisal", "cli", "SurprisalCommand.class");
        // the jar only when it is at least as new as the compiled classes, so a stale jar is never tested
        if (Files.isRegularFile(jar) && Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(main)) >= 0) {
            command.addAll(List.of("-jar", jar.toString()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.surprisal.cli.SurprisalCommand"));
        }
        command.addAll(args);
        Path out = Files.createTempFile(root, "out", ".txt");
        Path err = Files.createTempFile(root, "err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished: " + args).isTrue();
        Run run = new Run(args, p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        run.check(root);
    }
}
