// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.vae;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The reference MLP variational autoencoder (Kingma and Welling 2014, <i>Auto-Encoding Variational
 * Bayes</i>): encoder x → 400 ReLU → (μ, log σ²) in 20-D, reparameterised z = μ + σ·ε, decoder
 * z → 400 ReLU → 784 Bernoulli logits. Per image, in nats:
 * <pre>−ELBO = BCE(logits, x) + β·KL(N(μ, σ²) ‖ N(0, I)),  KL = −½ Σ (1 + log σ² − μ² − σ²)</pre>
 * Trained by Adam on the loss summed over the batch, as the PyTorch reference does.
 *
 * <p>Parameters live in one long-lived {@link NDManager}; every batch opens its own sub-manager and
 * closes it, so native memory stays flat however long training runs.
 */
public final class VaeModel implements AutoCloseable {
    private static final String[] NAMES = {"enc.w", "enc.b", "mu.w", "mu.b", "logvar.w", "logvar.b",
        "dec.w", "dec.b", "out.w", "out.b"};
    /** The run files {@link #save} writes. */
    static final String CONFIG = "config.json";
    static final String WEIGHTS = "weights.bin";
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final VaeConfig config;
    private final NDManager manager;
    private final NDArray[] params;
    /** Adam's first and second moments, per parameter (Java arrays: only {@link #adam} reads them). */
    private final float[][] adamM;
    private final float[][] adamV;
    /** The parameters' native memory (the tensors use it in place); held here for as long as the tensors live. */
    private final ByteBuffer[] storage;
    /** Float views of {@link #storage}, for {@link #adam}. */
    private final FloatBuffer[] paramData;
    /**
     * The parameters' values in Java, kept equal to the tensors: only {@link #adam} changes them, so it updates
     * these and writes them out, instead of first reading 2.6 MB of weights back each step.
     */
    private final float[][] weights;
    private final float[] scratchG;
    private long step;

    /** {@code values} (one array per parameter, fresh from the caller) become the model's Java copy of its weights. */
    private VaeModel(VaeConfig config, float[][] values) {
        TorchRuntime.start(config.threads());
        this.config = config;
        this.manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
        Shape[] shapes = shapes(config);
        params = new NDArray[shapes.length];
        adamM = new float[shapes.length][];
        adamV = new float[shapes.length][];
        int largest = 0;
        paramData = new FloatBuffer[shapes.length];
        storage = new ByteBuffer[shapes.length];
        for (int i = 0; i < shapes.length; i++) {
            // in native memory of our own at a 64-byte boundary (Batches.aligned: MKL's rounding depends on it),
            // which the tensor uses in place (DJL wraps a direct buffer without copying) and Adam writes into
            storage[i] = Batches.aligned(values[i].length * Float.BYTES);
            paramData[i] = storage[i].asFloatBuffer();
            paramData[i].put(0, values[i]);
            params[i] = manager.create(storage[i], shapes[i], DataType.FLOAT32);
            params[i].setRequiresGradient(true);
            adamM[i] = new float[values[i].length];
            adamV[i] = new float[values[i].length];
            largest = Math.max(largest, values[i].length);
        }
        weights = values;
        scratchG = new float[largest];
    }

    /**
     * A freshly initialised model. Weights and biases are drawn from U(−1/√fan_in, 1/√fan_in),
     * PyTorch's default for {@code nn.Linear}, with a Java generator seeded by {@code config.seed()}.
     *
     * @param config the sizes and seed
     * @return the model
     */
    public static VaeModel create(VaeConfig config) {
        SplittableRandom rng = new SplittableRandom(config.seed());
        Shape[] shapes = shapes(config);
        float[][] values = new float[shapes.length][];
        for (int i = 0; i < shapes.length; i += 2) {
            long fanIn = shapes[i].get(1);
            double bound = 1 / Math.sqrt(fanIn);
            values[i] = uniform(rng, (int) shapes[i].size(), bound);
            values[i + 1] = uniform(rng, (int) shapes[i + 1].size(), bound);
        }
        return new VaeModel(config, values);
    }

