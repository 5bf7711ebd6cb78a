// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's Java examples are code, not prose: the file-based drift block (audit16 D6: the README only
 * showed drift between in-memory tables, so a Java user with CSV or Parquet files had to find
 * {@code ProfileBuilder.fit(TableReader.open(path), …)} in the sources) is taken from README.md as it is,
 * compiled, run on two real files, and held to {@code surprisal drift compare} on the same files.
 */
class ReadmeJavaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMPORTS = """
            import dev.surprisal.data.TableReader;
            import dev.surprisal.data.profile.Profile;
            import dev.surprisal.data.profile.ProfileBuilder;
            import dev.surprisal.data.profile.ProfileOptions;
            import dev.surprisal.drift.ColumnDrift;
            import dev.surprisal.drift.DriftOptions;
            import dev.surprisal.drift.DriftReport;
            import dev.surprisal.drift.DriftScorer;
            import dev.surprisal.drift.Status;
            import dev.surprisal.drift.rules.Alarm;
            import dev.surprisal.drift.rules.MonitoredCheck;
            import java.nio.file.Path;
            import java.util.List;
            """;

    /** The one ```java block of README.md that contains {@code marker}, as written there. */
    static String readmeBlock(String marker) throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        String found = null;
        while (m.find()) {
            if (m.group(1).contains(marker)) {
                assertThat(found).as("one README block with " + marker).isNull();
                found = m.group(1);
            }
        }
        assertThat(found).as("README.md has a java block with " + marker).isNotNull();
        return found;
    }

    /** An orders table: lognormal amounts, a 0/1 churned flag at {@code churn}, four countries. */
    private static Path orders(Path file, long seed, int n, double churn) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        String[] countries = {"DE", "FR", "NO", "PT"};
        StringBuilder b = new StringBuilder("amount,churned,country\n");
        for (int i = 0; i < n; i++) {
            b.append(String.format(Locale.ROOT, "%.2f", Math.exp(4.5 + 0.5 * r.nextGaussian()))).append(',')
                    .append(r.nextDouble() < churn ? 1 : 0).append(',').append(countries[r.nextInt(4)]).append('\n');
        }
        return Files.writeString(file, b);
    }

    @Test
    void theFileBasedDriftBlockCompilesRunsAndDecidesAsDriftCompare(@TempDir Path dir) throws Exception {
        Path reference = orders(dir.resolve("reference.csv"), 1, 4000, 0.20);
        Path todayCsv = orders(dir.resolve("today.csv"), 2, 4000, 0.35);
        Path today = dir.resolve("today.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT * FROM read_csv('" + todayCsv + "')) TO '" + today + "' (FORMAT PARQUET)");
        }
        String block = readmeBlock("TableReader.open(Path.of(\"reference.csv\"))");
        String source = IMPORTS + "public class ReadmeDriftBlock {\n    public static Object[] run() {\n"
                + block.replace("\"reference.csv\"", "\"" + reference + "\"").replace("\"today.parquet\"", "\"" + today
                + "\"") + "        return new Object[] {verdict, alarm};\n    }\n}\n";
        Path src = Files.createDirectories(dir.resolve("src")).resolve("ReadmeDriftBlock.java");
        Files.writeString(src, source);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, diagnostics, diagnostics, "-classpath", System.getProperty("java.class.path"), "-d",
                classes.toString(), src.toString());
        assertThat(rc).as(diagnostics.toString(StandardCharsets.UTF_8) + "\n" + source).isZero();

        Object[] result;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            result = (Object[]) loader.loadClass("ReadmeDriftBlock").getMethod("run").invoke(null);
        } finally {
            System.setOut(out);
        }

        Cli cli = Cli.run("drift", "compare", reference.toString(), today.toString(), "--json");
        JsonNode answer = JSON.readTree(cli.out());
        // known truth: the churn rate moved from 20% to 35% of rows, nothing else changed
        assertThat(result[0].toString()).isEqualTo(answer.path("verdict").asText()).isEqualTo("DRIFT");
        assertThat(result[1]).isEqualTo(answer.path("fails").asBoolean()).isEqualTo(cli.code() == 1).isEqualTo(true);
        Map<String, String> java = new TreeMap<>();
        for (String line : printed.toString(StandardCharsets.UTF_8).split("\n")) {
            String[] f = line.split(" ", 4); // name role STATUS: reason
            java.put(f[0], f[1].toLowerCase(Locale.ROOT).replace('_', '-') + " " + f[2].replace(":", ""));
        }
        Map<String, String> command = new TreeMap<>();
        for (JsonNode c : answer.path("columns")) {
            command.put(c.path("column").asText(), c.path("role").asText().toLowerCase(Locale.ROOT).replace('_', '-')
                    + " " + c.path("status").asText());
        }
        assertThat(java).isEqualTo(command).containsEntry("churned", "binary DRIFT").hasSize(3);
        assertThat(List.of(java.get("amount"), java.get("country"))).allMatch(s -> s.endsWith(" OK"));
    }
}
