// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.vae;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import dev.surprisal.core.ValidationException;

/**
 * Starts DJL's PyTorch engine from the native library bundled on the classpath
 * ({@code pytorch-native-cpu}, linux-x86_64), never from the network, and sets its threads.
 *
 * <p>Why threads matter on a small shared machine: PyTorch's OpenMP workers spin while waiting
 * for work. With more threads than free cores, or several processes each using every core, the
 * spinning threads steal cycles from the ones doing work and a 400×784 matrix product gets
 * slower, not faster. Use one intra-op thread per core you really have, and set
 * {@code OMP_WAIT_POLICY=PASSIVE} so idle workers sleep instead of spinning.
 *
 * <p>The native library (112 MB) is not inside the command's jar: it is
 * {@code lib/pytorch-native-cpu-linux-x86_64.jar} next to it, on the class path through the jar's
 * manifest, so a user who only wants drift or MI neither ships nor unpacks it. Without it the VAE
 * says so ({@link #nativesAvailable()}, {@link #start}) instead of failing inside DJL.
 */
public final class TorchRuntime {
    private static boolean started;

    private TorchRuntime() {
    }

    /** The resource every {@code pytorch-native-*} jar carries. */
    static final String NATIVES = "native/lib/pytorch.properties";

    /**
     * Whether PyTorch's native library is on the class path.
     *
     * @return true when the VAE can run
     */
    public static boolean nativesAvailable() {
        return TorchRuntime.class.getClassLoader().getResource(NATIVES) != null;
    }

    /**
     * Checks, before any work or output, that the VAE can run.
     *
     * @throws ValidationException when PyTorch's native library is not on the class path
     */
    public static void requireNatives() {
        if (!nativesAvailable()) {
            throw new ValidationException("the VAE needs PyTorch's native library, which is not installed: "
                    + "lib/pytorch-native-cpu-linux-x86_64.jar next to surprisal.jar (the build puts it in "
                    + "surprisal-cli/target/lib/; copy that folder along with the jar)");
        }
    }

    /**
     * Loads the engine offline (once) and sets intra-op threads to {@code threads}, inter-op to 1.
     *
     * @param threads intra-op threads
     * @return the engine
     * @throws ValidationException when PyTorch's native library is not on the class path
     */
    public static synchronized Engine start(int threads) {
        requireNatives();
        if (!started) {
            System.setProperty("ai.djl.offline", "true");
            System.setProperty("PYTORCH_FLAVOR", "cpu");
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
            started = true;
        }
        Engine engine = Engine.getEngine("PyTorch");
        if (JniUtils.getNumThreads() != threads) {
            JniUtils.setNumThreads(threads);
        }
        return engine;
    }

    /**
     * The intra-op thread count PyTorch is using now.
     *
     * @return PyTorch's intra-op thread count
     */
    public static int threads() {
        return JniUtils.getNumThreads();
    }
}
