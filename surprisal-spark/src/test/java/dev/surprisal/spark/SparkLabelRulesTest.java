// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

import static dev.surprisal.spark.CliRun.local;
import static dev.surprisal.spark.CliRun.spark;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The label rules of the local engine on Spark (issue 9, spark18), with label17's scenarios: verdicts must not
 * depend on the engine.
 * <ul>
 *   <li>A Yes/No target (two labels, no gaps) is binary on both engines, coded 0/1 ({@code TwoLabels}): churn is
 *       U-shaped in {@code age}, which only a binary target's monotone trend can call "non-monotone" (Spark counted
 *       it as two text labels: no correlation, no monotone trend, another verdict).</li>
 *   <li>A segment written {@code "Gold"}, {@code "Gold "}, {@code "gold"} gets the same warning on both engines,
 *       and with {@code --normalize-labels} (refused on Spark before) the same folded classes: {@code plan_code},
 *       the segment under other names, then determines it on both.</li>
 * </ul>
 * The truth: churn is Yes outside ages 31..67 (10% of labels flipped), {@code churn_flag} is the target written 0/1,
 * {@code noise} is unrelated; the segment is a six-band rule of age, {@code plan_code} its copy. Each command runs
 * on both engines (the CSV read by Spark over several partitions) and the outputs must be equal.
 */
