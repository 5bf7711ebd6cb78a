// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.core;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParallelismTest {
    @Test
    void parallelStreamsInsideRunOnAtMostTheGivenThreads() {
        for (int threads : new int[] {1, 2}) {
            Set<String> seen = ConcurrentHashMap.newKeySet();
            long sum = Parallelism.call(threads, () -> IntStream.range(0, 20_000).parallel().mapToLong(i -> {
                seen.add(Thread.currentThread().getName());
                return i;
            }).sum());
            assertThat(sum).isEqualTo(19_999L * 20_000 / 2);
            assertThat(seen).hasSizeBetween(1, threads);
            assertThat(seen).noneMatch(n -> n.contains("commonPool"));
        }
    }

    @Test
    void theWorksOwnExceptionComesBackUnchanged() {
        ValidationException thrown = new ValidationException("bins: must be at least 1, got 0");
        assertThatThrownBy(() -> Parallelism.call(2, () -> {
            throw thrown;
        })).isSameAs(thrown);
        StackOverflowError error = new StackOverflowError();
        assertThatThrownBy(() -> Parallelism.call(1, () -> {
            throw error;
        })).isSameAs(error);
    }

    @Test
    void fewerThanOneThreadIsAValidationError() {
        assertThatThrownBy(() -> Parallelism.call(0, () -> 1)).isInstanceOf(ValidationException.class)
                .hasMessage("threads: must be at least 1, got 0");
        assertThat(Parallelism.available()).isPositive();
    }
}
