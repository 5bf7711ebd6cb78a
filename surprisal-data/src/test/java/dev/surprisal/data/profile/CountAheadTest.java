// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.data.DataException;
import dev.surprisal.data.TableReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A count begun before its reference is known ({@link CountAhead}: every column tokenised on a thread
 * of its own, the reference's columns decided from the tokens) gives the profile, and the error, that
 * {@link ProfileBuilder#count(Profile, TableReader)} gives, on a day's file of ids, timestamps, 0/1
 * flags, amounts with missing and invalid cells and a category: the same file, a day that lacks a
 * column, a day with a column the reference does not know, one whose number column turned to text,
 * and a day whose rows break (DuckDB's error, after the reference).
 */
class CountAheadTest {
    @TempDir
    Path dir;

    /** {@code rows} rows from {@code seed}; {@code shift} moves the amounts, {@code textFrom} turns them to words. */
    private Path day(String name, int rows, long seed, double shift, int textFrom, boolean extra, boolean score)
            throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        String[] cities = {"Berlin", "Lyon", "Porto", "Zürich", "Gdańsk"};
        StringBuilder b = new StringBuilder("id,ts,flag,amount,city" + (score ? ",score" : "") + (extra ? ",extra" : ""))
                .append('\n');
        for (int i = 0; i < rows; i++) {
            String amount = i >= textFrom ? "unknown" : r.nextInt(50) == 0 ? "NA" : r.nextInt(200) == 0 ? "abc"
                    : String.valueOf(Math.round(Math.exp(3 + shift + r.nextGaussian()) * 100) / 100.0);
            b.append(100_000 + i).append(',')
                    .append(java.time.LocalDateTime.of(2024, 5, 1, 0, 0).plusMinutes(i)).append(',')
                    .append(r.nextInt(10) < 3 ? 1 : 0).append(',')
                    .append(amount).append(',')
                    .append(cities[r.nextInt(cities.length)]);
            if (score) {
                b.append(',').append(r.nextInt(20) == 0 ? "" : String.valueOf(r.nextDouble() * 10));
            }
            if (extra) {
                b.append(',').append(r.nextInt(7));
            }
            b.append('\n');
        }
        Path f = dir.resolve(name);
        Files.writeString(f, b);
        return f;
    }

    private static String json(Profile p) {
        return ProfileJson.toTree(p).toPrettyString();
    }

    @Test
    void aCountBegunAheadGivesTheCountOfTheFile() throws IOException {
        Profile reference = ProfileBuilder.fit(TableReader.open(day("ref.csv", 3000, 1, 0, Integer.MAX_VALUE, false,
                true)), ProfileOptions.defaults());
        List<Path> days = new ArrayList<>();
        days.add(day("same.csv", 2000, 2, 0, Integer.MAX_VALUE, false, true));
        days.add(day("shifted.csv", 2000, 3, 0.5, Integer.MAX_VALUE, false, true));
        days.add(day("no-score.csv", 2000, 4, 0, Integer.MAX_VALUE, false, false));
        days.add(day("extra.csv", 2000, 5, 0, Integer.MAX_VALUE, true, true));
        days.add(day("words.csv", 2000, 6, 0, 1500, false, true));
        for (Path d : days) {
            String want = json(ProfileBuilder.count(reference, TableReader.open(d)));
            for (int threads : new int[] {0, 1, 2}) {
                AtomicLong shown = new AtomicLong();
                CountAhead ahead = CountAhead.start(TableReader.open(d), threads);
                Profile got = ahead.count(reference, shown::set);
                assertThat(json(got)).as("%s, threads %d", d.getFileName(), threads).isEqualTo(want);
                assertThat(ahead.served).as("read from the tokens, %s", d.getFileName()).isTrue();
                assertThat(shown.get()).as("rows shown, %s", d.getFileName()).isEqualTo(2000);
            }
        }
        // the columns a reference kept (here two of six) are decided from tokens of every column
        Profile two = reference.select(List.of("amount", "city"));
        Path d = days.get(3);
        CountAhead ahead = CountAhead.start(TableReader.open(d), 0);
        assertThat(json(ahead.count(two, null))).isEqualTo(json(ProfileBuilder.count(two, TableReader.open(d))));
        assertThat(ahead.served).isTrue();
    }

    @Test
    void aFileWhoseRowsBreakIsReportedAsTheCountReportsIt() throws IOException {
        Profile reference = ProfileBuilder.fit(TableReader.open(day("ref.csv", 500, 1, 0, Integer.MAX_VALUE, false,
                false)), ProfileOptions.defaults());
        Path broken = dir.resolve("broken.csv");
        String text = Files.readString(day("d.csv", 500, 2, 0, Integer.MAX_VALUE, false, false));
        int at = text.indexOf('\n', text.length() / 2);
        Files.writeString(broken, text.substring(0, at) + ",surplus" + text.substring(at));
        Throwable want = org.assertj.core.api.Assertions.catchThrowable(
                () -> ProfileBuilder.count(reference, TableReader.open(broken)));
        assertThat(want).isInstanceOf(DataException.class);
        CountAhead ahead = CountAhead.start(TableReader.open(broken), 0);
        assertThatThrownBy(() -> ahead.count(reference, null))
                .isInstanceOf(DataException.class).hasMessage(want.getMessage());
        assertThat(ahead.served).as("the tokeniser declines a row of another width").isFalse();
    }
}
