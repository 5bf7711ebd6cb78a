// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.mi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.surprisal.core.Base;
import dev.surprisal.core.ValidationException;
import dev.surprisal.data.DataException;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.estimators.EntropyEstimator;
import dev.surprisal.estimators.EntropyEstimators;
import dev.surprisal.inference.EntropyInterval;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What applies to a column's entropy is decided by the library, for a Java user as for the CLI (ent16, issue 9):
 * the settings before the file is read ({@link ColumnEntropy#checkSettings}), then by the column's role which
 * estimator applies (none of counts for a continuous column's differential entropy, which is Vasicek's), whether
 * bins apply, and which interval; each refusal is the project's exception type naming the setting.
 */
class ColumnEntropyDecisionsTest {
    @TempDir
    static Path dir;
    static Path file;

    @BeforeAll
    static void orders() throws IOException {
        SplittableRandom r = new SplittableRandom(16);
        StringBuilder b = new StringBuilder("country,amount\n");
        String[] countries = {"DE", "DE", "FR", "IT", "ES"};
        for (int i = 0; i < 400; i++) {
            b.append(countries[r.nextInt(countries.length)]).append(',')
                    .append(String.format(Locale.ROOT, "%.4f", Math.exp(3 + 0.8 * r.nextGaussian()))).append('\n');
        }
        file = Files.writeString(dir.resolve("orders.csv"), b.toString());
    }

    private static ColumnEntropy.Result of(String column, Integer bins, String estimator, int replicates) {
        EntropyEstimator e = estimator == null ? null : EntropyEstimators.byName(estimator);
        return ColumnEntropy.of(TableReader.open(file), column, RoleOverrides.none(), bins, e, Base.BITS, replicates, 42);
    }

    @Test
    void settingsAreCheckedBeforeTheColumnIsLookedAt() {
        // bins 0 of a text column: the setting is wrong whatever the column, and says so (not "country is categorical")
        assertThatThrownBy(() -> of("country", 0, null, 0)).isInstanceOf(ValidationException.class)
                .isNotInstanceOf(DataException.class).hasMessage("bins: must be at least 1, got 0")
                .satisfies(e -> assertThat(((ValidationException) e).argument()).isEqualTo("bins"));
        assertThatThrownBy(() -> of("amount", null, null, 5)).isNotInstanceOf(DataException.class)
                .hasMessageStartingWith("bootstrap: must be 0 (no interval) or lie in [10, 100000], got 5");
        // an estimator whose interval was never calibrated: refused for every column, before any counting
        assertThatThrownBy(() -> of("country", null, "chao-shen", 100)).isNotInstanceOf(DataException.class)
                .hasMessageStartingWith("bootstrap: intervals are calibrated").hasMessageContaining("chao-shen");
        // the same checks alone, as an engine calls them before it scans anything
        assertThatThrownBy(() -> ColumnEntropy.checkSettings(0, null, 0)).hasMessageStartingWith("bins: ");
        ColumnEntropy.checkSettings(null, EntropyEstimators.byName("miller-madow"), 1000);
    }

    @Test
    void aContinuousColumnTakesNoEstimatorOfCountsUnlessBinned() {
        // before: miller-madow was dropped without a word and Vasicek's value returned as if it had been applied
        assertThatThrownBy(() -> of("amount", null, "miller-madow", 0)).isInstanceOf(ColumnEntropy.Refusal.class)
                .hasMessageContaining("estimator miller-madow: amount is continuous")
                .hasMessageContaining("bins = N");
        // in the library's words (a front end renders them in its own: EntropyBootstrapCommandTest), for plug-in too
        assertThatThrownBy(() -> of("amount", null, "plug-in", 0)).isInstanceOf(ColumnEntropy.Refusal.class)
                .hasMessageContaining("estimator plug-in: amount is continuous")
                .hasMessageContaining("Leave out estimator, or give bins = N");
        // with bins the estimator applies to the bin counts, and without one the value is Vasicek's
        assertThat(of("amount", 10, "miller-madow", 0).estimator()).isEqualTo("miller-madow");
        assertThat(of("amount", null, null, 0).estimator()).isEqualTo("vasicek");
        assertThat(of("country", null, null, 0).estimator()).isEqualTo("plug-in");
        assertThat(of("country", null, "miller-madow", 0).estimator()).isEqualTo("miller-madow");
    }

    @Test
    void theIntervalIsTheOneOfTheEstimatorThatGaveTheValue() {
        for (Object[] c : new Object[][] {{"country", null, null}, {"country", null, "miller-madow"},
            {"amount", null, null}, {"amount", 10, "miller-madow"}}) {
            ColumnEntropy.Result r = of((String) c[0], (Integer) c[1], (String) c[2], 200);
            EntropyInterval iv = r.interval();
            assertThat(iv.shown()).as(r.estimator()).isTrue();
            assertThat(iv.interval().method()).as(r.estimator()).isEqualTo(EntropyInterval.method(r.estimator()));
        }
    }
}
