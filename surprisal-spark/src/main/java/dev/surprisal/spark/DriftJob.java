// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.spark;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code spark-submit} entry point: the {@code surprisal} command with its drift verbs, {@code mi}
 * and {@code entropy --data} and their options (and a server config file where a verb takes one), run
 * on the session that {@code spark-submit} starts, so the master is spark-submit's. {@code --engine spark}
 * is implied for those verbs, so {@code --data} may name the table where it lives ({@code hdfs://},
 * {@code s3a://}, a directory of part files: {@link SparkEngine#read(dev.surprisal.data.TableLocation, Character)}),
 * read through the session's Hadoop configuration; for {@code s3a://} the cluster needs Spark's
 * {@code spark-hadoop-cloud} module (hadoop-aws and the AWS SDK bundle).
 *
 * <pre>
 * spark-submit --class dev.surprisal.spark.DriftJob --master yarn --deploy-mode client \
 *   --packages org.apache.spark:spark-hadoop-cloud_2.13:4.2.0 --jars surprisal-spark.jar surprisal.jar \
 *   drift check --monitor orders --data s3a://lake/orders/day=2026-12-01/ --store jdbc:postgresql://db/drift
 * spark-submit --class dev.surprisal.spark.DriftJob --master yarn --jars surprisal-spark.jar surprisal.jar \
 *   mi --data hdfs://namenode:8020/lake/orders/2024-05-03.parquet --target churned --json
 * </pre>
 *
 * The CLI is called by name ({@code dev.surprisal.cli.SurprisalCommand}), so this module does not
 * depend on the CLI's; both jars are on the driver's class path as above.
 */
public final class DriftJob {
    static final String CLI = "dev.surprisal.cli.SurprisalCommand";

    private DriftJob() {
    }

    /**
     * Runs the command and exits with its code (0 fine, 1 alarm, 2 usage, 3 bad data, 4 bug).
     *
     * @param args the {@code surprisal} arguments, e.g. {@code drift check --monitor m --data f}
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = run(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs the command in this JVM with {@code --engine spark} unless an engine is given.
     *
     * @param out  standard output
     * @param err  standard error
     * @param args the {@code surprisal} arguments
     * @return the exit code
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        List<String> a = new ArrayList<>(Arrays.asList(args));
        String verb = a.isEmpty() ? "" : a.get(0);
        boolean onTables = verb.equals("drift") || verb.equals("mi")
                || verb.equals("entropy") && a.stream().anyMatch(s -> s.equals("--data") || s.startsWith("--data="));
        if (onTables && a.stream().noneMatch(s -> s.equals("--engine") || s.startsWith("--engine="))
                && a.stream().noneMatch(s -> s.equals("--help") || s.equals("-h") || s.equals("history"))) {
            a.add("--engine");
            a.add("spark");
        }
        Method execute;
        try {
            execute = Class.forName(CLI).getMethod("execute", PrintWriter.class, PrintWriter.class, String[].class);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            err.println("surprisal: error: the surprisal CLI is not on the class path: give its jar to spark-submit "
                    + "as the application jar (surprisal-cli/target/surprisal.jar) and this module with --jars");
            return 2;
        }
        try {
            return (Integer) execute.invoke(null, out, err, a.toArray(new String[0]));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
