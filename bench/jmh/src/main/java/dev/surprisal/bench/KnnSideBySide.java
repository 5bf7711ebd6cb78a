// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.bench;

import dev.surprisal.continuous.KraskovMutualInformation;
import dev.surprisal.continuous.SklearnMutualInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times Surprisal's KSG mutual information on data written by bench/knn_bench.sh (little-endian
 * float64). Usage: {@code pair <x.bin> <y.bin> <reps>} prints "n median_seconds mi" for one 1-D pair
 * (plain KSG1); {@code sklearn <x.bin> <y.bin> <reps>} the same through
 * {@link SklearnMutualInfo#mutualInfoRegression} (scaling and noise as scikit-learn, like for like);
 * {@code rank <features.bin> <target.bin> <nFeatures> <reps>} ranks row-major features against a target
 * with {@link SklearnMutualInfo#mutualInfoRegression}. Not a JMH benchmark: whole-call wall time,
 * the way a user would run it, including the sort and tree build.
 */
public final class KnnSideBySide {
    private KnnSideBySide() {
    }

    public static void main(String[] args) throws IOException {
        if (args[0].equals("pair") || args[0].equals("sklearn")) {
            double[] x = read(Path.of(args[1]));
            double[] y = read(Path.of(args[2]));
            int reps = Integer.parseInt(args[3]);
            boolean like = args[0].equals("sklearn");
            double[][] rows = null;
            if (like) {
                rows = new double[x.length][];
                for (int i = 0; i < x.length; i++) {
                    rows[i] = new double[] {x[i]};
                }
            }
            double[] t = new double[reps];
            double mi = 0;
            for (int r = 0; r < reps; r++) {
                long t0 = System.nanoTime();
                mi = like ? SklearnMutualInfo.mutualInfoRegression(rows, y)[0]
                        : KraskovMutualInformation.estimate(x, y).nats();
                t[r] = (System.nanoTime() - t0) / 1e9;
            }
            System.out.printf(Locale.ROOT, "%d %.4f %.6f%n", x.length, median(t), mi);
        } else {
            double[] flat = read(Path.of(args[1]));
            double[] y = read(Path.of(args[2]));
            int p = Integer.parseInt(args[3]);
            int reps = Integer.parseInt(args[4]);
            int n = y.length;
            double[][] f = new double[n][p];
            for (int i = 0; i < n; i++) {
                System.arraycopy(flat, i * p, f[i], 0, p);
            }
            double[] t = new double[reps];
            double[] mi = null;
            for (int r = 0; r < reps; r++) {
                long t0 = System.nanoTime();
                mi = SklearnMutualInfo.mutualInfoRegression(f, y);
                t[r] = (System.nanoTime() - t0) / 1e9;
            }
            System.out.printf(Locale.ROOT, "%d %.4f %.6f%n", n, median(t), Arrays.stream(mi).max().orElse(0));
        }
    }

    static double median(double[] t) {
        double[] s = t.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    static double[] read(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate((int) ch.size()).order(ByteOrder.LITTLE_ENDIAN);
            while (buf.hasRemaining() && ch.read(buf) >= 0) {
                // fill
            }
            buf.flip();
            double[] out = new double[buf.remaining() / 8];
            buf.asDoubleBuffer().get(out);
            return out;
        }
    }
}
