// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
import dev.surprisal.selection.MiPair;
import dev.surprisal.selection.MiVariable;

import java.util.SplittableRandom;

/**
 * The permutation-null mean of the kNN estimators at two sizes (20,000 and 200,000 rows), with its
 * Monte-Carlo standard error: independent Gaussian, log-normal (heavy-tailed) and Gaussian × binary
 * columns (KSG1, KSG1, Ross). What `RankedFeature.aboveChance` relies on when the null of a large pair is
 * drawn on the test's subsample: a null mean close to 0 at any n.
 * Usage: java -cp surprisal-cli/target/surprisal.jar bench/mi/NullMeans.java
 */
public class NullMeans {
    public static void main(String[] args) {
        for (String kind : new String[] {"gauss", "lognorm", "binary"}) {
            for (int n : new int[] {20_000, 200_000}) {
                SplittableRandom r = new SplittableRandom(7);
                double[] x = new double[n];
                double[] y = new double[n];
                for (int i = 0; i < n; i++) {
                    double g = r.nextGaussian();
                    double h = r.nextGaussian();
                    x[i] = kind.equals("lognorm") ? Math.exp(2 * g) : g;
                    y[i] = kind.equals("binary") ? (h < -0.5 ? 1 : 0) : kind.equals("lognorm") ? Math.exp(2 * h) : h;
                }
                MiVariable vx = MiVariable.continuous("x", x, 42);
                MiVariable vy = kind.equals("binary") ? MiVariable.discrete("y", y) : MiVariable.continuous("y", y, 42);
                MiPair p = MiPair.of(vx, vy, 3);
                int draws = n > 50_000 ? 8 : 60;
                double s = 0;
                double s2 = 0;
                for (int j = 0; j < draws; j++) {
                    double v = p.natsNull(new SplittableRandom(j * 31L + 5));
                    s += v;
                    s2 += v * v;
                }
                double mean = s / draws;
                double sd = Math.sqrt((s2 - draws * mean * mean) / (draws - 1));
                System.out.printf("%-7s n=%7d  MI %.6f  null mean %.6f  null sd %.6f  s.e. of the mean %.6f nats (%d draws)%n",
                        kind, n, p.nats(), mean, sd, sd / Math.sqrt(draws), draws);
            }
        }
    }
}
