// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 (target18): JSON {@code determines_target} carries the distinction the text note makes. Before, a share
 * in [0.70, 0.90) ("very strong predictor of the target … check that it is not recorded after the outcome") and one
 * in [0.90, 0.98) ("nearly determines the target … a near-copy of the target or leakage is likely") were both
 * {@code "nearly-determines"}.
 *
 * <p>Known shares on a balanced 0/1 target: a copy with a share f of its labels flipped keeps 1 − H(f) of the
 * target's bit beyond chance: f = 0.5% gives 1 − H(0.005) ≈ 0.955 (nearly determines), f = 3% gives
 * 1 − H(0.03) ≈ 0.806 (very strong predictor); an exact copy 1; a predictor right 80% of the time 0.28 (no note).
 */
class MiTargetShareFlagCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The text note's opening for each JSON value. */
    private static final Map<String, String> WORDS = Map.of("determines", "determines the target:",
            "nearly-determines", "nearly determines the target:", "very-strong", "very strong predictor of the target:");

    private static Path table(Path dir) throws Exception {
        StringBuilder b = new StringBuilder("y,copy,near95,near80,good\n");
        SplittableRandom r = new SplittableRandom(17);
        for (int i = 0; i < 4000; i++) {
            int y = r.nextInt(2);
            b.append(y).append(',').append(y).append(',').append(r.nextDouble() < 0.005 ? 1 - y : y).append(',')
                    .append(r.nextDouble() < 0.03 ? 1 - y : y).append(',').append(r.nextDouble() < 0.2 ? 1 - y : y)
                    .append('\n');
        }
        return Files.writeString(dir.resolve("shares.csv"), b.toString());
    }

    @Test
    void theJsonFlagSaysWhatTheTextNoteSaysOnEveryRow(@TempDir Path dir) throws Exception {
        String f = table(dir).toString();
        JsonNode json = JSON.readTree(Cli.run("mi", "--data", f, "--target", "y", "--bootstrap", "0", "--json").out());
        Map<String, String> flags = new LinkedHashMap<>();
        json.get("features").forEach(n -> flags.put(n.get("feature").asText(), n.get("determines_target").asText()));
        assertThat(flags).containsEntry("copy", "determines").containsEntry("near95", "nearly-determines")
                .containsEntry("near80", "very-strong").containsEntry("good", "no");

        Cli text = Cli.run("mi", "--data", f, "--target", "y", "--bootstrap", "0");
        assertThat(text.code()).as(text.err()).isZero();
        for (Map.Entry<String, String> e : flags.entrySet()) {
            String feature = e.getKey();
            for (Map.Entry<String, String> w : WORDS.entrySet()) {
                // the note of this flag, and no other, on this feature's row of the notes
                boolean said = text.err().contains("note: " + feature + ": " + w.getValue());
                assertThat(said).as(feature + " " + w.getKey() + " in\n" + text.err())
                        .isEqualTo(w.getKey().equals(e.getValue()));
            }
        }

        // a pair says it the same way: its JSON "determines" and its note
        for (String x : new String[] {"near95", "near80"}) {
            Cli pair = Cli.run("mi", "--data", f, "--x", x, "--y", "y", "--json");
            assertThat(pair.code()).as(pair.err()).isZero();
            JsonNode p = JSON.readTree(pair.out());
            assertThat(p.get("determines").asText()).isEqualTo(flags.get(x));
            assertThat(p.get("determines_target").asText()).isEqualTo(flags.get(x));
            assertThat(p.get("notes").toString()).contains(x + ": " + WORDS.get(flags.get(x)));
        }
    }
}
