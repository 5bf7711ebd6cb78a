// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.cli.tour.Tour;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TourCommandTest {
    @Test
    void tourShowsTheSeedNumbersComputedLive() {
        Cli r = Cli.run("tour", "--no-vae");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out())
                .contains("H = 1 bit")          // fair coin
                .contains("H = 0.0808 bits")     // 99% coin
                .contains("H = 2 bits")          // four outcomes
                .contains("KL(P||Q) = 0.511 nats")
                .contains("KL(Q||P) = 0.368 nats")
                .contains("H(P,Q)   = 1.2 nats   = 0.693 + 0.511")
                .contains("entropy (bits)")
                .contains("I(morning; rain)");
    }

    @Test
    void parabolaSectionShowsNearZeroCorrelationAndTheTrueMi() {
        String out = Cli.run("tour", "--no-vae").out();
        assertThat(out).contains("y = x²: correlation misses, MI catches");
        Matcher r = Pattern.compile("Pearson r\\s+= (-?[0-9.]+)").matcher(out);
        Matcher mi = Pattern.compile("I\\(x; y\\), KSG k=3 = ([0-9.]+) nats").matcher(out);
        assertThat(r.find()).isTrue();
        assertThat(mi.find()).isTrue();
        // golden values from tools/reference/tour_quadratic.py (scipy, scikit-learn) are checked in
        // QuadraticSectionTest; here only that the printed numbers are the near-zero r and the large MI
        assertThat(Math.abs(Double.parseDouble(r.group(1)))).isLessThan(0.1);
        assertThat(Double.parseDouble(mi.group(1))).isGreaterThan(2.7);
        assertThat(out).contains("'MI ~ 1.5'").contains("not what the estimator or the truth gives");
    }

    @Test
    void everyStopEndsWithItsTryLine() {
        String out = Cli.run("tour", "--no-vae").out();
        // a stop is its "N. title" line, its dashes, and its body up to the next stop or the closing line
        String[] lines = out.split("\n");
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i + 1 < lines.length; i++) {
            if (lines[i].matches("\\d+\\. .*") && lines[i + 1].matches("-{3,}")) {
                starts.add(i);
            }
        }
        assertThat(starts).hasSize(Tour.sections().size());
        starts.add(lines.length - 1); // the closing line
        for (int s = 0; s + 1 < starts.size(); s++) {
            int last = starts.get(s + 1) - 1;
            while (lines[last].isBlank()) {
                last--;
            }
            assertThat(lines[last]).as("stop " + lines[starts.get(s)]).startsWith("  try: surprisal ");
        }
    }
}
