// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.RawLocalFileSystem;

import java.io.IOException;
import java.net.URI;

/**
 * A data lake without a cluster: the Hadoop {@code FileSystem} of the made-up scheme {@code lake://bucket/…},
 * whose files are this machine's ({@code lake://bucket/tmp/x/day.csv} is {@code /tmp/x/day.csv}) but reached only
 * through Hadoop, as an {@code s3a://} or {@code hdfs://} location is. Registered in the test session's Hadoop
 * configuration ({@link #register}); {@code java.nio} reads {@code lake://bucket/tmp/x/day.csv} as a relative path
 * that does not exist, so code that opened the location as a local file would fail.
 */
public final class LakeFileSystem extends RawLocalFileSystem {
    /** The scheme. */
    static final String SCHEME = "lake";
    /** The root of the made-up bucket. */
    static final String ROOT = SCHEME + "://bucket";

    private URI uri = URI.create(ROOT + "/");

    /** Lets every reader of the session's Hadoop configuration (Spark's, on the driver and executors) open {@code lake://}. */
    static void register(org.apache.spark.sql.SparkSession spark) {
        spark.sparkContext().hadoopConfiguration().set("fs." + SCHEME + ".impl", LakeFileSystem.class.getName());
    }

    /** The lake location of a local file or directory. */
    static String of(java.nio.file.Path local) {
        return ROOT + local.toAbsolutePath();
    }

    @Override
    public void initialize(URI name, Configuration conf) throws IOException {
        super.initialize(name, conf);
        uri = URI.create(name.getScheme() + "://" + (name.getAuthority() == null ? "" : name.getAuthority()) + "/");
    }

    @Override
    public URI getUri() {
        return uri == null ? URI.create(ROOT + "/") : uri; // null while the superclass's constructor runs
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }
}
