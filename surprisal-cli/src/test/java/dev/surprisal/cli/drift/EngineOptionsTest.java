// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.drift;

import dev.surprisal.data.profile.ProfileEngine;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The surprisal-spark module on the class path without Spark's own jars (a {@code SPARK_HOME} whose
 * {@code jars/} is empty): once an internal error with exit 4 and a stack trace, now a usage error (exit 2)
 * that names the missing class and where Spark's jars are looked for.
 */
class EngineOptionsTest {
    @Test
    void sparksClassesMissingIsAUsageErrorNamingTheClassAndWhereTheJarsComeFrom() {
        CommandSpec spec = new CommandLine(CommandSpec.create()).getCommandSpec();
        ProfileEngine.Provider noSpark = new ProfileEngine.Provider() {
            @Override
            public String name() {
                return "spark";
            }

            @Override
            public ProfileEngine open(String master) {
                throw new NoClassDefFoundError("org/apache/spark/sql/SparkSession");
            }
        };
        assertThatThrownBy(() -> EngineOptions.opened(noSpark, null, spec))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("--engine spark")
                .hasMessageContaining("org/apache/spark/sql/SparkSession")
                .hasMessageContaining("jars");
    }
}
