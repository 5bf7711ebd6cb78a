// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.drift;

import dev.surprisal.data.DataFormat;
import dev.surprisal.data.TableLocation;
import dev.surprisal.data.profile.ProfileEngine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --engine} and {@code --master}: where the drift verbs, {@code mi} and {@code entropy --data} read their files. The local engine
 * is built in; another one (spark) is found on the class path ({@link ProfileEngine#provider}), which
 * the {@code ./surprisal} launcher extends when {@code --engine spark} is given.
 */
public final class EngineOptions {
    /** What to do when the Spark engine is not on the class path. */
    static final String INSTALL_SPARK = "the Spark engine is not on the class path. Build it once with "
            + "'mvn -B -Pspark -pl surprisal-spark -am package -DskipTests' in the surprisal checkout and run "
            + "through ./surprisal, which then adds it and Spark's jars (from ~/.m2, or from $SPARK_HOME/jars when "
            + "SPARK_HOME is set); or use --engine local";

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = "local",
            description = "Where the files are read and counted: local (default: DuckDB and Java in this process) or "
                    + "spark (Apache Spark 4.2, same results and verdicts; needs the surprisal-spark module, see "
                    + "docs/scaling.md).")
    String engine;

    /** The Spark master URL given with {@code --master}, or null for the engine's default. */
    @Option(names = "--master", paramLabel = "URL",
            description = "With --engine spark: the Spark master URL, e.g. spark://host:7077 or yarn (default: local[*], "
                    + "this machine's cores; --threads is for the local engine).")
    public String master;

    /** The format given with {@code --format}, or null for the name's. */
    @Option(names = "--format", paramLabel = "FORMAT",
            description = "With --engine spark: how to read --data when its name does not say it: csv, tsv, parquet, "
                    + "json or ndjson (default: the extension's; a name without one, such as the directory "
                    + "s3a://bucket/day=2026-12-01/, is read as Parquet, Spark's default source).")
    public DataFormat format;

    /**
     * The table as the engine reads it: with the {@code --format} given, if any.
     *
     * @param table the table as typed
     * @return the table with its format
     */
    public TableLocation located(TableLocation table) {
        return format == null ? table : table.withFormat(format);
    }

    /** @return whether the local engine profiles the files */
    public boolean local() {
        return "local".equals(engine);
    }

    /**
     * Refuses what only the local engine does with a reference's profile options: folding label variants
     * ({@code --normalize-labels}), which the Spark engine does not do (it counts labels as written).
     *
     * @param spec    the verb, for usage errors
     * @param options the reference's profile options
     * @throws ParameterException (exit 2) for {@code --normalize-labels} with {@code --engine spark}
     */
    void requireLocalFor(CommandSpec spec, dev.surprisal.data.profile.ProfileOptions options) {
        if (options.normalizeLabels() && !local()) {
            throw new ParameterException(spec.commandLine(), "--normalize-labels: only with --engine local (the "
                    + "Spark engine counts text labels as written and does not fold their spellings)");
        }
    }

    /**
     * Opens the chosen engine, or returns null for the local one.
     *
     * @param spec the verb, for usage errors
     * @return the open engine (the caller closes it), or null
     * @throws ParameterException (exit 2) for an unknown engine, a --master without --engine spark, or an
     *                            engine that is not on the class path, saying what to install
     */
    public ProfileEngine open(CommandSpec spec) {
        if (!local() && !"spark".equals(engine)) {
            throw new ParameterException(spec.commandLine(), "--engine: expected local or spark, got '" + engine + "'");
        }
        if (local()) {
            if (master != null) {
                throw new ParameterException(spec.commandLine(), "--master: only with --engine spark");
            }
            if (format != null) {
                throw new ParameterException(spec.commandLine(), "--format: only with --engine spark (the local engine "
                        + "reads the format from the file's extension: rename the file to .csv, .parquet, …)");
            }
            return null;
        }
        ProfileEngine.Provider p;
        try {
            p = ProfileEngine.provider(engine).orElseThrow(
                    () -> new ParameterException(spec.commandLine(), "--engine spark: " + INSTALL_SPARK));
        } catch (java.util.ServiceConfigurationError e) {
            throw sparkJarsMissing(spec, e);
        }
        return opened(p, master, spec);
    }

    /**
     * Opens the chosen engine reading numbers as {@code table} says ({@code --decimal}, which the local engine takes
     * through {@link dev.surprisal.cli.TableOptions#open}), or returns null for the local one.
     *
     * @param spec  the verb, for usage errors
     * @param table the verb's table options
     * @return the open engine (the caller closes it), or null
     * @throws ParameterException (exit 2) as {@link #open(CommandSpec)}
     */
    public ProfileEngine open(CommandSpec spec, dev.surprisal.cli.TableOptions table) {
        ProfileEngine e = open(spec);
        return e == null ? null : e.withDecimal(table.decimal());
    }

    /**
     * Opens {@code p}; the module found but Spark's own classes missing (a {@code SPARK_HOME} whose
     * {@code jars/} is empty or of another Spark) is a usage error that says where the jars were looked
     * for, not an internal error.
     */
    static ProfileEngine opened(ProfileEngine.Provider p, String master, CommandSpec spec) {
        try {
            return p.open(master);
        } catch (LinkageError e) {
            throw sparkJarsMissing(spec, e);
        }
    }

    private static ParameterException sparkJarsMissing(CommandSpec spec, Throwable e) {
        String home = System.getenv("SPARK_HOME");
        String where = home != null && !home.isBlank()
                ? "SPARK_HOME is " + home + ": its jars/ must hold Apache Spark 4.2's jars (Scala 2.13); or unset "
                        + "SPARK_HOME to use the Spark that Maven resolved into ~/.m2"
                : "rebuild it with 'mvn -B -Pspark -pl surprisal-spark -am package -DskipTests' and run through "
                        + "./surprisal, which adds Spark's jars from ~/.m2 (or from $SPARK_HOME/jars when SPARK_HOME is set)";
        return new ParameterException(spec.commandLine(), "--engine spark: the Spark engine is on the class path but "
                + "Spark's own classes are not (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "); " + where);
    }
}
