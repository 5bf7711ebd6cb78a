// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.spark;

import dev.surprisal.data.mi.MatrixResult;
import dev.surprisal.data.mi.MiTable;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.selection.MiOptions;
import dev.surprisal.selection.MiSelection;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many passes over the data the MI modes make on Spark, counted with a {@link SparkListener}: the matrix
 * counts every discrete pair in one job whatever the number of discrete columns (it used to scan once per
 * discrete column), past the {@link SparkMi#PAIR_CELLS} cap it splits the pairs over more jobs with the same
 * values, and {@code --target} and {@code --select} are one job past the roles too. The data: a subscriptions
 * export with an id, six discrete columns (0/1 flags, a count, plans and regions) with empty, {@code n/a},
 * {@code NA} and invalid ({@code abc}, {@code inf}) cells, and a churn flag that depends on the plan.
 */
@Tag("spark")
class SparkMiScansTest {
    private static final int ROWS = 4_000;
    private static final List<String> DISCRETE = List.of("plan", "region", "seats", "support_calls", "annual",
            "churned");
    @TempDir
    static Path dir;
    private static SparkSession spark;
    private static Path csv;
    private static final AtomicInteger JOBS = new AtomicInteger();

    @BeforeAll
    static void data() throws IOException {
        spark = TestSpark.session();
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart start) {
                JOBS.incrementAndGet();
            }
        });
        Random r = new Random(15);
        String[] plans = {"free", "pro", "team"};
        String[] regions = {"eu", "us", "apac", "latam"};
        List<String> lines = new ArrayList<>();
        lines.add("user_id,plan,region,seats,support_calls,annual,churned");
        for (int i = 1; i <= ROWS; i++) {
            int plan = r.nextInt(3);
            String seats = r.nextInt(200) == 0 ? "abc" : r.nextInt(50) == 0 ? "" : Integer.toString(1 + r.nextInt(plan * 2 + 1));
            String calls = r.nextInt(300) == 0 ? "inf" : r.nextInt(40) == 0 ? "n/a" : Integer.toString(r.nextInt(4));
            String churned = r.nextInt(60) == 0 ? "" : r.nextDouble() < (plan == 0 ? 0.4 : 0.1) ? "1" : "0";
            // no gaps in the text column plan: a text column with gaps counts them as a value of its own, which
            // these counted tables cannot hold, so such a table is gathered (SparkMi.textGaps; not this test's point)
            lines.add(i + "," + (r.nextInt(80) == 0 ? plans[plan] : plans[plan]) + "," + regions[r.nextInt(4)] + "," + seats
                    + "," + calls + "," + (r.nextBoolean() ? 1 : 0) + "," + churned);
        }
        csv = Files.write(dir.resolve("subscriptions.csv"), lines);
        spark.conf().set("spark.sql.files.maxPartitionBytes", "16384"); // several partitions
        spark.conf().set("spark.sql.files.openCostInBytes", "0");
    }

    /** The Spark jobs {@code run} starts, once the listener bus has delivered every event. */
    private static int jobs(Runnable run) {
        delivered();
        int before = JOBS.get();
        run.run();
        delivered();
        return JOBS.get() - before;
    }

    private static void delivered() {
        try {
            spark.sparkContext().listenerBus().waitUntilEmpty();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Spark's listener bus did not empty", e);
        }
    }

    private static int rolesJobs(RoleOverrides o) {
        return jobs(() -> SparkMi.roles(SparkMiModesTest.read(csv), o, csv));
    }

    @Test
    void theMatrixCountsEveryDiscretePairInOneJobWithTheLocalValues() {
        RoleOverrides o = RoleOverrides.none().withColumns(DISCRETE);
        assertThat(SparkMiModesTest.read(csv).javaRDD().getNumPartitions()).isGreaterThan(2);
        MiTable local = MiTable.read(csv, o, 42);
        // the truth this data must show: every column discrete, the invalid cells noted, churn depends on the plan
        assertThat(local.decisions()).allMatch(d -> d.role() != dev.surprisal.core.ColumnRole.CONTINUOUS);
        assertThat(local.notes()).anyMatch(n -> n.startsWith("seats:")).anyMatch(n -> n.startsWith("support_calls:"));
        int roles = rolesJobs(o);
        // without the id the rows repeat, and the 'inf' support calls are numbers that are not whole, so the role
        // statistics cannot rule duplicated records out: one scan finds no number with a fraction (SparkCopies)
        assertThat(jobs(() -> SparkMiModesTest.assertSameMatrix(csv, o, List.of())))
                .as("roles, the copies' scan, then one scan for all 15 pairs").isEqualTo(roles + 2);
        MatrixResult m = SparkMi.matrix(SparkMiModesTest.read(csv), o, 3, 42, csv, null).result();
        int plan = DISCRETE.indexOf("plan");
        int churned = DISCRETE.indexOf("churned");
        int annual = DISCRETE.indexOf("annual");
        assertThat(m.nats()[plan][churned]).isGreaterThan(10 * m.nats()[annual][churned]);
        // the id and every column: still one counting scan, the id left out as locally
        RoleOverrides all = RoleOverrides.none();
        int allRoles = rolesJobs(all);
        assertThat(jobs(() -> SparkMiModesTest.assertSameMatrix(csv, all, List.of()))).isEqualTo(allRoles + 1);
    }

    @Test
    void pastThePairCellsCapThePairsSplitOverMoreJobsWithTheSameValues() {
        RoleOverrides o = RoleOverrides.none().withColumns(DISCRETE);
        int roles = rolesJobs(o);
        // each pair's bound is at least 2 x 3 cells: a cap of 6 cells gives each of the 15 pairs a scan of its own
        spark.conf().set(SparkMi.PAIR_CELLS, "6");
        try {
            assertThat(jobs(() -> SparkMiModesTest.assertSameMatrix(csv, o, List.of()))).isEqualTo(roles + 1 + 15);
        } finally {
            spark.conf().unset(SparkMi.PAIR_CELLS);
        }
    }

    @Test
    void theRankingAndTheSelectionAreOneJobPastTheRoles() {
        RoleOverrides o = RoleOverrides.none();
        int roles = rolesJobs(o);
        MiOptions options = MiOptions.defaults().withPermutations(19).withBootstrap(0, false);
        assertThat(jobs(() -> SparkMiTest.assertSameRanking(csv, "churned", o, options)))
                .as("--target: every discrete feature's table with the target in one scan").isEqualTo(roles + 1);
        assertThat(jobs(() -> assertThat(SparkMi.table(SparkMiModesTest.read(csv), o, 42, csv)
                .select("churned", 2, MiSelection.Method.MRMR, 3, null))
                .isEqualTo(MiTable.read(csv, o, 42).select("churned", 2, MiSelection.Method.MRMR, 3, null))))
                .as("--select: the scored columns gathered in one scan").isEqualTo(roles + 1);
    }
}
