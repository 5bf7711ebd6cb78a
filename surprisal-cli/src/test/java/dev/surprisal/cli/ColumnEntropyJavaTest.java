// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surprisal.core.Base;
import dev.surprisal.data.mi.ColumnEntropy;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.estimators.EntropyEstimators;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Java user of {@link ColumnEntropy#of} gets the entropy of a discrete or text column that the CLI prints (audit of
 * 2 Dec, issue 9, D8: {@code Counted} held the counts only, its estimator and base unused, while
 * {@code entropy --data F --column C} printed 1.8649 bits). Known truth: counts 4, 2, 1, 1 of 8 have
 * H = 1.75 bits exactly.
 */
class ColumnEntropyJavaTest {
    @Test
    void theLibraryReturnsTheValueTheCliPrints(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("colours.csv");
        Files.writeString(f, "colour\nred\nred\nred\nred\nblue\nblue\ngreen\nwhite\n");
        for (String name : new String[] {"plug-in", "miller-madow"}) {
            ColumnEntropy.Result r = ColumnEntropy.of(f, "colour", RoleOverrides.none(), null,
                    EntropyEstimators.byName(name), Base.BITS);
            assertThat(r).isInstanceOf(ColumnEntropy.Counted.class);
            ColumnEntropy.Counted c = (ColumnEntropy.Counted) r;
            assertThat(c.estimator()).isEqualTo(name);
            assertThat(c.base()).isEqualTo(Base.BITS);
            Cli cli = Cli.run("entropy", "--data", f.toString(), "--column", "colour", "--estimator", name, "--json");
            assertThat(cli.code()).as(cli.err()).isZero();
            assertThat(new ObjectMapper().readTree(cli.out()).get("value").asDouble()).isEqualTo(c.value());
        }
        ColumnEntropy.Counted plugIn = (ColumnEntropy.Counted) ColumnEntropy.of(f, "colour", RoleOverrides.none(),
                null, null, Base.BITS);
        assertThat(plugIn.value()).isEqualTo(1.75);
        assertThat(plugIn.estimator()).isEqualTo("plug-in");
        // Miller–Madow adds (K − 1)/(2n) nats: 3/16 nats
        ColumnEntropy.Counted mm = (ColumnEntropy.Counted) ColumnEntropy.of(f, "colour", RoleOverrides.none(), null,
                EntropyEstimators.byName("miller-madow"), Base.NATS);
        assertThat(mm.value()).isCloseTo(1.75 * Math.log(2) + 3.0 / 16, org.assertj.core.api.Assertions.within(1e-12));
    }
}
