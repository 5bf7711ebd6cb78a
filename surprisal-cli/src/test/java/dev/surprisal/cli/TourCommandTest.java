package dev.surprisal.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TourCommandTest {
    @Test
    void tourShowsTheSeedNumbersComputedLive() {
        long start = System.nanoTime();
        Cli r = Cli.run("tour");
        long ms = (System.nanoTime() - start) / 1_000_000;
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
        assertThat(ms).isLessThan(2000);
    }
}
