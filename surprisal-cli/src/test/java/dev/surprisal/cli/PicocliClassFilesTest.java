// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The build raises picocli's class files from version 49 (Java 5) to 52 with computed stack map
 * frames ({@code src/build/java/PicocliClassFiles.java}, at process-classes), so that the start-up
 * archive verifies them once instead of on every start. A wrong frame would only show as a
 * {@link VerifyError} when a user's command first touches that class; this test links and
 * initialises every one of them (the class path puts {@code target/classes} before picocli's jar,
 * as the shaded jar holds only the rewritten copies).
 */
class PicocliClassFilesTest {
    private static final int JAVA_8 = 52;

    @Test
    void everyPicocliClassIsVersion52AndLinks() throws Exception {
        Path root = classesRoot();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root.resolve("picocli"))) {
            files = walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
        // picocli 4.7.7 has 228 classes; far fewer means the unpack or the rewrite lost some
        assertThat(files).hasSizeGreaterThan(200);
        ClassLoader loader = PicocliClassFilesTest.class.getClassLoader();
        for (Path f : files) {
            String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
            assertThat(majorVersion(f)).as("class-file version of %s", name).isEqualTo(JAVA_8);
            // linking verifies the computed frames with the type-checking verifier; then <clinit> runs
            Class<?> c = Class.forName(name, true, loader);
            assertThat(c.getProtectionDomain().getCodeSource().getLocation())
                    .as("%s is loaded from the rewritten copy", name)
                    .isEqualTo(CommandLine.class.getProtectionDomain().getCodeSource().getLocation());
        }
    }

    @Test
    void theRewrittenPicocliStillParsesAndPrintsHelp() {
        Cli entropy = Cli.run("entropy", "0.5", "0.5");
        assertThat(entropy.code()).isZero();
        assertThat(entropy.out().strip()).isEqualTo("1.0");
        Cli typo = Cli.run("entrpy", "0.5");
        assertThat(typo.code()).isEqualTo(ExitCode.USAGE);
        assertThat(typo.err()).contains("entropy");
    }

    /** The folder {@code picocli.CommandLine} was loaded from: the build's class folder, not a jar. */
    private static Path classesRoot() throws URISyntaxException {
        URL location = CommandLine.class.getProtectionDomain().getCodeSource().getLocation();
        Path root = Path.of(location.toURI());
        assertThat(root).as("picocli must come from the rewritten class folder, not from %s", location).isDirectory();
        return root;
    }

    private static int majorVersion(Path classFile) throws IOException {
        try (InputStream in = Files.newInputStream(classFile); DataInputStream d = new DataInputStream(in)) {
            assertThat(d.readInt()).isEqualTo(0xCAFEBABE);
            d.readUnsignedShort();
            return d.readUnsignedShort();
        }
    }
}
