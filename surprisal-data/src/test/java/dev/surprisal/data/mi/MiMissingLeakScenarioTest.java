// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.mi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.selection.MiOptions;
import dev.surprisal.selection.MiSelection;
import dev.surprisal.selection.RankedFeature;
import dev.surprisal.selection.SelectedFeature;
import dev.surprisal.selection.TargetShare;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, defect 1 (audit13): columns written after the outcome are empty exactly when it did not happen. Known
 * truth on a 4,000-row customer table: churned (0/1, about 12%) depends on plan; churn_reason (3 values) and
 * cancel_date (one date) are filled only when churned = 1; refund_date (distinct dates, a date column left out of
 * MI) likewise; device has 5% of its cells missing at random; customer_id is an ID. Whether each leak column is
 * filled in tells H(churned) about churned; the old code measured only rows where both have a value, on which
 * churned is constant, and called the columns "constant: no information".
 */
class MiMissingLeakScenarioTest {
    private static final int N = 4000;

    @TempDir
    Path dir;

    private Path table() throws IOException {
        StringBuilder b = new StringBuilder(
                "customer_id,plan,device,churn_reason,cancel_date,refund_date,tickets,churned\n");
        SplittableRandom r = new SplittableRandom(913);
        String[] plans = {"free", "basic", "pro", "enterprise"};
        String[] reasons = {"price", "service", "moved"};
        String[] devices = {"ios", "android", "web"};
        for (int i = 0; i < N; i++) {
            int plan = r.nextInt(4);
            int churned = r.nextDouble() < (plan == 0 ? 0.25 : 0.05) ? 1 : 0;
            int tickets = (int) Math.floor(-Math.log(r.nextDouble()) * (0.3 + churned));
            b.append(200_000 + i).append(',').append(plans[plan]).append(',')
                    .append(r.nextDouble() < 0.05 ? "" : devices[r.nextInt(3)]).append(',')
                    .append(churned == 1 ? reasons[r.nextInt(3)] : "").append(',')
                    .append(churned == 1 ? "2024-05-01" : "").append(',')
                    .append(churned == 1 ? String.format(Locale.ROOT, "2024-%02d-%02d", 1 + r.nextInt(12),
                            1 + r.nextInt(28)) : "").append(',')
                    .append(tickets).append(',').append(churned).append('\n');
        }
        return Files.writeString(dir.resolve("customers.csv"), b.toString());
    }

    private static RankedFeature feature(RankingResult r, String name) {
        return r.features().stream().filter(f -> f.feature().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aColumnFilledOnlyAfterTheOutcomeDeterminesTheTargetAndIsNamedALeak() throws IOException {
        MiTable t = MiTable.read(table(), RoleOverrides.none(), 42);
        RankingResult r = t.ranking("churned", MiOptions.defaults().withBootstrap(0, false), null);
        double h = TargetShare.entropyNats(labels(t));

        // churn_reason: its empty cells are a value of their own, so it determines churned (was: constant, MI 0)
        RankedFeature reason = feature(r, "churn_reason");
        assertThat(reason.skipped()).isNull();
        assertThat(reason.n()).isEqualTo(N);
        assertThat(reason.mi()).isCloseTo(h, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(reason.targetShare().flag()).isEqualTo(TargetShare.Flag.DETERMINES);
        // cancel_date: one value where filled in is a 0/1 column of whether it is filled (was: left out, constant)
        assertThat(t.decision("cancel_date").role()).isEqualTo(ColumnRole.BINARY);
        assertThat(t.decision("cancel_date").reason()).contains("empty on").contains("filled in (1) or empty (0)");
        assertThat(feature(r, "cancel_date").targetShare().flag()).isEqualTo(TargetShare.Flag.DETERMINES);
        assertThat(r.features().get(0).feature()).isIn("churn_reason", "cancel_date");

        // the leak sentence, for a scored column and for a date column whose values stay out of MI
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).startsWith("churn_reason: whether churn_reason is filled in"
                + " tells").contains("it is filled only when churned = 1").contains("written after the outcome"));
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).startsWith("refund_date: whether refund_date is filled in")
                .contains("it is filled only when churned = 1").contains("role date")
                .contains("whether it is filled in is still measured"));
        // missing at random is no finding; no column with missing cells is said to carry no information
        assertThat(r.notes()).noneSatisfy(n -> assertThat(n).startsWith("device: whether"));
        assertThat(r.notes()).noneSatisfy(n -> assertThat(n).contains("cancel_date").contains("no information"));
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("device").contains("churn_reason")
                .contains("count as a value of their own"));
    }

    @Test
    void thePairOfTheTargetAndALeakColumnIsMeasuredNotRefused() throws IOException {
        MiTable t = MiTable.read(table(), RoleOverrides.none(), 42);
        MiOptions o = MiOptions.defaults().withBootstrap(0, false);
        // the audit's --x churned --y cancel_date exited 3 ("constant"); --y churn_reason measured churned alone
        PairResult date = t.pair("churned", "cancel_date", o);
        PairResult reason = t.pair("churned", "churn_reason", o);
        double h = TargetShare.entropyNats(labels(t));
        assertThat(date.feature().mi()).isCloseTo(h, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(reason.feature().mi()).isCloseTo(h, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(reason.feature().n()).isEqualTo(N);
    }

    @Test
    void theSelectionSeesTheLeakAndDoesNotBlameTheTarget() throws IOException {
        MiTable t = MiTable.read(table(), RoleOverrides.none(), 42);
        // was: complete rows only, where churned is constant: "target: is constant"
        MiSelection.Result s = t.select("churned", 2, MiSelection.Method.MRMR, MiOptions.defaults(), null);
        assertThat(s.rows()).isEqualTo(N);
        assertThat(s.selected()).extracting(SelectedFeature::name).first()
                .isIn("churn_reason", "cancel_date");
        assertThat(s.notes()).anySatisfy(n -> assertThat(n).contains("determines the target"));
    }

    private static int[] labels(MiTable t) {
        var v = t.variable("churned", "target");
        int[] out = new int[v.rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) v.value(i);
        }
        return out;
    }
}
