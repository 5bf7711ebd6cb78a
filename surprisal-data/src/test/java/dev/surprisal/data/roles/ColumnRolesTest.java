// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.roles;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.core.ValidationException;
import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.DataException;
import dev.surprisal.data.NumericColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.demo.OrdersTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColumnRolesTest {
    @TempDir
    Path dir;

    private static final Map<String, ColumnRole> ORDERS = Map.of("order_id", ColumnRole.ID_LIKE, "ts",
            ColumnRole.TIMESTAMP, "amount", ColumnRole.CONTINUOUS, "country", ColumnRole.CATEGORICAL, "device",
            ColumnRole.CATEGORICAL, "days_since_last", ColumnRole.CONTINUOUS, "n_items", ColumnRole.DISCRETE,
            "churned", ColumnRole.BINARY);

    /** The distinct count of the in-memory scan (a hash set of the bits) against a sort, on values made to collide. */
    @Test
    void distinctCountEqualsTheCountOfASort() {
        SplittableRandom r = new SplittableRandom(9);
        for (int m : new int[] {0, 1, 2, 21, 5000, 300_000}) {
            double[] v = new double[m];
            for (int i = 0; i < m; i++) {
                v[i] = switch (r.nextInt(6)) {
                    case 0 -> 0.0;
                    case 1 -> r.nextInt(25);
                    case 2 -> r.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                    case 3 -> Double.MIN_VALUE * r.nextInt(40);
                    default -> Math.round(r.nextGaussian() * 1e4) / 1e4;
                };
            }
            double[] sorted = v.clone();
            java.util.Arrays.sort(sorted);
            long expected = 0;
            for (int i = 0; i < m; i++) {
                expected += i == 0 || sorted[i] != sorted[i - 1] ? 1 : 0;
            }
            assertThat(RoleScan.distinct(v, m)).as("m = " + m).isEqualTo(expected);
            assertThat(RoleScan.distinct(v, m / 2)).as("the first half of m = " + m)
                    .isEqualTo(java.util.Arrays.stream(v, 0, m / 2).distinct().count());
        }
    }

    @Test
    void ordersRolesAreTheSameFromTheFileAndFromMemory() {
        OrdersTable t = OrdersTable.reference(3000, 7);
        ColumnRoles mem = ColumnRoles.detect(t.table(), RoleOverrides.none());
        ColumnRoles file = ColumnRoles.detect(TableReader.open(t.writeCsv(dir.resolve("o.csv"))), RoleOverrides.none());
        for (String c : OrdersTable.COLUMNS) {
            assertThat(mem.role(c)).as(c).isEqualTo(ORDERS.get(c));
            assertThat(file.decision(c)).as(c).isEqualTo(mem.decision(c));
        }
        assertThat(mem.decision("churned").reason()).isEqualTo("2 distinct values (0, 1): binary");
        assertThat(mem.decision("n_items").reason()).isEqualTo("6 distinct values (1 to 6): discrete");
        assertThat(mem.decision("order_id").reason()).isEqualTo("3,000 distinct of 3,000 integers: id-like");
        assertThat(mem.decision("amount").reason()).contains("continuous").contains("cells are not numbers (invalid)");
        assertThat(mem.scored()).containsExactly("amount", "country", "device", "days_since_last", "n_items", "churned");
        long abc = t.cells("amount").stream().filter("abc"::equals).count();
        assertThat(abc).isPositive();
        assertThat(file.stats("amount").orElseThrow().nonNumbers()).isEqualTo(abc);
    }

    @Test
    void cellsAreReadTheSameWayByDuckDbAndJava() throws IOException {
        List<String> cells = List.of("1", " 2", "3.0", "1e2", "+4", ".5", "5.", "inf", "-Infinity", "1.5d", "0x10",
                "1_000", "abc", "NA", "n/a", "#N/A", "None", "nan", "-NaN", "1,5", "2024-05-01", "2024-05-01 10:00:00",
                "2024-05-01T10:00Z", "true", "-0", "0", "1e-3", "7");
        Path f = dir.resolve("cells.csv");
        StringBuilder b = new StringBuilder("v\n");
        cells.forEach(c -> b.append('"').append(c).append("\"\n"));
        Files.writeString(f, b);
        ColumnStats fromFile = ColumnRoles.detect(TableReader.open(f), RoleOverrides.none()).stats("v").orElseThrow();
        ColumnStats fromMemory = RoleScan.scan(CategoricalColumn.of("v", cells.toArray(String[]::new)));
        assertThat(fromFile).isEqualTo(fromMemory);
        assertThat(fromFile.missing()).isEqualTo(6);
        assertThat(Cells.number("1.5d")).isNaN();
        assertThat(Cells.number(" 2")).isEqualTo(2.0);
        assertThat(Cells.number("-inf")).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void pandasMissingStringsAreMissing() {
        for (String s : List.of("", "NA", "N/A", "n/a", "NaN", "nan", "null", "NULL", "None", "#N/A", "-NaN", "<NA>",
                "#NA", "1.#IND", "-1.#QNAN", "#N/A N/A")) {
            assertThat(Cells.isMissing(s)).as(s).isTrue();
        }
        assertThat(Cells.isMissing("none")).isFalse();
        assertThat(Cells.isMissing(" NA")).isFalse();
    }

    @Test
    void aNumericColumnToleratesAFewInvalidCellsButNotMany() {
        assertThat(roleOf(text(1000, 0.04))).isEqualTo(ColumnRole.CONTINUOUS);
        assertThat(roleOf(text(1000, 0.10))).isEqualTo(ColumnRole.CATEGORICAL);
    }

    private static CategoricalColumn text(int n, double invalidShare) {
        SplittableRandom r = new SplittableRandom(3);
        String[] v = new String[n];
        for (int i = 0; i < n; i++) {
            v[i] = i < invalidShare * n ? "abc" + (i % 3) : String.format(java.util.Locale.ROOT, "%.3f", r.nextDouble());
        }
        return CategoricalColumn.of("x", v);
    }

    private static ColumnRole roleOf(dev.surprisal.data.Column c) {
        return ColumnRoles.detect(Table.of(List.of(c)), RoleOverrides.none()).role(c.name());
    }

    @Test
    void idRulesNeedWholeNumbersOrTextAndEnoughRows() {
        double[] up = new double[50];
        double[] floats = new double[50];
        for (int i = 0; i < 50; i++) {
            up[i] = 1000 + 3 * i;
            floats[i] = i + 0.5;
        }
        assertThat(roleOf(NumericColumn.of("id", up))).isEqualTo(ColumnRole.ID_LIKE);
        assertThat(ColumnRoles.detect(Table.of(List.of(NumericColumn.of("id", up))), RoleOverrides.none())
                .decision("id").reason()).isEqualTo("50 strictly increasing integers: id-like");
        double[] shuffled = up.clone();
        shuffled[0] = up[10];
        shuffled[10] = up[0];
        assertThat(roleOf(NumericColumn.of("n", shuffled))).isEqualTo(ColumnRole.CONTINUOUS);
        assertThat(roleOf(NumericColumn.of("f", floats))).isEqualTo(ColumnRole.CONTINUOUS);
        double[] manyFloats = new double[500];
        String[] uuids = new String[500];
        for (int i = 0; i < 500; i++) {
            manyFloats[i] = i + 0.25;
            uuids[i] = java.util.UUID.nameUUIDFromBytes(new byte[] {(byte) i, (byte) (i >> 8)}).toString();
        }
        assertThat(roleOf(NumericColumn.of("f", manyFloats))).isEqualTo(ColumnRole.CONTINUOUS);
        assertThat(roleOf(CategoricalColumn.of("u", uuids))).isEqualTo(ColumnRole.ID_LIKE);
    }

    @Test
    void constantsDatesAndBooleans() {
        assertThat(roleOf(CategoricalColumn.of("e", null, "NA", "", null))).isEqualTo(ColumnRole.CONSTANT);
        assertThat(roleOf(NumericColumn.of("k", 3, 3, 3, Double.NaN))).isEqualTo(ColumnRole.CONSTANT);
        assertThat(roleOf(CategoricalColumn.of("d", "2024-05-01", "2024-05-02", "2024-05-03"))).isEqualTo(ColumnRole.DATE);
        assertThat(roleOf(CategoricalColumn.of("b", "true", "false", "true"))).isEqualTo(ColumnRole.CATEGORICAL);
        assertThat(roleOf(NumericColumn.of("r", 0.5, 1.5, 2.5, 0.5))).isEqualTo(ColumnRole.DISCRETE);
    }

    /**
     * audit16 D1: five amounts, each seen once, were 5 equally likely labels (entropy log2 5 bits); measurements all
     * distinct and not all whole are continuous whatever their count, while integer codes and repeated fractions
     * stay discrete.
     */
    @Test
    void fewDistinctMeasurementsAreContinuousButCodesAndRepeatedFractionsAreNot() {
        NumericColumn amounts = NumericColumn.of("amount", 52.89, 101.96, 17.4, 230.05, 64.12);
        assertThat(roleOf(amounts)).isEqualTo(ColumnRole.CONTINUOUS);
        assertThat(ColumnRoles.detect(Table.of(List.of(amounts)), RoleOverrides.none()).decision("amount").reason())
                .startsWith("5 numbers, each seen once, not all integers (17.4 to 230.1): continuous");
        assertThat(roleOf(CategoricalColumn.of("amount", "52.89", "101.96", "NA", "17.4")))
                .isEqualTo(ColumnRole.CONTINUOUS);
        assertThat(roleOf(NumericColumn.of("code", 1, 2, 3, 4, 5))).isEqualTo(ColumnRole.DISCRETE);
        assertThat(roleOf(NumericColumn.of("flag", 0, 1))).isEqualTo(ColumnRole.BINARY);
        assertThat(roleOf(NumericColumn.of("grade", 0.5, 1.5, 2.5, 1.5))).isEqualTo(ColumnRole.DISCRETE);
        assertThat(roleOf(NumericColumn.of("mixed", 1, 2, 2.5, 2))).isEqualTo(ColumnRole.DISCRETE);
    }

    @Test
    void overridesApplyAndUnknownColumnsListTheAvailableOnes() {
        Table t = OrdersTable.reference(500, 1).table();
        ColumnRoles r = ColumnRoles.detect(t, RoleOverrides.none().withExclude(List.of("ts"))
                .withDiscrete(List.of("days_since_last")).withRole("churned", ColumnRole.CATEGORICAL)
                .withContinuous(List.of("n_items")));
        assertThat(r.columns()).doesNotContain("ts");
        assertThat(r.excluded()).containsExactly("ts");
        assertThat(r.role("days_since_last")).isEqualTo(ColumnRole.DISCRETE);
        assertThat(r.role("n_items")).isEqualTo(ColumnRole.CONTINUOUS);
        assertThat(r.decision("churned").reason()).isEqualTo("categorical, set by --role (detected: 2 distinct values "
                + "(0, 1): binary)");
        assertThat(r.decision("churned").overridden()).isTrue();
        assertThatThrownBy(() -> ColumnRoles.detect(t, RoleOverrides.none().withExclude(List.of("nope"))))
                .isInstanceOf(DataException.class)
                .hasMessage("--exclude: no column 'nope'; available: order_id, ts, amount, country, device, "
                        + "days_since_last, n_items, churned");
        assertThatThrownBy(() -> ColumnRoles.detect(t, RoleOverrides.none().withContinuous(List.of("country"))))
                .isInstanceOf(DataException.class).hasMessageContaining("column 'country': --continuous: cannot be "
                        + "continuous: only 0% of its values are numbers");
        // --dayfirst on an ISO timestamp or a text column was silently ignored (issue 9 review)
        for (String c : List.of("ts", "country")) {
            assertThatThrownBy(() -> ColumnRoles.detect(t, RoleOverrides.none().withDayFirst(List.of(c))))
                    .isInstanceOf(DataException.class).hasMessageContaining("column '" + c + "': --dayfirst: '" + c
                            + "' has no dates written dd/mm/yyyy or mm/dd/yyyy (").hasMessageContaining("leave it out");
        }
        // a yyyy/mm/dd column has no order of day and month either: refused, not silently ignored (dates15)
        dev.surprisal.data.Table ymd = dev.surprisal.data.Table.of(List.of(dev.surprisal.data.CategoricalColumn.of("d",
                java.util.stream.IntStream.range(0, 100).mapToObj(i -> String.format("2026/03/%02d", 1 + i % 28))
                        .toArray(String[]::new))));
        assertThat(ColumnRoles.detect(ymd, RoleOverrides.none()).decision("d").layout())
                .isEqualTo(DateLayout.parse("yyyy/mm/dd"));
        assertThatThrownBy(() -> ColumnRoles.detect(ymd, RoleOverrides.none().withDayFirst(List.of("d"))))
                .isInstanceOf(DataException.class).hasMessageContaining("--dayfirst: 'd' has no dates written "
                        + "dd/mm/yyyy or mm/dd/yyyy (100% of values are dates written yyyy/mm/dd: date (yyyy/mm/dd); the"
                        + " year comes first, so the order of day and month is fixed); leave it out of --dayfirst");
        assertThatThrownBy(() -> RoleOverrides.none().withDiscrete(List.of("a")).withContinuous(List.of("a")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("--discrete, --continuous");
        assertThat(RoleOverrides.parseRoles(List.of("a=b=id-like"))).containsEntry("a=b", ColumnRole.ID_LIKE);
        assertThatThrownBy(() -> RoleOverrides.parseRoles(List.of("x=number")))
                .isInstanceOf(ValidationException.class)
                .hasMessage("--role: x: expected one of binary, discrete, continuous, categorical, id-like, timestamp, "
                        + "date, constant, got 'number'");
        assertThatThrownBy(() -> RoleOverrides.parseRoles(List.of("x")))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("--role: expected COL=ROLE");
    }

    /**
     * audit12 defect 5: a dd/mm/yyyy column set to date had every cell invalid and a verdict of OK forever, while
     * --role …=continuous on text was refused; the one rule refuses both, and accepts ISO dates and epoch seconds.
     * Since dates14 a dd/mm/yyyy column is read in its layout (accepted); a two-digit year (dd/mm/yy) no reader takes.
     */
    @Test
    void aDateRoleOnACellThatNoDateReaderTakesIsRefusedLikeANumericOne() throws IOException {
        StringBuilder b = new StringBuilder("day,iso,epoch,amount,dmy\n");
        SplittableRandom r = new SplittableRandom(4);
        for (int i = 0; i < 300; i++) {
            int d = 1 + r.nextInt(28);
            b.append(String.format("%02d/12/26,2026-12-%02d,%d,%d.5,%02d/12/2026%n", d, d, 1_796_083_200L + 86_400L * d,
                    r.nextInt(900), d));
        }
        Path f = Files.writeString(dir.resolve("days.csv"), b.toString());
        assertThatThrownBy(() -> ColumnRoles.detect(TableReader.open(f), RoleOverrides.none()
                .withRole("day", ColumnRole.DATE))).isInstanceOf(DataException.class)
                .hasMessageContaining("column 'day': --role: cannot be date: only 0% of its values are ISO dates, "
                        + "ISO date-times or epoch numbers (at least 95% needed); --role day=categorical uses its "
                        + "values as labels");
        assertThatThrownBy(() -> ColumnRoles.detect(TableReader.open(f), RoleOverrides.none()
                .withRole("day", ColumnRole.TIMESTAMP))).isInstanceOf(DataException.class)
                .hasMessageContaining("cannot be timestamp: only 0% of its values are ISO dates");
        ColumnRoles ok = ColumnRoles.detect(TableReader.open(f), RoleOverrides.none()
                .withRole("iso", ColumnRole.TIMESTAMP).withRole("epoch", ColumnRole.TIMESTAMP)
                .withRole("dmy", ColumnRole.TIMESTAMP));
        assertThat(ok.role("iso")).isEqualTo(ColumnRole.TIMESTAMP);
        assertThat(ok.role("epoch")).isEqualTo(ColumnRole.TIMESTAMP);
        assertThat(ok.role("dmy")).isEqualTo(ColumnRole.TIMESTAMP);
        assertThat(ok.decision("dmy").layout()).isEqualTo(DateLayout.parse("dd/mm/yyyy"));
    }

    @Test
    void fileOverrideNamesTheFile() {
        Path f = OrdersTable.reference(200, 2).writeCsv(dir.resolve("ref.csv"));
        assertThatThrownBy(() -> ColumnRoles.detect(TableReader.open(f), RoleOverrides.none()
                .withColumns(List.of("amount", "amout")))).isInstanceOf(DataException.class)
                .hasMessageStartingWith(f + ": --columns: no column 'amout'; available: order_id,");
    }

    @Test
    void churnIsUShapedWithNearZeroCorrelation() {
        OrdersTable t = OrdersTable.reference(40_000, 11);
        List<String> days = t.cells("days_since_last");
        List<String> churn = t.cells("churned");
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        long edge = 0, edgeN = 0, mid = 0, midN = 0;
        for (int i = 0; i < days.size(); i++) {
            double x = Double.parseDouble(days.get(i));
            double y = Double.parseDouble(churn.get(i));
            sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y;
            if (x < 10 || x >= 50) {
                edge += (long) y;
                edgeN++;
            } else if (x >= 20 && x < 40) {
                mid += (long) y;
                midN++;
            }
        }
        int n = days.size();
        double r = (sxy - sx * sy / n) / Math.sqrt((sxx - sx * sx / n) * (syy - sy * sy / n));
        assertThat(Math.abs(r)).isLessThan(0.03);
        assertThat(sy / n).isBetween(0.166, 0.187);
        assertThat((double) edge / edgeN).isGreaterThan(3 * (double) mid / midN);
        double churnDay = OrdersTable.day(OrdersTable.Change.CHURN_RATE, 40_000, 12).cells("churned").stream()
                .mapToInt(Integer::parseInt).average().orElseThrow();
        assertThat(churnDay).isBetween(0.50, 0.52);
    }

    @Test
    void scenarioFilesCarryTheirChanges() {
        Map<OrdersTable.Change, Path> files = OrdersTable.writeScenario(dir, 400, 5);
        assertThat(files).hasSize(OrdersTable.Change.values().length);
        assertThat(Files.exists(dir.resolve("reference.csv"))).isTrue();
        List<String> device = new ArrayList<>(OrdersTable.day(OrdersTable.Change.EMPTY_COLUMN, 50, 1).cells("device"));
        assertThat(device).containsOnly("");
        assertThat(OrdersTable.day(OrdersTable.Change.NEW_COUNTRY, 4000, 1).cells("country")).contains("SE");
        assertThat(OrdersTable.reference(4000, 1).cells("country")).doesNotContain("SE");
    }

    /**
     * Issue 9: the file {@code df.to_csv('orders.csv')} writes (an index with an empty header name) is read, its
     * index named {@code Unnamed: 0} as pandas names it; the index is id-like, so drift and mi leave it out, and
     * its reason says what it probably is, on the file's path and in memory.
     */
    @Test
    void aPandasIndexWithAnEmptyNameIsIdLikeWithANoteSayingSo() throws IOException {
        SplittableRandom r = new SplittableRandom(5);
        StringBuilder b = new StringBuilder(",amount,country\n");
        for (int i = 0; i < 300; i++) {
            b.append(i).append(',').append(String.format(java.util.Locale.ROOT, "%.2f", 20 + 5 * r.nextGaussian()))
                    .append(',').append(r.nextBoolean() ? "SE" : "DE").append('\n');
        }
        Path f = Files.writeString(dir.resolve("orders.csv"), b.toString());
        ColumnRoles file = ColumnRoles.detect(TableReader.open(f), RoleOverrides.none());
        ColumnRoles memory = ColumnRoles.detect(TableReader.open(f).read(), RoleOverrides.none());
        for (ColumnRoles roles : List.of(file, memory)) {
            assertThat(roles.role("Unnamed: 0")).isEqualTo(ColumnRole.ID_LIKE);
            assertThat(roles.decision("Unnamed: 0").reason()).endsWith("id-like ('Unnamed: 0' is pandas' name for an "
                    + "empty header cell: probably the row index that pandas' to_csv() writes (write with "
                    + "index=False to leave it out))");
            assertThat(roles.scored()).containsExactly("amount", "country");
        }
    }
}
