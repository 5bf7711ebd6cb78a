// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.mi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.surprisal.core.Base;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.selection.MiOptions;
import dev.surprisal.selection.MiSelection;
import dev.surprisal.selection.RankedFeature;
import dev.surprisal.selection.TargetShare;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Determines" where the table is sparse (issue 9, review of mi10): 3,000 orders with an order ID, a postcode of
 * 1,000 levels, its city (300 cities; the city is a function of the postcode), the city with 3% of rows moved to a
 * random city, the city with 30% moved, an independent 1,000-level SKU, a 0/1 flag and a few missing cells. n is not
 * much larger than K·L, so Miller–Madow's chance part (K − 1)(L − 1)/2n ≈ 45 nats exceeded H(city) ≈ 5.5 nats and
 * no note appeared in {@code mi --matrix}, {@code --select} or with {@code --permutations 0}. Known truth: postcode
 * determines city everywhere, nearly determines city3 (share ≈ 0.95), not city30 (≈ 0.56), and the SKU determines
 * nothing.
 */
class MiDeterminesSparseTableTest {
    @TempDir
    Path dir;
    private MiTable table;

    @BeforeEach
    void write() throws IOException {
        SplittableRandom r = new SplittableRandom(1201);
        int[] cityOf = new int[1000];
        for (int z = 0; z < cityOf.length; z++) {
            cityOf[z] = r.nextInt(300);
        }
        StringBuilder b = new StringBuilder("order_id,postcode,city,city3,city30,sku,churned\n");
        for (int i = 0; i < 3000; i++) {
            int z = r.nextInt(1000);
            int c = cityOf[z];
            b.append(500_000 + i).append(",PC").append(1000 + z).append(",city").append(c)
                    .append(",city").append(r.nextDouble() < 0.03 ? r.nextInt(300) : c)
                    .append(",city").append(r.nextDouble() < 0.30 ? r.nextInt(300) : c)
                    .append(',').append(i % 97 == 5 ? "" : "SKU" + r.nextInt(1000)) // a few missing cells
                    .append(',').append(r.nextInt(2)).append('\n');
        }
        table = MiTable.read(Files.writeString(dir.resolve("orders.csv"), b.toString()), RoleOverrides.none(), 42);
    }

    private static List<String> notes(MatrixResult m, String a, String b) {
        return m.notes().stream().filter(n -> n.first().equals(a) && n.second().equals(b))
                .map(MatrixResult.PairNote::message).toList();
    }

    @Test
    void theMatrixSaysThePostcodeDeterminesTheCity() {
        MatrixResult m = table.matrix(3, null);
        assertThat(notes(m, "postcode", "city")).singleElement().asString()
                .startsWith("postcode determines city (MI above chance is 100.0% of the most it can be, H(city))");
        assertThat(notes(m, "postcode", "city3")).singleElement().asString().startsWith("postcode nearly determines city3");
        assertThat(notes(m, "postcode", "city30")).isEmpty();
        // independent many-valued columns: no note, no false "determines"
        assertThat(m.notes()).noneMatch(n -> n.first().equals("sku") || n.second().equals("sku"));
    }

    @Test
    void theRankingSaysSoWithAndWithoutAPermutationTest() {
        MiOptions o = MiOptions.defaults().withBootstrap(0, false).withBase(Base.BITS);
        for (MiOptions options : List.of(o, o.withPermutations(0))) {
            RankingResult r = table.ranking("city", options, null);
            RankedFeature postcode = r.features().stream().filter(f -> f.feature().equals("postcode")).findFirst()
                    .orElseThrow();
            assertThat(postcode.targetShare().flag()).as("permutations " + options.permutations())
                    .isEqualTo(TargetShare.Flag.DETERMINES);
            assertThat(r.features()).filteredOn(f -> f.feature().equals("sku")).singleElement()
                    .satisfies(f -> assertThat(f.targetShare().flag()).isEqualTo(TargetShare.Flag.NONE));
            assertThat(r.notes()).anySatisfy(n -> assertThat(n).startsWith("postcode: determines the target:"));
        }
    }

    @Test
    void aPairAndASelectionSaySoToo() {
        PairResult p = table.pair("postcode", "city3", MiOptions.defaults().withBootstrap(0, false).withPermutations(0));
        assertThat(p.feature().targetShare().flag()).isEqualTo(TargetShare.Flag.NEARLY);
        MiSelection.Result s = table.select("city", 1, MiSelection.Method.MRMR, 3, Base.BITS, null);
        assertThat(s.selected().get(0).name()).isEqualTo("postcode");
        assertThat(s.notes()).singleElement().asString().startsWith("postcode: determines the target:");
    }
}