    private static float[] uniform(SplittableRandom rng, int n, double bound) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rng.nextDouble(-bound, bound);
        }
        return v;
    }

    private static Shape[] shapes(VaeConfig c) {
        int d = c.inputSize();
        int h = c.hidden();
        int l = c.latent();
        return new Shape[] {new Shape(h, d), new Shape(h), new Shape(l, h), new Shape(l), new Shape(l, h),
            new Shape(l), new Shape(h, l), new Shape(h), new Shape(d, h), new Shape(d)};
    }

    /**
     * @return the model's configuration
     */
    public VaeConfig config() {
        return config;
    }

    /**
     * Adam steps taken so far.
     *
     * @return the number of Adam steps taken
     */
    public long steps() {
        return step;
    }

    /** The manager owning the parameters; its array count must not grow during training. */
    NDManager parameterManager() {
        return manager;
    }

    /**
     * (μ, log σ²) for a batch x of shape (B, 784).
     *
     * @param x a batch of shape (B, 784)
     * @return μ and log σ², each of shape (B, latent)
     */
    public NDList encode(NDArray x) {
        NDArray h = Activation.relu(Linear.linear(x, params[0], params[1]).singletonOrThrow());
        NDArray mu = Linear.linear(h, params[2], params[3]).singletonOrThrow();
        NDArray logVar = Linear.linear(h, params[4], params[5]).singletonOrThrow();
        return new NDList(mu, logVar);
    }

    /**
     * Bernoulli logits for latent codes z of shape (B, latent).
     *
     * @param z latent codes of shape (B, latent)
     * @return the logits, shape (B, 784)
     */
    public NDArray decodeLogits(NDArray z) {
        NDArray h = Activation.relu(Linear.linear(z, params[6], params[7]).singletonOrThrow());
        return Linear.linear(h, params[8], params[9]).singletonOrThrow();
    }

    /**
     * Per-image BCE between logits and targets in [0, 1], summed over pixels, in nats:
     * softplus(l) − l·x, where softplus(l) = log(1 + eˡ) is PyTorch's stable form (l itself above
     * l = 20, where the two differ by under 2.1e−9). Three elementwise operations forward and three
     * backward, instead of the seven of max(l, 0) − l·x + log(1 + e^−|l|).
     */
    static NDArray bce(NDArray logits, NDArray x) {
        return Activation.softPlus(logits).sub(logits.mul(x)).sum(new int[] {-1});
    }

    /** Per-image KL(N(μ, σ²) ‖ N(0, I)) in nats. */
    static NDArray kl(NDArray mu, NDArray logVar) {
        return logVar.add(1).sub(mu.square()).sub(logVar.exp()).sum(new int[] {-1}).mul(-0.5);
    }

    /**
     * One forward pass with reparameterisation; returns per-image (reconstruction, KL), each of
     * shape (B). Arrays belong to x's manager.
     *
     * @param x a batch of shape (B, 784)
     * @return the reconstruction and KL terms, each of shape (B)
     */
    public NDList terms(NDArray x) {
        NDList enc = encode(x);
        NDArray mu = enc.get(0);
        NDArray logVar = enc.get(1);
        NDArray eps = x.getManager().randomNormal(mu.getShape());
        NDArray z = mu.add(logVar.mul(0.5).exp().mul(eps));
        return new NDList(bce(decodeLogits(z), x), kl(mu, logVar));
    }

    /**
     * One Adam step on the batch x (B, 784), which must belong to a per-batch manager.
     *
     * @param x a batch of shape (B, 784)
     * @return {reconstruction, KL} summed over the batch, in nats
     */
    public double[] trainStep(NDArray x) {
        NDManager batch = x.getManager();
        double rec;
        double kl;
        try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
            NDList t = terms(x);
            NDArray recSum = t.get(0).sum();
            NDArray klSum = t.get(1).sum();
            NDArray loss = recSum.add(klSum.mul(config.beta()));
            gc.backward(loss);
            rec = scalar(recSum);
            kl = scalar(klSum);
        }
        step++;
        adam(batch);
        return new double[] {rec, kl};
    }

    /**
     * The value of a one-element float32 array, read through a direct view of its memory: {@code getFloat()} went
     * through DJL's indexing (a new array for the element) and a copy into a new direct buffer, twice a step.
     */
    private static float scalar(NDArray a) {
        return ((PtNDArray) a).toByteBuffer(true).order(ByteOrder.nativeOrder()).getFloat(0);
    }

    /**
     * PyTorch's Adam (Kingma and Ba 2015) with bias correction and eps added outside the square
     * root: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², w ← w − (lr/bc₁)·m / (√v/√bc₂ + ε), with
     * bcₖ = 1 − βₖᵗ, in float32 as PyTorch computes it.
     *
     * <p>Why in Java: written as NDArray operations the update took about 13 native calls and 4
     * temporary arrays per parameter, and DJL's fused native {@code adamUpdate} still makes 11
     * passes over memory; together they were a third of the step. Here the moments are Java
     * arrays, the gradient is read through a direct view of the tensor's memory, the weights are
     * updated in their Java copy and written out through one, and the update is one loop the JIT
     * vectorises; then the gradient is zeroed natively.
     */
    private void adam(NDManager batch) {
        for (int i = 0; i < params.length; i++) {
            PtNDArray grad = (PtNDArray) params[i].getGradient();
            grad.attach(batch);
            int n = paramData[i].capacity();
            grad.toByteBuffer(true).order(ByteOrder.nativeOrder()).asFloatBuffer().get(scratchG, 0, n);
            adamUpdate(weights[i], scratchG, adamM[i], adamV[i], n, step, config.learningRate());
            paramData[i].put(0, weights[i], 0, n);
            JniUtils.zeroGrad((PtNDArray) params[i]);
        }
    }

    /**
     * Adam step {@code t} (from 1) on the first n entries of weights w with gradient g, updating
     * the moments m and v in place, as {@code torch.optim.Adam} (float32, eps outside the root).
     */
    static void adamUpdate(float[] w, float[] g, float[] m, float[] v, int n, long t, double learningRate) {
        float stepSize = (float) (learningRate / (1 - Math.pow(BETA1, t)));
        float sqrtBc2 = (float) Math.sqrt(1 - Math.pow(BETA2, t));
        float b1 = (float) BETA1;
        float b2 = (float) BETA2;
        float c1 = (float) (1 - BETA1);
        float c2 = (float) (1 - BETA2);
        float eps = (float) EPS;
        for (int j = 0; j < n; j++) {
            float mj = b1 * m[j] + c1 * g[j];
            float vj = b2 * v[j] + c2 * g[j] * g[j];
            m[j] = mj;
            v[j] = vj;
            w[j] -= stepSize * mj / ((float) Math.sqrt(vj) / sqrtBc2 + eps);
        }
    }

    /**
     * Writes {@code weights.bin} (float32 parameters, big-endian) and then {@code config.json} into
     * dir, each atomically ({@link RunFiles#write}): a crash leaves whole files, and a weights file
     * that does not match its config is caught by {@link #load}.
     *
     * @param dir the run directory
     * @throws IOException when a file cannot be written
     */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        RunFiles.write(dir.resolve(WEIGHTS), stream -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16));
            out.writeInt(params.length);
            for (int i = 0; i < params.length; i++) {
                out.writeUTF(NAMES[i]);
                float[] v = params[i].toFloatArray();
                out.writeInt(v.length);
                for (float f : v) {
                    out.writeFloat(f);
                }
            }
            out.flush();
        });
        RunFiles.write(dir.resolve(CONFIG), stream -> mapper().writeValue(stream, config));
    }

    /**
     * Reads a model written by {@link #save}.
     *
     * @param dir the run directory
     * @return the model
     * @throws BrokenRunException when {@code config.json} or {@code weights.bin} is missing, is not
     *                            what {@link #save} writes, or does not match the other
     * @throws IOException when a file cannot be read
     */
    public static VaeModel load(Path dir) throws IOException {
        return load(dir, 0);
    }

    /**
     * Reads a model written by {@link #save}, running it on {@code threads} PyTorch intra-op threads
     * instead of the number saved with the run (the weights, and so the numbers, are the same).
     *
     * @param dir     the run directory
     * @param threads intra-op threads, at least 1; 0 keeps the run's own setting
     * @return the model
     * @throws BrokenRunException when {@code config.json} or {@code weights.bin} is missing, is not
     *                            what {@link #save} writes, or does not match the other
     * @throws IOException        when the files cannot be read
     */
    public static VaeModel load(Path dir, int threads) throws IOException {
        VaeConfig saved = VaeRuns.config(dir);
        VaeConfig config = threads == 0 ? saved : saved.withThreads(threads);
        Shape[] shapes = shapes(config);
        Path file = dir.resolve(WEIGHTS);
        long expected = weightsBytes(shapes);
        long actual;
        try {
            actual = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new BrokenRunException(file, "missing; the run is incomplete (train it again)", e);
        }
        if (actual != expected) {
            throw new BrokenRunException(file, actual + " bytes, expected " + expected + " for the network in "
                    + CONFIG + " (hidden " + config.hidden() + ", latent " + config.latent()
                    + "): the file is truncated, corrupt or from another run");
        }
        float[][] values = new float[shapes.length][];
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            int n = in.readInt();
            if (n != shapes.length) {
                throw new BrokenRunException(file, "holds " + n + " arrays, expected " + shapes.length + "; the file is corrupt");
            }
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                int len = in.readInt();
                if (!name.equals(NAMES[i]) || len != shapes[i].size()) {
                    throw new BrokenRunException(file, "array " + i + " is '" + name + "'[" + len + "], expected "
                            + NAMES[i] + "[" + shapes[i].size() + "] for " + CONFIG + "; the file is corrupt or from another run");
                }
                values[i] = new float[len];
                for (int j = 0; j < len; j++) {
                    values[i][j] = in.readFloat();
                    if (!Float.isFinite(values[i][j])) {
                        // evaluating it failed deep inside as "logWeights[0]: is NaN"
                        throw new BrokenRunException(file, "holds " + (Float.isNaN(values[i][j]) ? "a NaN" : "an infinite "
                                + "value") + " in array " + name + " (value " + (j + 1) + " of " + len + "): the run "
                                + "diverged or the file is damaged; train it again");
                    }
                }
            }
        } catch (UTFDataFormatException | EOFException e) {
            throw new BrokenRunException(file, "not a weights file written by surprisal (" + e + ")", e);
        }
        return new VaeModel(config, values);
    }

    /** The exact size {@link #save} writes for these shapes: a count, then per array its name, length and floats. */
    private static long weightsBytes(Shape[] shapes) {
        long bytes = Integer.BYTES;
        for (int i = 0; i < shapes.length; i++) {
            bytes += 2 + NAMES[i].getBytes(StandardCharsets.UTF_8).length + Integer.BYTES
                    + Float.BYTES * shapes[i].size();
        }
        return bytes;
    }

    static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    @Override
    public void close() {
        manager.close();
    }
}
