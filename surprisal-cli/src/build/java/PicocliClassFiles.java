// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Build step of surprisal-cli (run by the exec plugin at process-classes, in source-file mode:
 * {@code java -cp asm.jar PicocliClassFiles.java IN OUT}): copies picocli's classes from the
 * unpacked jar IN to the class folder OUT, raised from class-file version 49 (Java 5) to 52 (Java 8)
 * with stack map frames computed by ASM.
 *
 * <p>Why: JDK 17's class-data archive keeps old-format classes but must verify them again on every
 * start with the old inference verifier (138 classes for {@code surprisal entropy 0.5 0.5}), and
 * its dynamic archive refuses them outright. Version-52 classes are verified once, when the
 * launcher writes the archive (docs/benchmarks.md, start8 and start9). Only the version and the
 * frames change; the bytecode is the same. {@code PicocliClassFilesTest} loads and initialises
 * every rewritten class, so a bad frame is a build failure, not a user's {@code VerifyError}.
 */
public final class PicocliClassFiles {
    private static final int JAVA_8 = 52;

    /** One class as read: its super class and whether it is an interface (for frame merging). */
    private record Header(String superName, boolean isInterface) {
    }

    private PicocliClassFiles() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: PicocliClassFiles UNPACKED_PICOCLI_DIR CLASSES_DIR");
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(in.resolve("picocli"))) {
            walk.filter(p -> p.toString().endsWith(".class")).forEach(files::add);
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no picocli classes under " + in.resolve("picocli"));
        }
        Map<String, Header> headers = new HashMap<>();
        Map<Path, byte[]> bytes = new HashMap<>();
        for (Path f : files) {
            byte[] b = Files.readAllBytes(f);
            ClassReader r = new ClassReader(b);
            headers.put(r.getClassName(), new Header(r.getSuperName(), (r.getAccess() & Opcodes.ACC_INTERFACE) != 0));
            bytes.put(f, b);
        }
        for (Path f : files) {
            ClassReader r = new ClassReader(bytes.get(f));
            ClassWriter w = new Hierarchy(headers);
            r.accept(new ClassVisitor(Opcodes.ASM9, w) {
                @Override
                public void visit(int version, int access, String name, String signature, String superName,
                                  String[] interfaces) {
                    // the low 16 bits are the major version; keep any newer class as it is
                    super.visit(Math.max(version & 0xFFFF, JAVA_8), access, name, signature, superName, interfaces);
                }
            }, ClassReader.SKIP_FRAMES);
            Path target = out.resolve(in.relativize(f).toString());
            Files.createDirectories(target.getParent());
            Files.write(target, w.toByteArray());
        }
    }

    /**
     * A class writer that merges frame types from the class headers read above (picocli) and from
     * the JDK, instead of loading picocli's classes into this process (ASM's default).
     */
    private static final class Hierarchy extends ClassWriter {
        private final Map<String, Header> picocli;

        Hierarchy(Map<String, Header> picocli) {
            super(COMPUTE_FRAMES);
            this.picocli = picocli;
        }

        @Override
        protected String getCommonSuperClass(String a, String b) {
            if (header(a).isInterface() || header(b).isInterface()) {
                return "java/lang/Object";
            }
            Set<String> above = new HashSet<>();
            for (String c = a; c != null; c = header(c).superName()) {
                above.add(c);
            }
            for (String c = b; c != null; c = header(c).superName()) {
                if (above.contains(c)) {
                    return c;
                }
            }
            return "java/lang/Object";
        }

        private Header header(String name) {
            Header h = picocli.get(name);
            if (h != null) {
                return h;
            }
            if ("java/lang/Object".equals(name)) {
                return new Header(null, false);
            }
            // a JDK class: read its header from the class file, without loading it
            try (InputStream s = ClassLoader.getSystemResourceAsStream(name + ".class")) {
                if (s == null) {
                    throw new IllegalStateException("class " + name + " is neither picocli's nor the JDK's");
                }
                ClassReader r = new ClassReader(s);
                return new Header(r.getSuperName(), (r.getAccess() & Opcodes.ACC_INTERFACE) != 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
