package dev.surprisal.text.notes;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnowledgeBaseTest {
    Path dir;
    MiniCorpus corpus;
    KbReport report;

    @BeforeAll
    void scan(@TempDir Path tmp) throws Exception {
        dir = tmp;
        corpus = new MiniCorpus(42).write(dir);
        report = KnowledgeBase.scan(dir);
    }

    @Test
    void everyLabelReachesPrecisionAndRecallOfAtLeastNinetyPercent() {
        Map<String, Label> got = report.notes().stream().collect(Collectors.toMap(NoteReport::path, NoteReport::label));
        assertThat(got.keySet()).containsExactlyInAnyOrderElementsOf(corpus.truth.keySet());
        StringBuilder confusions = new StringBuilder();
        corpus.truth.forEach((p, want) -> {
            if (got.get(p) != want) {
                confusions.append(p).append(": want ").append(want).append(" got ").append(got.get(p)).append('\n');
            }
        });
        for (Label label : Label.values()) {
            long tp = corpus.truth.entrySet().stream().filter(e -> e.getValue() == label && got.get(e.getKey()) == label).count();
            long predicted = got.values().stream().filter(l -> l == label).count();
            long actual = corpus.truth.values().stream().filter(l -> l == label).count();
            assertThat((double) tp / predicted).as("precision of " + label + "\n" + confusions).isGreaterThanOrEqualTo(0.9);
            assertThat((double) tp / actual).as("recall of " + label + "\n" + confusions).isGreaterThanOrEqualTo(0.9);
        }
    }

    @Test
    void everyLabelCarriesReasonsAndDuplicatesNameTheirOriginal() {
        for (NoteReport r : report.notes()) {
            assertThat(r.reasons()).as(r.path()).isNotEmpty();
        }
        NoteReport copy = report.notes().stream().filter(r -> r.path().equals("z-copy-000.md")).findFirst().orElseThrow();
        assertThat(copy.reasons().get(0)).isEqualTo("exact copy of g-001.md");
        assertThat(copy.novelBits()).isLessThan(200); // its original is in the context
        NoteReport near = report.notes().stream().filter(r -> r.path().equals("sub/y-near-000.md")).findFirst().orElseThrow();
        assertThat(near.reasons().get(0)).startsWith("near-duplicate of g-000.md (shingle Jaccard");
        assertThat(report.exactDuplicateGroups()).hasSize(8);
    }

    @Test
    void lengthControlledEntropyIsNearlyUncorrelatedWithLengthWhileRawEntropyTracksIt() {
        List<double[]> rows = new ArrayList<>();
        for (NoteReport r : report.notes()) {
            if (corpus.genuine.contains(r.path())) {
                rows.add(new double[] {r.words(), r.windowedEntropyBits(), r.wordEntropyBits()});
            }
        }
        double rhoWindowed = spearman(rows, 1);
        double rhoRaw = spearman(rows, 2);
        assertThat(Math.abs(rhoWindowed)).isLessThanOrEqualTo(0.5);
        assertThat(rhoRaw).isGreaterThan(0.7);
    }

    @Test
    void theDigestRanksGenuineNotesByNovelBitsAndTemplateLinesAreFound() {
        List<NoteReport> digest = report.digest();
        assertThat(digest).isNotEmpty();
        for (int i = 1; i < digest.size(); i++) {
            assertThat(digest.get(i).novelBits()).isLessThanOrEqualTo(digest.get(i - 1).novelBits());
        }
        assertThat(report.templateLines()).extracting(KbReport.TemplateLine::line)
                .contains("no blockers were raised during this review period");
        NoteReport g = digest.get(0);
        assertThat(g.jsBits()).isBetween(0.0, 1.0);
        assertThat(g.klBits()).isPositive();
    }

    @Test
    void addJudgesNewNotesAgainstThePersistedIndex() throws Exception {
        assertThat(dir.resolve(".surprisal-index/index.json")).isRegularFile();
        Path outside = Files.createTempDirectory("new-notes");
        Path copy = Files.writeString(outside.resolve("copy.md"), Files.readString(dir.resolve("g-010.md")));
        Path fresh = Files.writeString(outside.resolve("fresh.md"), corpus.genuineText(800));
        Path templ = Files.writeString(outside.resolve("templ.md"), corpus.templateText());
        assertThat(KnowledgeBase.add(copy, dir).label()).isEqualTo(Label.DUPLICATE);
        assertThat(KnowledgeBase.add(fresh, dir).label()).isEqualTo(Label.GENUINE_INCREMENT);
        assertThat(KnowledgeBase.add(templ, dir).label()).isEqualTo(Label.TEMPLATE_OR_FILLER);
    }

    static double spearman(List<double[]> rows, int col) {
        double[] a = ranks(rows.stream().mapToDouble(r -> r[0]).toArray());
        double[] b = ranks(rows.stream().mapToDouble(r -> r[col]).toArray());
        double ma = java.util.Arrays.stream(a).average().orElseThrow();
        double mb = java.util.Arrays.stream(b).average().orElseThrow();
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    private static double[] ranks(double[] v) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (x, y) -> Double.compare(v[x], v[y]));
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; ) {
            int j = i;
            while (j + 1 < v.length && v[idx[j + 1]] == v[idx[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                r[idx[k]] = (i + j) / 2.0;
            }
            i = j + 1;
        }
        return r;
    }
}
