// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A target's classes as the user meant them (audit17 D1, D4), end to end with a planted truth: a target whose labels
 * are respelt by spaces and case, and a two-label target, must give the verdicts the clean 0/1 data give.
 *
 * <p>The truth: churn is U-shaped in {@code age} (Yes outside 31..67, 10% of labels flipped), {@code churn_flag} is
 * the target written 0/1 (a copy), {@code noise} is unrelated; a six-band segment rule of age (non-monotone), with
 * {@code plan_code} the segment under other names.
 */
class MiLabelSpellingScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int N = 1500;

    /**
     * Writes the table: {@code yesNo} gives the churn cell of each row from its clean label, {@code respell} whether
     * the segments are respelt; the rows are the same whatever the spelling.
     */
    private static Path table(Path dir, String name, String target, UnaryOperator<String> yesNo,
                              boolean respell) throws IOException {
        SplittableRandom r = new SplittableRandom(7);
        SplittableRandom typo = new SplittableRandom(11);
        StringBuilder b = new StringBuilder("age,noise,churn_flag,plan_code,segment," + target + "\n");
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
            String cell = respell ? respelt(seg, typo) : seg;
            b.append(String.format(Locale.ROOT, "%.1f,%.4f,%d,%s,%s,%s%n", age, r.nextGaussian(), yes ? 1 : 0, plan,
                    cell, yesNo.apply(yes ? "Yes" : "No")));
        }
        Path f = dir.resolve(name);
        Files.writeString(f, b);
        return f;
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

    /** The ranking of {@code target}'s features, leaving out the other target of the table. */
    private static JsonNode mi(Path f, String target, String... more) throws IOException {
        String other = target.equals("segment") ? "churned" : "segment";
        List<String> args = new ArrayList<>(List.of("mi", "--data", f.toString(), "--target", target, "--bootstrap",
                "0", "--exclude", other, "--json"));
        args.addAll(List.of(more));
        Cli c = Cli.run(args.toArray(String[]::new));
        assertThat(c.code()).as(c.err()).isZero();
        return JSON.readTree(c.out());
    }

    /** feature: verdict, in ranking order. */
    private static List<String> verdicts(JsonNode result) {
        List<String> v = new ArrayList<>();
        result.get("features").forEach(f -> v.add(f.get("feature").asText() + ": " + f.get("verdict").asText() + ", "
                + f.get("determines_target").asText()));
        return v;
    }

    private static JsonNode feature(JsonNode result, String name) {
        for (JsonNode f : result.get("features")) {
            if (f.get("feature").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError(name + " not ranked: " + result);
    }

    @Test
    void aYesNoTargetIsBinaryAndGetsTheVerdictsOfTheSameDataWritten01(@TempDir Path dir) throws Exception {
        JsonNode text = mi(table(dir, "yesno.csv", "churned", s -> s, false), "churned");
        JsonNode coded = mi(table(dir, "yesno01.csv", "churned01", s -> s.equals("Yes") ? "1" : "0", false),
                "churned01");
        assertThat(text.get("target_role").asText()).isEqualTo("binary");
        // the U-shape: a monotone trend of age carries little of it, whichever label is 1 (before: "dependent" and
        // "a column is text, so there is no correlation or monotone trend")
        assertThat(feature(coded, "age").get("verdict").asText()).isEqualTo("non-monotone");
        assertThat(verdicts(text)).isEqualTo(verdicts(coded));
        for (String f : List.of("age", "noise", "churn_flag")) {
            for (String field : List.of("mi", "monotone_mi", "p_value")) {
                assertThat(feature(text, f).get(field).asDouble()).as(f + " " + field)
                        .isEqualTo(feature(coded, f).get(field).asDouble());
            }
            // which label is 1 changes only the sign of r
            assertThat(Math.abs(feature(text, f).get("pearson").asDouble())).as(f)
                    .isEqualTo(Math.abs(feature(coded, f).get("pearson").asDouble()));
        }
        assertThat(feature(text, "age").get("explanation").asText()).contains("correlation misses most of this")
                .doesNotContain("is text");
    }

    @Test
    void yesAndNoRespeltAreNamedAndFoldedBackToTheVerdictsOf01(@TempDir Path dir) throws Exception {
        SplittableRandom r = new SplittableRandom(3);
        Path messy = table(dir, "messy.csv", "churned", s -> respelt(s, r), false);
        JsonNode asWritten = mi(messy, "churned");
        assertThat(asWritten.get("notes").toString()).contains("\\\"Yes\\\" ×", "\\\"No\\\" ×", "--normalize-labels")
                .contains("differently only by surrounding spaces or letter case");
        JsonNode folded = mi(messy, "churned", "--normalize-labels");
        JsonNode coded = mi(table(dir, "yesno01.csv", "churned01", s -> s.equals("Yes") ? "1" : "0", false),
                "churned01");
        assertThat(folded.get("target_role").asText()).isEqualTo("binary");
        assertThat(verdicts(folded)).isEqualTo(verdicts(coded));
        assertThat(feature(folded, "churn_flag").get("determines_target").asText()).isEqualTo("determines");
    }

    @Test
    void aRespeltMultiClassTargetIsWarnedAndItsCopyCalledOutOnceFolded(@TempDir Path dir) throws Exception {
        Path messy = table(dir, "segments.csv", "churned", s -> s, true);
        JsonNode asWritten = mi(messy, "segment");
        // the copy is hidden by the split classes; the warning names the spellings with counts and the fix
        assertThat(feature(asWritten, "plan_code").get("determines_target").asText()).isNotEqualTo("determines");
        String notes = asWritten.get("notes").toString();
        assertThat(notes).containsPattern("\\\\\"Gold\\\\\" ×[0-9,]+, \\\\\"[ gGOLDold]+\\\\\" ×")
                .contains("--normalize-labels");
        JsonNode folded = mi(messy, "segment", "--normalize-labels");
        assertThat(feature(folded, "plan_code").get("determines_target").asText()).isEqualTo("determines");
        JsonNode clean = mi(table(dir, "clean.csv", "churned", s -> s, false), "segment");
        assertThat(verdicts(folded)).isEqualTo(verdicts(clean));
        assertThat(folded.get("notes").toString()).contains("counted as 4 labels");
    }

    @Test
    void entropyOfARespeltColumnIsWarnedAndFoldedToTheCleanColumns(@TempDir Path dir) throws Exception {
        Path messy = table(dir, "segments.csv", "churned", s -> s, true);
        Path clean = table(dir, "clean.csv", "churned", s -> s, false);
        Cli asWritten = Cli.run("entropy", "--data", messy.toString(), "--column", "segment", "--json");
        assertThat(asWritten.code()).as(asWritten.err()).isZero();
        assertThat(asWritten.out()).contains("written differently only by surrounding spaces or letter case",
                "--normalize-labels");
        Cli folded = Cli.run("entropy", "--data", messy.toString(), "--column", "segment", "--normalize-labels",
                "--json");
        Cli reference = Cli.run("entropy", "--data", clean.toString(), "--column", "segment", "--json");
        assertThat(folded.code()).as(folded.err()).isZero();
        double h = JSON.readTree(folded.out()).get("value").asDouble();
        assertThat(h).isEqualTo(JSON.readTree(reference.out()).get("value").asDouble())
                .isLessThan(JSON.readTree(asWritten.out()).get("value").asDouble());
        assertThat(Cli.run("entropy", "--counts", "3", "4", "--normalize-labels").code()).isEqualTo(2);
    }
}
