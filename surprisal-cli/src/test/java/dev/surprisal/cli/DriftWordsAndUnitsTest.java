// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.data.demo.OrdersTable;
import dev.surprisal.data.demo.OrdersTable.Change;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, words and units: the bin of values the reference never had is named by those values (the new
 * country "SE" with its share), never by its internal id {@code __UNSEEN__}, in the text, the JSON
 * explanation and the HTML report; and every header of the history and the report says the measure and
 * unit it shows (KL and JS in --base, the yardstick as the check printed it).
 */
class DriftWordsAndUnitsTest {
    @TempDir
    static Path dir;

    /** The demo orders scenario's days by their change; the reference lies beside them. */
    private static Map<Change, Path> days;
    private static Path reference;

    @BeforeAll
    static void scenario() {
        days = OrdersTable.writeScenario(dir, 5_000, 7);
        reference = days.get(Change.NONE).resolveSibling("reference.csv");
    }

    @Test
    void aNewCountryIsNamedWhereverItsBinIsShown() throws IOException {
        Path html = dir.resolve("new-country.html");
        Cli r = Cli.run("drift", "compare", reference.toString(), days.get(Change.NEW_COUNTRY).toString(), "--explain",
                "--report", html.toString());
        // before: "The bin whose share moved most is __UNSEEN__: 0.0% → 4.8% of rows"
        assertThat(r.out()).doesNotContain("__UNSEEN__")
                .containsPattern("The bin whose share moved most is new values \\(\"SE\" 4\\.\\d\\d% of today's values\\)"
                        + ": 0\\.0% → 4\\.8% of rows");
        Cli j = Cli.run("drift", "compare", reference.toString(), days.get(Change.NEW_COUNTRY).toString(), "--explain",
                "--json");
        assertThat(j.out()).doesNotContain("__UNSEEN__").contains("new values (\\\"SE\\\" 4.");
        String page = Files.readString(html);
        // before: the explanation and the chart tooltips said __UNSEEN__; "New values today: SE 241 rows"
        assertThat(page).doesNotContain("__UNSEEN__")
                .containsPattern("<title>new values \\(&quot;SE&quot; 4\\.\\d\\d% of today&#39;s values\\): today")
                .containsPattern("New values today: <b>&quot;SE&quot;</b> 4\\.\\d\\d% of today&#39;s values \\(\\d+ rows\\)");
    }

    @Test
    void theReportsHeadersSayTheMeasureAndTheChosenBase() throws IOException {
        Path html = dir.resolve("kl-nats.html");
        Cli r = Cli.run("drift", "compare", reference.toString(), days.get(Change.CHURN_RATE).toString(), "--measure",
                "kl", "--base", "e", "--report", html.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.ALARM);
        String page = Files.readString(html);
        // before: <th>KL</th><th>critical</th><th>KL(P‖Q) bits</th>...<th>JS bits</th>...<th>Δ missing</th>
        assertThat(page).contains("<th>KL nats</th><th>KL critical nats</th><th>KL(P‖Q) nats</th>"
                        + "<th>KL(Q‖P) nats</th><th>JS nats</th><th>Hellinger</th>")
                .contains("<th>Δ missing (points)</th>").doesNotContain("bits");
        Path psi = dir.resolve("psi.html");
        Cli p = Cli.run("drift", "compare", reference.toString(), days.get(Change.CHURN_RATE).toString(), "--report",
                psi.toString());
        assertThat(p.code()).as(p.err()).isEqualTo(ExitCode.ALARM);
        assertThat(Files.readString(psi)).contains("<th>PSI</th><th>PSI critical</th><th>KL(P‖Q) bits</th>");
    }

