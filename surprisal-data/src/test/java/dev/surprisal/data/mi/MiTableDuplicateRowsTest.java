// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.mi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.NumericColumn;
import dev.surprisal.data.Table;
import dev.surprisal.continuous.DistinctRows;
import dev.surprisal.data.roles.ColumnRoles;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.selection.MiOptions;
import dev.surprisal.selection.RankedFeature;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: a table loaded twice (every record present twice) made independent columns look dependent;
 * the reading stage now estimates and tests on the distinct rows, while coarse columns that repeat by
 * coincidence keep every row.
 */
class MiTableDuplicateRowsTest {
    private static final MiOptions OPTIONS = MiOptions.defaults().withBootstrap(0, false);

    /** Orders with an amount x, a noise column z and y = rho·x + noise, plus a country; each record twice. */
    private static Table doubled(int records, double rho, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 2 * records;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        String[] country = new String[n];
        String[] names = {"de", "fr", "it"};
        for (int i = 0; i < records; i++) {
            double a = r.nextGaussian();
            double b = rho * a + Math.sqrt(1 - rho * rho) * r.nextGaussian();
            double c = r.nextGaussian();
            String k = names[r.nextInt(3)];
            // the second load follows the first, as `cat day.csv day.csv` writes it
            x[i] = x[records + i] = a;
            y[i] = y[records + i] = b;
            z[i] = z[records + i] = c;
            country[i] = country[records + i] = k;
        }
        return Table.of(List.of(NumericColumn.of("x", x), NumericColumn.of("y", y), NumericColumn.of("z", z),
                CategoricalColumn.of("country", country)));
    }

    private static MiTable table(Table t, boolean keep) {
        return MiTable.of(t, ColumnRoles.detect(t, RoleOverrides.none()), 42, null, keep);
    }

    @Test
    void independentColumnsLoadedTwiceShowNoDependence() {
        Table t = doubled(1500, 0.0, 1);
        MiTable m = table(t, false);
        assertThat(m.duplicateRows()).isEqualTo(1500);
        assertThat(m.rows()).isEqualTo(1500);
        assertThat(m.notes()).contains("1,500 of 3,000 rows repeat an earlier row exactly (duplicated records); MI is "
                + "estimated and tested on the 1,500 distinct rows; --keep-duplicate-rows to use all");
        List<RankedFeature> ranked = m.ranking("y", OPTIONS, null).features();
        assertThat(ranked).allSatisfy(f -> {
            assertThat(f.significant(OPTIONS.alpha())).as(f.feature()).isFalse();
            assertThat(f.mi()).as(f.feature()).isCloseTo(0.0, within(0.05));
            assertThat(f.n()).isEqualTo(1500);
        });
        PairResult pair = m.pair("x", "y", OPTIONS);
        assertThat(pair.feature().mi()).isCloseTo(0.0, within(0.05));
        assertThat(pair.rowsLeftOut()).as("copies are not rows with a missing value").isZero();

        MiTable all = table(t, true); // what every mode did before: the copies read as dependence
        assertThat(all.duplicateRows()).isZero();
        assertThat(all.rows()).isEqualTo(3000);
        assertThat(all.notes()).isEmpty();
        assertThat(all.ranking("y", OPTIONS, null).features()).filteredOn(f -> !f.feature().equals("country"))
                .allSatisfy(f -> assertThat(f.significant(OPTIONS.alpha())).as(f.feature()).isTrue());
    }

    @Test
    void aRealDependenceLoadedTwiceIsStillFound() {
        MiTable m = table(doubled(1500, 0.6, 2), false);
        assertThat(m.duplicateRows()).isEqualTo(1500);
        RankedFeature x = m.ranking("y", OPTIONS, null).features().stream().filter(f -> f.feature().equals("x"))
                .findFirst().orElseThrow();
        assertThat(x.significant(OPTIONS.alpha())).isTrue();
        assertThat(x.mi()).isCloseTo(-0.5 * Math.log(1 - 0.36), within(0.07));
    }