@Tag("spark")
class SparkLabelRulesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int N = 1500;
    @TempDir
    static Path dir;
    private static SparkSession spark;
    private static String partitionBytes;
    private static Path yesNo;
    private static Path segments;
    private static Path messyTarget;

    @BeforeAll
    static void files() throws IOException {
        spark = TestSpark.session();
        // small partitions, so that labels and their variants are counted by several tasks and merged
        partitionBytes = spark.conf().get("spark.sql.files.maxPartitionBytes", null);
        spark.conf().set("spark.sql.files.maxPartitionBytes", "8192");
        spark.conf().set("spark.sql.files.openCostInBytes", "0");
        yesNo = table("yesno.csv", s -> s, false);
        segments = table("segments.csv", s -> s, true);
        SplittableRandom r = new SplittableRandom(3);
        messyTarget = table("messy.csv", s -> respelt(s, r), false);
    }

    @AfterAll
    static void restore() {
        if (partitionBytes == null) {
            spark.conf().unset("spark.sql.files.maxPartitionBytes");
        } else {
            spark.conf().set("spark.sql.files.maxPartitionBytes", partitionBytes);
        }
    }

    /** The table: {@code churn} gives the churn cell from its clean label, {@code respell} respells the segments. */
    private static Path table(String name, UnaryOperator<String> churn, boolean respell) throws IOException {
        SplittableRandom r = new SplittableRandom(7);
        SplittableRandom typo = new SplittableRandom(11);
        StringBuilder b = new StringBuilder("age,noise,churn_flag,plan_code,segment,churned\n");
        String[] bands = {"Gold", "Silver", "Gold", "Bronze", "Silver", "Basic"};
        double[] edges = {28, 38, 50, 62, 72};
        for (int i = 0; i < N; i++) {
            double age = Math.round((18 + 62 * r.nextDouble()) * 10) / 10.0;
            boolean yes = Math.abs(age - 49) > 18;
            if (r.nextDouble() < 0.1) {
                yes = r.nextBoolean();
            }
            int band = 0;
            while (band < edges.length && age >= edges[band]) {
                band++;
            }
            String seg = r.nextDouble() < 0.1 ? bands[r.nextInt(bands.length)] : bands[band];
            String plan = "P-" + seg.charAt(0) + seg.charAt(1);
            b.append(String.format(Locale.ROOT, "%.1f,%.4f,%d,%s,%s,%s%n", age, r.nextGaussian(), yes ? 1 : 0, plan,
                    respell ? respelt(seg, typo) : seg, churn.apply(yes ? "Yes" : "No")));
        }
        return Files.writeString(dir.resolve(name), b);
    }

    /** One label in five respelt, as hand-typed labels are: a trailing or leading space, lower or upper case. */
    private static String respelt(String label, SplittableRandom r) {
        if (r.nextDouble() >= 0.2) {
            return label;
        }
        return switch (r.nextInt(4)) {
            case 0 -> label + " ";
            case 1 -> " " + label;
            case 2 -> label.toLowerCase(Locale.ROOT);
            default -> label.toUpperCase(Locale.ROOT);
        };
    }

    /**
     * Runs {@code args} on both engines; asserts exit 0 and the same output: text equal, JSON equal field by field
     * with numbers to 1e-12 (Spark sums a counted pair's Pearson r and Spearman ρ cell by cell, locally they are
     * summed row by row: 1.0 against 0.9999999999999999); returns the JSON, or null for text.
     */
    private static JsonNode both(String... args) throws IOException {
        CliRun onLocal = local(args);
        CliRun onSpark = spark(args);
        String what = String.join(" ", args);
        assertThat(onLocal.code()).as(what + ": " + onLocal.err()).isZero();
        assertThat(onSpark.code()).as(what + ": " + onSpark.err()).isZero();
        if (!List.of(args).contains("--json")) {
            assertThat(onSpark.out()).as(what).isEqualTo(onLocal.out());
            return null;
        }
        JsonNode s = JSON.readTree(onSpark.out());
        JsonNode l = JSON.readTree(onLocal.out());
        assertThat(compare(s, l)).as(what + "\non Spark: " + s.toPrettyString() + "\nlocal: " + l.toPrettyString())
                .isZero();
        return s;
    }

    /** 0 when the trees are equal, numbers to 1e-12 relative; else 1. */
    private static int compare(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            double x = a.asDouble();
            double y = b.asDouble();
            return Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(y)) ? 0 : 1;
        }
        if (a.isContainerNode() && b.isContainerNode() && a.getNodeType() == b.getNodeType() && a.size() == b.size()) {
            if (a.isArray()) {
                for (int i = 0; i < a.size(); i++) {
                    if (compare(a.get(i), b.get(i)) != 0) {
                        return 1;
                    }
                }
                return 0;
            }
            java.util.Iterator<String> names = a.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (!b.has(n) || compare(a.get(n), b.get(n)) != 0) {
                    return 1;
                }
            }
            return 0;
        }
        return a.equals(b) ? 0 : 1;
    }

    /** {@code mi --target} of a table without its other target, on both engines. */
    private static JsonNode ranking(Path f, String target, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("mi", "--data", f.toString(), "--target", target, "--bootstrap",
                "0", "--exclude", target.equals("segment") ? "churned" : "segment", "--json"));
        args.addAll(List.of(more));
        return both(args.toArray(String[]::new));
    }

    private static JsonNode feature(JsonNode result, String name) {
        for (JsonNode f : result.get("features")) {
            if (f.get("feature").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError(name + " not ranked: " + result);
    }

    /** feature: verdict, determines, in ranking order. */
    private static List<String> verdicts(JsonNode result) {
        List<String> v = new ArrayList<>();
        result.get("features").forEach(f -> v.add(f.get("feature").asText() + ": " + f.get("verdict").asText() + ", "
                + f.get("determines_target").asText()));
        return v;
    }

    @Test
    void aYesNoTargetIsBinaryOnSparkWithTheLocalRolesRankingAndVerdicts() throws IOException {
        JsonNode r = ranking(yesNo, "churned");
        assertThat(r.get("target_role").asText()).isEqualTo("binary");
        // the U-shape: only a 0/1 target's monotone trend shows how little a trend carries
        assertThat(feature(r, "age").get("verdict").asText()).isEqualTo("non-monotone");
        assertThat(feature(r, "churn_flag").get("determines_target").asText()).isEqualTo("determines");
        assertThat(r.get("notes").toString()).contains("'No' and 'Yes': binary, coded No = 0, Yes = 1");
        // the other modes: a pair gathered (continuous × binary), a pair and a matrix counted
        JsonNode pair = both("mi", "--data", yesNo.toString(), "--x", "age", "--y", "churned", "--bootstrap", "0",
                "--json");
        assertThat(pair.toString()).contains("non-monotone");
        both("mi", "--data", yesNo.toString(), "--x", "plan_code", "--y", "churned", "--bootstrap", "0", "--json");
        both("mi", "--data", yesNo.toString(), "--matrix", "--columns", "plan_code,churn_flag,churned", "--json");
    }

    @Test
    void respeltSegmentsAreWarnedAboutAndFoldedOnSparkAsLocally() throws IOException {
        JsonNode asWritten = ranking(segments, "segment");
        assertThat(asWritten.get("notes").toString()).contains("written differently only by surrounding spaces or"
                + " letter case", "--normalize-labels");
        assertThat(feature(asWritten, "plan_code").get("determines_target").asText()).isNotEqualTo("determines");
        JsonNode folded = ranking(segments, "segment", "--normalize-labels");
        assertThat(folded.get("notes").toString()).contains("counted as 4 labels");
        assertThat(feature(folded, "plan_code").get("determines_target").asText()).isEqualTo("determines");
        // the clean table's verdicts, on Spark too
        assertThat(verdicts(folded)).isEqualTo(verdicts(ranking(yesNo, "segment")));
        for (String flag : new String[] {"--json", "--normalize-labels"}) {
            both("mi", "--data", segments.toString(), "--x", "plan_code", "--y", "segment", "--bootstrap", "0", flag);
            both("mi", "--data", segments.toString(), "--matrix", "--columns", "plan_code,segment,age", flag);
            both("entropy", "--data", segments.toString(), "--column", "segment", flag);
        }
        JsonNode h = both("entropy", "--data", segments.toString(), "--column", "segment", "--normalize-labels",
                "--json");
        JsonNode clean = both("entropy", "--data", yesNo.toString(), "--column", "segment", "--json");
        assertThat(h.get("value").asDouble()).isEqualTo(clean.get("value").asDouble());
    }

    @Test
    void aRespeltYesNoTargetIsWarnedAndFoldedBackToBinaryOnSpark() throws IOException {
        JsonNode asWritten = ranking(messyTarget, "churned");
        assertThat(asWritten.get("notes").toString()).contains("\\\"Yes\\\" ×", "\\\"No\\\" ×", "--normalize-labels");
        assertThat(asWritten.get("target_role").asText()).isEqualTo("categorical");
        JsonNode folded = ranking(messyTarget, "churned", "--normalize-labels");
        assertThat(folded.get("target_role").asText()).isEqualTo("binary");
        assertThat(verdicts(folded)).isEqualTo(verdicts(ranking(yesNo, "churned")));
        both("mi", "--data", messyTarget.toString(), "--x", "age", "--y", "churned", "--bootstrap", "0",
                "--normalize-labels");
    }
}
