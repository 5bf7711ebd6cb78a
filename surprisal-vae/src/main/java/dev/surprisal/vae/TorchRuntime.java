package dev.surprisal.vae;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Starts DJL's PyTorch engine from the native library bundled on the classpath
 * ({@code pytorch-native-cpu}, linux-x86_64), never from the network, and sets its threads.
 *
 * <p>Why threads matter on a small shared machine: PyTorch's OpenMP workers spin while waiting
 * for work. With more threads than free cores, or several processes each using every core, the
 * spinning threads steal cycles from the ones doing work and a 400×784 matrix product gets
 * slower, not faster. Use one intra-op thread per core you really have, and set
 * {@code OMP_WAIT_POLICY=PASSIVE} so idle workers sleep instead of spinning.
 */
public final class TorchRuntime {
    private static boolean started;

    private TorchRuntime() {
    }

    /** Loads the engine offline (once) and sets intra-op threads to {@code threads}, inter-op to 1. */
    public static synchronized Engine start(int threads) {
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

    /** The intra-op thread count PyTorch is using now. */
    public static int threads() {
        return JniUtils.getNumThreads();
    }
}
