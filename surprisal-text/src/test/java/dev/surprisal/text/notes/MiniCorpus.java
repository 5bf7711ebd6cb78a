package dev.surprisal.text.notes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A generated, labelled knowledge base. Genuine notes draw words i.i.d. from a Zipf(1) law over a
 * 5,000-word synthetic vocabulary; low-density notes from 25 words; exact and near duplicates
 * copy genuine notes (near: about 1 word in 150 replaced, one sentence appended); template notes
 * share six fixed lines and fill four slot lines; filler notes repeat one phrase. File names sort
 * so that every original precedes its copies.
 */
final class MiniCorpus {
    final Map<String, Label> truth = new LinkedHashMap<>();
    final List<String> genuine = new ArrayList<>();
    final List<String> vocab = new ArrayList<>();
    private final double[] cdf;
    private final SplittableRandom rng;

    MiniCorpus(long seed) {
        rng = new SplittableRandom(seed);
        for (int i = 0; i < 5000; i++) {
            vocab.add(randomWord());
        }
        cdf = new double[vocab.size()];
        double z = 0;
        for (int i = 0; i < cdf.length; i++) {
            z += 1.0 / (i + 1);
            cdf[i] = z;
        }
        for (int i = 0; i < cdf.length; i++) {
            cdf[i] /= z;
        }
    }

    private String randomWord() {
        int len = 2 + rng.nextInt(8);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            sb.append((char) ('a' + rng.nextInt(26)));
        }
        return sb.toString();
    }

    String zipfWord() {
        double u = rng.nextDouble();
        int lo = 0;
        int hi = cdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return vocab.get(lo);
    }

    /** Prose of {@code words} words from a word source, in sentences, lines and paragraphs. */
    String prose(int words, java.util.function.Supplier<String> source) {
        StringBuilder sb = new StringBuilder("# ").append(source.get()).append(' ').append(source.get()).append("\n\n");
        int written = 0;
        int linesInParagraph = 0;
        while (written < words) {
            int sentence = Math.min(words - written, 8 + rng.nextInt(13));
            for (int i = 0; i < sentence; i++) {
                sb.append(i == 0 ? "" : " ").append(source.get());
            }
            sb.append(".\n");
            written += sentence;
            if (++linesInParagraph >= 3 + rng.nextInt(4)) {
                sb.append('\n');
                linesInParagraph = 0;
            }
        }
        return sb.toString();
    }

    String genuineText(int words) {
        return prose(words, this::zipfWord);
    }

    String templateText() {
        String[] fixed = {
            "weekly status report for the platform team",
            "all action items from the previous meeting were reviewed",
            "no blockers were raised during this review period",
            "next review is scheduled for the same time next week",
            "please update the tracker before the end of the day",
            "this report was generated from the standard template",
        };
        StringBuilder sb = new StringBuilder("# Status ").append(zipfWord()).append("\n\n");
        for (int i = 0; i < 6; i++) {
            sb.append(fixed[i]).append('\n');
            if (i % 2 == 1) {
                sb.append("owner ");
                for (int k = 0; k < 6; k++) {
                    sb.append(zipfWord()).append(' ');
                }
                sb.append("reported on 2024-0").append(1 + rng.nextInt(9)).append("-1").append(rng.nextInt(10)).append('\n');
            }
        }
        sb.append("notes ").append(zipfWord()).append(' ').append(zipfWord()).append(' ').append(zipfWord()).append('\n');
        return sb.toString();
    }

    String fillerText() {
        StringBuilder phrase = new StringBuilder();
        for (int k = 0; k < 6; k++) {
            phrase.append(zipfWord()).append(' ');
        }
        StringBuilder sb = new StringBuilder("# Draft\n\n");
        int reps = 12 + rng.nextInt(20);
        for (int r = 0; r < reps; r++) {
            sb.append("todo: ").append(phrase).append("to be written later\n");
        }
        return sb.toString();
    }

    String lowDensityText(int words) {
        List<String> small = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            small.add(vocab.get(rng.nextInt(1000)));
        }
        return prose(words, () -> small.get(rng.nextInt(small.size())));
    }

    String nearCopy(String text) {
        String[] tokens = text.split(" ", -1);
        for (int i = 0; i < tokens.length; i++) {
            if (rng.nextInt(150) == 0 && !tokens[i].contains("\n")) {
                tokens[i] = zipfWord();
            }
        }
        return String.join(" ", tokens) + "\nOne more remark was added to this copy afterwards.\n";
    }

    int length() {
        // varied lengths, 110 to about 2,500 words, log-uniform
        return (int) Math.round(Math.exp(Math.log(110) + rng.nextDouble() * (Math.log(2500) - Math.log(110))));
    }

    /** Writes the standard mixture and records the intended label of every file. */
    MiniCorpus write(Path dir) throws IOException {
        List<String> originals = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            String name = String.format("g-%03d.md", i);
            String text = genuineText(length());
            put(dir, name, text, Label.GENUINE_INCREMENT);
            genuine.add(name);
            originals.add(text);
        }
        for (int i = 0; i < 10; i++) {
            put(dir, String.format("l-%03d.txt", i), lowDensityText(150 + rng.nextInt(500)), Label.LOW_DENSITY);
        }
        for (int i = 0; i < 15; i++) {
            put(dir, String.format("t-%03d.md", i), templateText(), Label.TEMPLATE_OR_FILLER);
        }
        for (int i = 0; i < 8; i++) {
            put(dir, String.format("f-%03d.md", i), fillerText(), Label.TEMPLATE_OR_FILLER);
        }
        for (int i = 0; i < 8; i++) {
            put(dir, String.format("sub/y-near-%03d.md", i), nearCopy(originals.get(i * 3)), Label.DUPLICATE);
            put(dir, String.format("z-copy-%03d.md", i), originals.get(i * 5 + 1), Label.DUPLICATE);
        }
        return this;
    }

    void put(Path dir, String name, String text, Label label) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text, StandardCharsets.UTF_8);
        truth.put(name, label);
    }
}
