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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI side of the audit of 1 Dec (issue 9) on a table of the usual shape (800 rows: an ID, a timestamp, x, a 0/1
 * target logistic in x, a copy of it, a copy with 3% flipped labels, a constant, a 30-valued text column, an empty
 * column): the copy is flagged as leakage in the notes, the explanation and JSON; notes are in --base; and every
 * "--role COL=ROLE" hint printed by mi or entropy succeeds when followed.
 */
class MiLeakageAndHintsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A --role hint as the notes and errors print it: "--role c=discrete (or =continuous)", "(or c=continuous)". */
    private static final Pattern HINT = Pattern.compile("--role (\\S+?)=([a-z-]+)(?: \\(or (?:\\S+?)?=([a-z-]+)\\))?");

    @TempDir
    Path dir;

    private Path table() throws IOException {
        StringBuilder b = new StringBuilder("id,ts,x,const,cat30,target,leak,nearcopy,allmiss\n");
        SplittableRandom r = new SplittableRandom(31);
        for (int i = 0; i < 800; i++) {
            double x = -3 + 6 * r.nextDouble();
            int y = r.nextDouble() < 1 / (1 + Math.exp(-2 * x)) ? 1 : 0;
            b.append(5000 + 3 * i).append(',').append(String.format(Locale.ROOT, "2026-02-01T%02d:%02d:%02d", i / 3600,
                    i / 60 % 60, i % 60)).append(',').append(x).append(",5,c").append(r.nextInt(30)).append(',').append(y)
                    .append(',').append(y).append(',').append(r.nextDouble() < 0.03 ? 1 - y : y).append(",\n");
        }
        return Files.writeString(dir.resolve("t.csv"), b.toString());
    }

    @Test
    void aCopyOfTheTargetIsFlaggedInNotesExplanationAndJson() throws Exception {
        String f = table().toString();
        Cli plain = Cli.run("mi", "--data", f, "--target", "target", "--explain", "--bootstrap", "0");
        assertThat(plain.code()).as(plain.err()).isZero();
        assertThat(plain.err()).contains("note: leak: determines the target: its MI equals the entropy of target (H = ")
                .contains("nearcopy: very strong predictor of the target:").doesNotContain("x: determines")
                .doesNotContain("x: nearly");
        // said once (review of mi10): the note, not the note and again the explanation
        String all = plain.out() + plain.err();
        assertThat(all.split("determines the target|determines target|predictor of the target", -1)).as(all)
                .hasSize(3); // leak, nearcopy
        assertThat(plain.out()).doesNotContain("determines").contains("leak tells you");
        JsonNode features = JSON.readTree(Cli.run("mi", "--data", f, "--target", "target", "--json", "--bootstrap", "0")
                .out()).get("features");
        List<String> flags = new ArrayList<>();
        features.forEach(n -> flags.add(n.get("feature").asText() + "=" + n.get("determines_target").asText()));
        // the JSON says what the note says: a very strong predictor (share about 0.8), not a near-copy
        assertThat(flags).contains("leak=determines", "nearcopy=very-strong", "x=no");
        Cli pair = Cli.run("mi", "--data", f, "--x", "leak", "--y", "target", "--json");
        assertThat(pair.code()).as(pair.err()).isZero();
        JsonNode pairJson = JSON.readTree(pair.out());
        // a pair has no target: the field says whether x determines y (the old name is kept for scripts)
        assertThat(pairJson.get("determines").asText()).isEqualTo("determines");
        assertThat(pairJson.get("determines_target").asText()).isEqualTo("determines");
        assertThat(pairJson.get("notes").toString()).contains("leak: determines the target:");
        assertThat(JSON.readTree(Cli.run("mi", "--data", f, "--x", "x", "--y", "target", "--json").out())
                .get("determines_target").asText()).isEqualTo("no");
        Cli select = Cli.run("mi", "--data", f, "--target", "target", "--select", "2");
        assertThat(select.code()).as(select.err()).isZero();
        assertThat(select.err()).contains("note: leak: determines the target:").contains(" bits");
    }

    @Test
    void notesAreInTheChosenBase() throws Exception {
        String f = table().toString();
        Cli bits = Cli.run("mi", "--data", f, "--target", "target", "--bootstrap", "100");
        assertThat(bits.code()).as(bits.err()).isZero();
        assertThat(bits.err()).contains(" bits").doesNotContain("nats");
        Cli nats = Cli.run("mi", "--data", f, "--target", "target", "--bootstrap", "0", "--base", "e");
        assertThat(nats.err()).contains("(H = 0.").contains(" nats").doesNotContain(" bits");
    }

    /** Each printed --role hint, added to the command that printed it, succeeds (exit 0). */
    @Test
    void everyPrintedHintWorksWhenFollowed() throws Exception {
        String f = table().toString();
        List<List<String>> commands = List.of(
                List.of("mi", "--data", f, "--target", "target", "--permutations", "19", "--bootstrap", "0"),
                List.of("mi", "--data", f, "--target", "const", "--permutations", "19", "--bootstrap", "0"),
                List.of("mi", "--data", f, "--x", "ts", "--y", "target", "--permutations", "19", "--bootstrap", "0"),
                List.of("mi", "--data", f, "--x", "id", "--y", "target", "--permutations", "19", "--bootstrap", "0"),
                List.of("entropy", "--data", f, "--column", "cat30", "--bins", "5"),
                List.of("entropy", "--data", f, "--column", "nearcopy", "--bins", "5"),
                List.of("entropy", "--data", f, "--column", "allmiss"),
                List.of("entropy", "--data", f, "--column", "allmiss", "--role", "allmiss=continuous"));
        int followed = 0;
        for (List<String> c : commands) {
            Cli r = Cli.run(c.toArray(String[]::new));
            for (String[] hint : hints(r.err())) {
                List<String> next = new ArrayList<>(c);
                int at = next.indexOf("--role");
                if (at >= 0) { // the hint replaces the role that failed
                    next.remove(at + 1);
                    next.remove(at);
                }
                next.addAll(List.of("--role", hint[0] + "=" + hint[1]));
                Cli after = Cli.run(next.toArray(String[]::new));
                assertThat(after.code()).as(String.join(" ", next) + "\n" + after.err()).isZero();
                followed++;
            }
        }
        // id (twice: discrete, continuous), ts, nearcopy=continuous at least
        assertThat(followed).isGreaterThanOrEqualTo(4);
        Cli empty = Cli.run("entropy", "--data", f, "--column", "allmiss");
        assertThat(empty.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(empty.err()).contains("all 800 cells are missing");
        Cli constant = Cli.run("mi", "--data", f, "--target", "const");
        assertThat(constant.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(constant.err()).contains("is constant").doesNotContain("--role");
    }

    private static Set<String[]> hints(String err) {
        Set<String[]> out = new LinkedHashSet<>();
        Matcher m = HINT.matcher(err);
        while (m.find()) {
            out.add(new String[] {m.group(1), m.group(2)});
            if (m.group(3) != null) {
                out.add(new String[] {m.group(1), m.group(3)});
            }
        }
        return out;
    }
    @Test
    void aColumnThatIsAUnitConversionOfTheTargetIsRankedAndFlaggedNotSkipped() throws Exception {
        // audit12: the price in euros = 0.9213 × the price in dollars, beside noise. The isotonic fit of a strictly
        // monotone pair is one block per row, which the Ross estimator of the monotone MI cannot take; the feature was
        // skipped ("every label occurs only once") and `--x/--y` exited 3, hiding exactly the leak the verb must show
        StringBuilder b = new StringBuilder("dollars,euros,noise\n");
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 300; i++) {
            // whole dollars: ties in the feature with equal targets, which pool into one step of the fit (review12c)
            double d = i % 2 == 0 ? Math.round(5 + 200 * r.nextDouble()) : Math.round((5 + 200 * r.nextDouble()) * 100) / 100.0;
            b.append(String.format(Locale.ROOT, "%.2f,%.4f,%.4f%n", d, d * 0.9213, r.nextGaussian()));
        }
        String f = Files.writeString(dir.resolve("prices.csv"), b.toString()).toString();
        Cli rank = Cli.run("mi", "--data", f, "--target", "euros", "--json", "--bootstrap", "0");
        assertThat(rank.code()).as(rank.err()).isZero();
        JsonNode first = JSON.readTree(rank.out()).get("features").get(0);
        assertThat(first.get("feature").asText()).isEqualTo("dollars");
        assertThat(first.get("verdict").asText()).as(first.toString()).isEqualTo("monotone");
        assertThat(first.get("determines_target").asText()).isEqualTo("determines");
        assertThat(rank.err()).doesNotContain("skipped").doesNotContain("occurs only once");
        Cli pair = Cli.run("mi", "--data", f, "--x", "dollars", "--y", "euros", "--explain");
        assertThat(pair.code()).as(pair.err()).isZero();
        assertThat(pair.out() + pair.err()).contains("determines the target")
                .contains("euros is an exact monotone function of dollars on all 258 rows, so the true MI is infinite")
                .doesNotContain("infinity bits").doesNotContain("Infinity bits");
    }

    @Test
    void anIdOfCodesWithLeadingZerosIsAdvisedBackAsLabelsNotNumbers() throws Exception {
        // codes18's leftover: order IDs written with leading zeros are text (007 and 7 two codes), id-like and left
        // out of mi; the advice said "=discrete (or =continuous)", which reads them as numbers and merges 007 and 7
        StringBuilder b = new StringBuilder("order_no,x,target\n");
        SplittableRandom r = new SplittableRandom(19);
        for (int i = 0; i < 600; i++) {
            double x = r.nextGaussian();
            b.append(String.format(Locale.ROOT, "%06d,%.4f,%d%n", i * 7, x, x + 0.5 * r.nextGaussian() > 0 ? 1 : 0));
        }
        String f = Files.writeString(dir.resolve("orders.csv"), b.toString()).toString();
        Cli rank = Cli.run("mi", "--data", f, "--target", "target", "--bootstrap", "0");
        assertThat(rank.code()).as(rank.err()).isZero();
        String all = rank.out() + rank.err();
        assertThat(all).contains("order_no").contains("--role order_no=categorical")
                .doesNotContain("order_no=discrete").doesNotContain("order_no=continuous");
    }
}
