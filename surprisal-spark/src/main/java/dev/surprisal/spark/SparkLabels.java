// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.spark;

import dev.surprisal.data.mi.TwoLabelRule;
import dev.surprisal.data.roles.LabelVariants;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local engine's label rules on a Spark Dataset, so that {@code mi} and {@code entropy} give the same roles,
 * notes and verdicts on both engines (issue 9, spark18):
 * <ul>
 *   <li>label variants ({@link LabelVariants}: {@code "Gold"}, {@code "Gold "}, {@code "gold"}): found by one
 *       aggregation over the distinct labels (Spark's shuffle, not the driver, holds them), only the spellings
 *       that share a key coming back, and then grouped by {@link LabelVariants#find}; folded, with
 *       {@code --normalize-labels}, by rewriting the text columns before anything else reads them, as the local
 *       engine folds the cells before it detects roles;</li>
 *   <li>two labels ({@link TwoLabelRule}: {@code Yes}/{@code No}, {@code true}/{@code false} without gaps): a binary
 *       column, coded 0/1 by the library's rule, whose two labels are read by one small scan per such column.</li>
 * </ul>
 */
final class SparkLabels {
    private SparkLabels() {
    }

    /**
     * The label variants of the chosen columns that the local engine reads as text (a column whose every present
     * cell is a finite number is read as numbers, and not checked).
     *
     * @param data   the rows
     * @param cells  their reader
     * @param chosen per column of {@code cells}, whether to check it (typed number columns are never checked)
     * @return per column with variants, its groups ({@link LabelVariants#find}), in the Dataset's order
     */
    static Map<String, List<LabelVariants.Group>> find(Dataset<Row> data, SparkCells cells, boolean[] chosen) {
        boolean[] text = new boolean[cells.size()];
        boolean any = false;
        for (int j = 0; j < text.length; j++) {
            text[j] = chosen[j] && !cells.numeric(j);
            any |= text[j];
        }
        Map<String, List<LabelVariants.Group>> out = new LinkedHashMap<>();
        if (!any) {
            return out;
        }
        StructType schema = new StructType(new StructField[] {
            DataTypes.createStructField("j", DataTypes.IntegerType, false),
            DataTypes.createStructField("k", DataTypes.StringType, true),
            DataTypes.createStructField("t", DataTypes.IntegerType, false),
            DataTypes.createStructField("v", DataTypes.StringType, false)});
        Column key = functions.col("k");
        // each distinct label once with its count; then per key its spellings; then per column whether it is text
        // and the spellings of the keys written more than one way (the only rows that come back to the driver)
        Dataset<Row> labels = data.mapPartitions(new PartitionJobs.LabelCells(cells, text), Encoders.row(schema))
                .groupBy("j", "k", "t", "v").count();
        Dataset<Row> keys = labels.groupBy("j", "k").agg(functions.max("t").as("t"),
                functions.count(functions.lit(1)).as("n"),
                functions.collect_list(functions.struct(functions.col("v"), functions.col("count"))).as("s"));
        Dataset<Row> columns = keys.groupBy("j").agg(functions.max("t").as("t"), functions.flatten(
                functions.collect_list(functions.when(key.isNotNull().and(functions.col("n").gt(1)),
                        functions.col("s")))).as("s"));
        Map<Integer, Map<String, Long>> spellings = new java.util.TreeMap<>();
        for (Row r : columns.collectAsList()) {
            if (r.getInt(1) == 0) {
                continue; // every present cell a number: a numeric column, whose variants are not checked
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            for (Row s : r.<Row>getList(2)) {
                counts.put(s.getString(0), s.getLong(1));
            }
            spellings.put(r.getInt(0), counts);
        }
        spellings.forEach((j, counts) -> {
            List<LabelVariants.Group> groups = LabelVariants.find(counts);
            if (!groups.isEmpty()) {
                out.put(cells.name(j), groups);
            }
        });
        return out;
    }

    /**
     * The rows with each group of variants as its most frequent spelling ({@link LabelVariants#fold}), the other
     * cells and the columns' order and names as they are.
     *
     * @param data   the rows
     * @param groups per column, its groups ({@link #find})
     * @return the folded rows (the same Dataset when there is nothing to fold)
     */
    static Dataset<Row> fold(Dataset<Row> data, Map<String, List<LabelVariants.Group>> groups) {
        if (groups.isEmpty()) {
            return data;
        }
        StructType schema = data.schema();
        List<Column> out = new ArrayList<>();
        for (StructField f : schema.fields()) {
            Column c = functions.col("`" + f.name().replace("`", "``") + "`");
            List<LabelVariants.Group> g = groups.get(f.name());
            if (g == null) {
                out.add(c);
            } else if (f.dataType().equals(DataTypes.StringType)) {
                UserDefinedFunction udf = functions.udf(new PartitionJobs.Fold(LabelVariants.kept(g)),
                        DataTypes.StringType);
                out.add(udf.apply(c).as(f.name(), f.metadata())); // DuckDB's sniffed type kept (SparkTypes)
            } else {
                // a typed column (a date, a boolean) writes its values one way; variants there would be a bug
                throw new IllegalStateException(f.name() + ": label variants in a " + f.dataType() + " column");
            }
        }
        return data.select(out.toArray(Column[]::new));
    }

    /**
     * The two labels of a column whose statistics allow them ({@link TwoLabelRule}): read from its distinct cells.
     *
     * @param data  the rows
     * @param cells their reader
     * @param j     the column
     * @return its two labels in the order they are coded, or null when it has more or fewer, or a missing cell
     */
    static String[] two(Dataset<Row> data, SparkCells cells, int j) {
        List<String> labels = new ArrayList<>();
        for (Map<Object, Long> part : data.javaRDD().mapPartitions(new PartitionJobs.ValueCounts(cells, j, false))
                .collect()) {
            part.keySet().stream().filter(k -> !PartitionJobs.ValueCounts.NULL.equals(k)).forEach(k -> labels.add((String) k));
        }
        return TwoLabelRule.of(labels, false); // the statistics counted no missing cell
    }
}