    @Test
    void theHistorySaysTheUnitOfItsDecisionsAndTheYardstickAsTheCheckPrintedIt() {
        String store = dir.resolve("units.duckdb").toString();
        Cli b = Cli.run("drift", "baseline", "--monitor", "units", "--data", reference.toString(), "--store", store);
        assertThat(b.code()).as(b.out() + b.err()).isEqualTo(ExitCode.OK);
        Cli c = Cli.run("drift", "check", "--monitor", "units", "--data", days.get(Change.CHURN_RATE).toString(),
                "--store", store, "--measure", "kl", "--base", "e");
        assertThat(c.code()).as(c.out() + c.err()).isEqualTo(ExitCode.ALARM);
        String checkRow = c.out().lines().filter(l -> l.startsWith("churned ")).findFirst().orElseThrow();
        String[] cells = checkRow.trim().split(" +");
        double klNats = Double.parseDouble(cells[2]);
        String tv = cells[6];
        Cli h = Cli.run("drift", "history", "--monitor", "units", "--store", store);
        assertThat(h.code()).as(h.err()).isEqualTo(ExitCode.OK);
        String row = h.out().lines().filter(l -> l.contains(" churned ")).findFirst().orElseThrow();
        // the history's base is bits: the decision is the check's KL in bits, and the measure cell says so
        assertThat(row).contains("KL bits");
        String decision = String.format(java.util.Locale.ROOT, "%.4f", klNats / Math.log(2));
        assertThat(row).contains(" " + decision.substring(0, decision.length() - 1));
        // before: "TV 0.3220" (the share beyond chance under the plain TV label) where check printed TV 0.3295
        assertThat(row).contains("TV " + tv + ", ").containsPattern("0\\.\\d{4} beyond chance");
        // before: "KL per check" with the values in nats, no unit
        assertThat(h.out()).contains("KL (bits) per check").contains("TV beyond chance (it decided");
        assertThat(Cli.run("drift", "history", "--monitor", "units", "--store", store, "--base", "e").out())
                .contains("KL nats").contains("KL (nats) per check");
        // fixes17: a unitless deciding measure says so as well (before: "PSI per check")
        String psiStore = dir.resolve("units-psi.duckdb").toString();
        assertThat(Cli.run("drift", "baseline", "--monitor", "p", "--data", reference.toString(), "--store", psiStore)
                .code()).isEqualTo(ExitCode.OK);
        assertThat(Cli.run("drift", "check", "--monitor", "p", "--data", days.get(Change.CHURN_RATE).toString(),
                "--store", psiStore).code()).isEqualTo(ExitCode.ALARM);
        assertThat(Cli.run("drift", "history", "--monitor", "p", "--store", psiStore).out())
                .contains("PSI (unitless) per check");
    }

    /** Audit16 D2: one row against fifty cannot show a change; "0 of 5 changed" alone claimed it could. */
    @Test
    void aDayTooSmallToJudgeSaysSoWithItsExitCodeKept() throws IOException {
        java.util.Random r = new java.util.Random(3);
        StringBuilder ref = new StringBuilder("amount,city,churned\n");
        for (int i = 0; i < 50; i++) {
            ref.append(String.format(java.util.Locale.ROOT, "%.2f", 50 + 10 * r.nextGaussian())).append(',')
                    .append(List.of("Berlin", "Lyon", "Rome").get(i % 3)).append(',').append(i % 4 == 0 ? 1 : 0)
                    .append('\n');
        }
        Path small = Files.writeString(dir.resolve("ref50.csv"), ref);
        Path one = Files.writeString(dir.resolve("day1.csv"), "amount,city,churned\n48.10,Lyon,0\n");
        Cli text = Cli.run("drift", "compare", small.toString(), one.toString(), "--explain");
        assertThat(text.code()).as(text.err()).isEqualTo(ExitCode.OK);
        // before: "no alarm: 0 of 3 scored columns changed" and nothing more
        assertThat(text.out()).containsPattern("no alarm: 0 of 3 scored columns changed; not judged: today's 1 row "
                + "against the reference's 50 is too few to see any change smaller than the noise level \\(critical PSI "
                + "[0-9.]+ or more, at or above the warn band 0\\.1000\\)")
                .contains("No alarm, but not judged: today's 1 row");
        Cli json = Cli.run("drift", "compare", small.toString(), one.toString(), "--json");
        assertThat(json.code()).isEqualTo(ExitCode.OK);
        assertThat(json.out()).contains("\"judged\" : false").contains("; not judged: today's 1 row");
        // a day large enough is judged, and its summary is the count alone
        Cli big = Cli.run("drift", "compare", reference.toString(), days.get(Change.NONE).toString(), "--json");
        assertThat(big.out()).contains("\"judged\" : true").doesNotContain("not judged");
    }
}
