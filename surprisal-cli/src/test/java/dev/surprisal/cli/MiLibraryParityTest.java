// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surprisal.core.Base;
import dev.surprisal.data.demo.OrdersTable;
import dev.surprisal.data.mi.MiTable;
import dev.surprisal.data.mi.RankingResult;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.selection.MiOptions;
import dev.surprisal.selection.RankedFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library does the work: one call ({@link MiTable#ranking}) gives a Java user what {@code mi --target}
 * prints (the same features in the same order, the same values, the same notes); and the modes of
 * {@code mi} are one exclusive group whose usage errors name the options (exit 2).
 */
class MiLibraryParityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOTE = "surprisal: note: ";

    @Test
    void oneLibraryCallGivesTheCliRanking(@TempDir Path dir) throws Exception {
        Path file = OrdersTable.reference(1500, 3).writeCsv(dir.resolve("orders.csv"));
        Cli r = Cli.run("mi", "--data", file.toString(), "--target", "churned", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode cli = JSON.readTree(r.out());

        RankingResult lib = MiTable.read(file, RoleOverrides.none(), 42).ranking("churned", MiOptions.defaults(), null);

        List<RankedFeature> features = lib.features();
        assertThat(cli.get("features")).hasSize(features.size());
        for (int i = 0; i < features.size(); i++) {
            JsonNode f = cli.get("features").get(i);
            RankedFeature g = features.get(i);
            assertThat(f.get("feature").asText()).isEqualTo(g.feature());
            assertThat(f.get("mi").asDouble()).isEqualTo(Base.BITS.fromNats(g.mi()));
            assertThat(f.get("above_chance").asDouble()).isEqualTo(Base.BITS.fromNats(g.aboveChance()));
            assertThat(f.get("p_value").asDouble()).isEqualTo(g.pValue());
            assertThat(f.get("verdict").asText()).isEqualTo(g.verdict().label());
        }
        assertThat(cli.get("ranking").asText()).isEqualTo(lib.rankingRule());
        assertThat(cli.get("permutation_method").asText()).isEqualTo(lib.permutationMethod());
        List<String> inJson = new ArrayList<>();
        cli.get("notes").forEach(n -> inJson.add(n.asText()));
        assertThat(inJson).isEqualTo(lib.notes());
        Cli plain = Cli.run("mi", "--data", file.toString(), "--target", "churned");
        List<String> printed = new ArrayList<>();
        plain.err().lines().filter(l -> l.startsWith(NOTE)).forEach(l -> printed.add(l.substring(NOTE.length())));
        assertThat(printed).isEqualTo(lib.notes());
        assertThat(lib.notes()).anyMatch(n -> n.startsWith("column order_id: ")); // the id column, left out
    }

    @Test
    void modesAreExclusiveAndTheErrorsNameTheOptions(@TempDir Path dir) throws Exception {
        String f = OrdersTable.reference(200, 3).writeCsv(dir.resolve("o.csv")).toString();
        assertUsage(Cli.run("mi", "--data", f), "choose --x A --y B, --target Y or --matrix");
        assertUsage(Cli.run("mi", "--data", f, "--target", "churned", "--matrix"),
                "--x/--y, --target and --matrix are different modes; use one");
        assertUsage(Cli.run("mi", "--data", f, "--matrix", "--x", "amount", "--y", "churned"),
                "--x/--y, --target and --matrix are different modes; use one");
        assertUsage(Cli.run("mi", "--data", f, "--x", "amount"), "--x and --y go together");
        assertUsage(Cli.run("mi", "--data", f, "--y=amount"), "--x and --y go together");
        assertUsage(Cli.run("mi", "--data", f, "--select", "2"), "--select needs --target");
        // an error that is not about the modes keeps picocli's words
        assertUsage(Cli.run("mi", "--target", "churned"), "Missing required option: '--data=FILE'");
    }

    private static void assertUsage(Cli r, String message) {
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith(ErrorHandlers.PREFIX + message);
    }
}