    /** A rounded amount and a small count repeat whole rows by coincidence: every row is kept, with no note. */
    @Test
    void coarseColumnsWithNaturalRepeatsKeepEveryRow() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 4000;
        double[] amount = new double[n];
        double[] items = new double[n];
        for (int i = 0; i < n; i++) {
            items[i] = 1 + r.nextInt(6);
            amount[i] = Math.round(items[i] * 5 + r.nextGaussian() * 3) ; // whole euros
        }
        Table t = Table.of(List.of(NumericColumn.of("amount", amount), NumericColumn.of("items", items)));
        MiTable m = table(t, false);
        assertThat(m.duplicateRows()).isZero();
        assertThat(m.rows()).isEqualTo(n);
        assertThat(m.notes()).noneMatch(s -> s.contains("repeat an earlier row"));
        assertThat(m.pair("amount", "items", OPTIONS).feature().significant(OPTIONS.alpha())).isTrue();
    }

    /** An ID column read with the rows makes every row a record of its own, even when the values repeat. */
    @Test
    void anIdColumnTellsRecordsApart() {
        Table doubled = doubled(500, 0.0, 4);
        int n = doubled.rowCount();
        double[] id = new double[n];
        for (int i = 0; i < n; i++) {
            id[i] = 1000 + i;
        }
        List<dev.surprisal.data.Column> columns = new java.util.ArrayList<>(doubled.columns());
        columns.add(0, NumericColumn.of("order_id", id));
        MiTable m = table(Table.of(columns), false);
        assertThat(m.duplicateRows()).isZero();
    }

    /**
     * An engine that reads the rows itself (Spark) decides copies from the keys of every column read, text as whole
     * numbers, and gets the local table: the same distinct rows, note, ranking; a table of roles carries them too.
     */
    @Test
    void copiesDecidedFromKeysGiveTheLocalTable() {
        Table t = doubled(500, 0.5, 3);
        ColumnRoles roles = ColumnRoles.detect(t, RoleOverrides.none());
        int[] codes = ((CategoricalColumn) t.column("country")).codes();
        double[][] keys = {((NumericColumn) t.column("x")).values(), ((NumericColumn) t.column("y")).values(),
                ((NumericColumn) t.column("z")).values(), java.util.Arrays.stream(codes).asDoubleStream().toArray()};
        dev.surprisal.continuous.DistinctRows d = DuplicateRecords.find(keys);
        assertThat(d).isNotNull();
        assertThat(d.repeats()).isEqualTo(500);
        MiTable local = table(t, false);
        MiTable decided = MiTable.of(t, roles, 42, null, d);
        assertThat(decided.rows()).isEqualTo(local.rows());
        assertThat(decided.duplicateRows()).isEqualTo(local.duplicateRows());
        assertThat(decided.notes()).isEqualTo(local.notes());
        assertThat(decided.ranking("y", OPTIONS, null)).isEqualTo(local.ranking("y", OPTIONS, null));
        MiTable ofRoles = MiTable.ofRoles(1000, local.decisions(), List.of(), List.of(), null).withCopies(d);
        assertThat(ofRoles.rows()).isEqualTo(500);
        assertThat(ofRoles.duplicateRows()).isEqualTo(500);
        assertThat(ofRoles.notes()).isEqualTo(local.notes());
        assertThat(MiTable.of(t, roles, 42, null, (dev.surprisal.continuous.DistinctRows) null).duplicateRows()).isZero();
        assertThat(DuplicateRecords.find(new double[0][])).isNull();
    }

    /**
     * Only a column with a fraction can mark copies, and a key column leaves no row repeated, so role statistics rule
     * copies out before any row is read.
     */
    @Test
    void copiesArePossibleOnlyWithANumberThatIsNotWhole() {
        Table measured = doubled(200, 0.0, 5);
        assertThat(DuplicateRecords.possible(ColumnRoles.detect(measured, RoleOverrides.none()))).isTrue();
        // a key read beside them (an order ID on every row) makes every row distinct
        List<dev.surprisal.data.Column> keyed = new java.util.ArrayList<>(measured.columns());
        keyed.add(NumericColumn.of("order_id", java.util.stream.IntStream.range(0, 400).asDoubleStream().toArray()));
        Table withKey = Table.of(keyed);
        assertThat(DuplicateRecords.possible(ColumnRoles.detect(withKey, RoleOverrides.none()))).isFalse();
        assertThat(DuplicateRecords.find(withKey, ColumnRoles.detect(withKey, RoleOverrides.none()))).isNull();
        // the same rows, twice, of counts and a category: repeats, yet never copies, and the statistics say so first
        double[] items = new double[400];
        String[] country = new String[400];
        SplittableRandom r = new SplittableRandom(6);
        for (int i = 0; i < 200; i++) {
            items[i] = items[200 + i] = r.nextInt(1000);
            country[i] = country[200 + i] = r.nextBoolean() ? "de" : "fr";
        }
        Table coarse = Table.of(List.of(NumericColumn.of("n_items", items), CategoricalColumn.of("country", country)));
        ColumnRoles roles = ColumnRoles.detect(coarse, RoleOverrides.none());
        assertThat(DuplicateRecords.possible(roles)).isFalse();
        assertThat(DuplicateRecords.find(coarse, roles)).isNull();
    }

    /**
     * One rule answers "can this table hold duplicate rows?" for both the engines that skip reading rows
     * ({@code possible}) and the local reader ({@code provablyDistinct}): a key column read. An ID with one missing
     * cell is a key for both (before, only the local reader said so: Spark hashed every row for nothing); a column
     * read as numbers whose unreadable cells are distinct texts is a key for neither (two such cells are both NaN,
     * so two rows can repeat: before, the engines took it as a key and skipped the check).
     */
    @Test
    void oneRuleDecidesAKeyForEveryEngine() {
        Table doubled = doubled(200, 0.0, 5);
        int n = doubled.rowCount();
        double[] id = new double[n];
        for (int i = 0; i < n; i++) {
            id[i] = 1000 + i;
        }
        id[7] = Double.NaN;
        Table oneMissing = withId(doubled, id);
        ColumnRoles roles = ColumnRoles.detect(oneMissing, RoleOverrides.none());
        assertThat(DuplicateRecords.keyColumn(roles)).isEqualTo("order_id");
        assertThat(DuplicateRecords.possible(roles)).isFalse();
        assertThat(DuplicateRecords.provablyDistinct(oneMissing, roles)).isTrue();
        assertThat(DuplicateRecords.find(oneMissing, roles)).as("and the rows agree").isNull();

        // an amount read as numbers (99.5% are), its two unreadable cells distinct texts: no key
        String[] amount = new String[n];
        for (int i = 0; i < n; i++) {
            amount[i] = Double.toString(10 + 0.25 * i);
        }
        amount[3] = "n/a (refund)";
        amount[200 + 3] = "n/a (void)";
        List<dev.surprisal.data.Column> columns = new java.util.ArrayList<>(doubled.columns());
        columns.add(CategoricalColumn.of("amount", amount));
        Table unreadable = Table.of(columns);
        ColumnRoles withAmount = ColumnRoles.detect(unreadable, RoleOverrides.none());
        assertThat(withAmount.role("amount").isNumeric()).isTrue();
        assertThat(DuplicateRecords.keyColumn(withAmount)).isNull();
        assertThat(DuplicateRecords.possible(withAmount)).isTrue();
        assertThat(DuplicateRecords.provablyDistinct(unreadable, withAmount)).isFalse();
        // a text key (every cell a distinct code, none a number) is one
        String[] code = new String[n];
        for (int i = 0; i < n; i++) {
            code[i] = "ord-" + i;
        }
        columns.set(columns.size() - 1, CategoricalColumn.of("order_code", code));
        ColumnRoles coded = ColumnRoles.detect(Table.of(columns), RoleOverrides.none());
        assertThat(DuplicateRecords.keyColumn(coded)).isEqualTo("order_code");
        assertThat(DuplicateRecords.possible(coded)).isFalse();
    }

    /** The doubled table with an ID column in front. */
    private static Table withId(Table t, double[] id) {
        List<dev.surprisal.data.Column> columns = new java.util.ArrayList<>(t.columns());
        columns.add(0, NumericColumn.of("order_id", id));
        return Table.of(columns);
    }

    private static boolean settled(Table t) {
        return DuplicateRecords.provablyDistinct(t, ColumnRoles.detect(t, RoleOverrides.none()));
    }

    /**
     * The role scan settles the check when a column read holds distinct numbers (one missing cell at most); any
     * doubt (a repeated value, two missing cells, −0.0 beside 0.0, roles without statistics) leaves it to hashing.
     */
    @Test
    void aColumnOfDistinctValuesSettlesTheCheckWithoutHashing() {
        Table doubled = doubled(200, 0.0, 5);
        int n = doubled.rowCount();
        assertThat(settled(doubled)).as("every column repeats its values").isFalse();
        double[] id = new double[n];
        for (int i = 0; i < n; i++) {
            id[i] = 1000 + i;
        }
        assertThat(settled(withId(doubled, id))).isTrue();
        id[7] = Double.NaN;
        assertThat(settled(withId(doubled, id))).as("one missing id").isTrue();
        id[9] = Double.NaN;
        assertThat(settled(withId(doubled, id))).as("two missing ids could be two copies").isFalse();
        id[7] = 0.0;
        id[9] = -0.0;
        assertThat(settled(withId(doubled, id))).as("-0.0 equals 0.0").isFalse();
        assertThat(DistinctRows.of(id).repeats()).isEqualTo(1);
        id[9] = 5.5;
        Table t = withId(doubled, id);
        ColumnRoles frozen = ColumnRoles.frozen(ColumnRoles.detect(t, RoleOverrides.none()).decisions(), List.of());
        assertThat(DuplicateRecords.provablyDistinct(t, frozen)).as("no statistics, no proof").isFalse();
        // excluded from the columns read: the id proves nothing about the rows that are read
        RoleOverrides exclude = RoleOverrides.none().withExclude(List.of("order_id"));
        assertThat(DuplicateRecords.provablyDistinct(t, ColumnRoles.detect(t, exclude))).isFalse();
    }

    /** Through the file reader, where the shortcut applies: copies are still found, an ID still tells rows apart. */
    @Test
    void readingAFileFindsCopiesAsBefore(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Table doubled = doubled(300, 0.0, 6);
        int n = doubled.rowCount();
        StringBuilder csv = new StringBuilder("order_id,x,y\n");
        StringBuilder plain = new StringBuilder("x,y\n");
        for (int i = 0; i < n; i++) {
            String xy = Double.toString(((NumericColumn) doubled.column("x")).value(i)) + ","
                    + ((NumericColumn) doubled.column("y")).value(i);
            csv.append(1000 + i).append(',').append(xy).append('\n');
            plain.append(xy).append('\n');
        }
        java.nio.file.Path withIds = java.nio.file.Files.writeString(dir.resolve("ids.csv"), csv);
        java.nio.file.Path copies = java.nio.file.Files.writeString(dir.resolve("copies.csv"), plain);
        assertThat(MiTable.read(copies, RoleOverrides.none(), 42).duplicateRows()).isEqualTo(300);
        assertThat(MiTable.read(withIds, RoleOverrides.none(), 42).duplicateRows()).isZero();
    }
}
