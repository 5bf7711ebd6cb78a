// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.file;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The optional native kernel of {@link ByteStreamStats} ({@code surprisal-text/src/main/c/ent_kernel.c}): the same
 * exact integer sums as the Java loop, for bytes in direct buffers, with the lag-1 products and the Monte Carlo test
 * vectorised (0.24 against 0.68 ns per byte here; docs/benchmarks.md, native20). Loaded once, from the path in the
 * system property {@value #PROPERTY}, which {@code ./surprisal} sets after building the library with the C compiler;
 * without the property, or when the library cannot be loaded or answers another ABI number, nothing changes: the
 * Java loop does the work, with the same results.
 */
final class NativeEntKernel {
    /** The system property naming the library file. */
    static final String PROPERTY = "surprisal.native.kernel";
    /** The ABI of {@code ent_kernel.c} that this class calls. */
    private static final int ABI = 1;

    private static volatile boolean available;
    private static int stateBytes;

    static {
        load(System.getProperty(PROPERTY));
    }

    private NativeEntKernel() {
    }

    /**
     * Whether the native kernel is loaded.
     *
     * @return true when {@link ByteStreamStats} may use it
     */
    static boolean available() {
        return available;
    }

    /**
     * Loads the library at {@code path}; false (and no error) when the path is empty, missing or not loadable here,
     * or the library's ABI differs. A kernel that is not there must never stop {@code surprisal file}. Once loaded,
     * it stays loaded for the JVM (tests load a build of their own).
     */
    static synchronized boolean load(String path) {
        if (available) {
            return true;
        }
        if (path == null || path.isEmpty()) {
            return false;
        }
        Path lib = Paths.get(path).toAbsolutePath();
        if (!Files.isRegularFile(lib)) {
            return false;
        }
        try {
            System.load(lib.toString());
            if (abi() != ABI) {
                return false;
            }
            stateBytes = stateBytes();
            available = true;
            return true;
        } catch (UnsatisfiedLinkError | SecurityException e) {
            return false;
        }
    }

    /**
     * A zeroed state for one {@link ByteStreamStats}.
     *
     * @return a direct buffer of the state's size
     */
    static ByteBuffer newState() {
        return ByteBuffer.allocateDirect(stateBytes);
    }

    /**
     * Counts {@code steps × 24} bytes of the direct buffer {@code buf} from index {@code off} into {@code state}.
     *
     * @return {@code prev · b₀} plus the lag-1 products inside the bytes; −1 if a buffer is not direct or the bytes
     *         lie outside it (checked by the caller first)
     */
    static native long steps(ByteBuffer buf, int off, int steps, long prev, ByteBuffer state);

    /**
     * Adds the state's byte counts to {@code counts} (256 longs), returns its Monte Carlo hits, and zeroes it.
     *
     * @return the hits; −1 on a bad argument
     */
    static native long drain(ByteBuffer state, long[] counts);

    /**
     * Caps the instruction sets the kernel uses at {@code cap} (0 plain C, 1 AVX2, 2 AVX-512), for tests that compare
     * every path on one machine; the default is the best the processor has.
     *
     * @return the level now used, at most {@code cap}
     */
    static native int vectorLevel(int cap);

    private static native int stateBytes();

    private static native int abi();
}
