package dev.surprisal.cli.drift;

import dev.surprisal.data.profile.Profile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SampleNoteTest {
    @Test
    void saysWhenKsAndW1ComeFromSamplesAndStaysQuietOtherwise() {
        Profile full = Profile.of(List.of(), 5_000);
        assertThat(DriftCheckCommand.sampleNote(full, full)).isNull();
        Profile sampled = Profile.of(List.of(), 10_000_000, 199_843);
        assertThat(DriftCheckCommand.sampleNote(sampled, full))
                .contains("199,843 of 10,000,000 reference rows")
                .contains("5,000 of 5,000 rows today")
                .contains("use every row");
    }
}
