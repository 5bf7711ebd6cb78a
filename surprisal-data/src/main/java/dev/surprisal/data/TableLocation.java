// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

import dev.surprisal.core.ValidationException;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a table lives: a local file ({@link #of(Path)}, or a {@code file:} URI) or a URI that only an engine
 * with a distributed file system reads ({@code hdfs://nn/warehouse/orders/}, {@code s3a://bucket/day=2026-12-01/},
 * {@code abfss://…}, any scheme Hadoop has a {@code FileSystem} for). The local engine reads only local
 * locations ({@link #path()}); the Spark engine hands a remote one to {@code spark.read()} untouched
 * ({@link #uri()}), so a directory of Parquet part files and a glob are read as Spark reads them, and nothing
 * on this machine's file system is touched for it.
 *
 * <p>The format is the extension's ({@link DataFormat#fromFileName}) unless set with {@link #withFormat}.
 */
public final class TableLocation {
    /** {@code scheme://…}; a scheme of one letter is a Windows drive ({@code C:\…}), so two letters at least. */
    private static final Pattern REMOTE = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+)://(.*)$", Pattern.DOTALL);

    private final Path path;
    private final String uri;
    private final String scheme;
    private final DataFormat format;

    private TableLocation(Path path, String uri, String scheme, DataFormat format) {
        this.path = path;
        this.uri = uri;
        this.scheme = scheme;
        this.format = format;
    }

    /**
     * A local file.
     *
     * @param file the file
     * @return its location
     * @throws ValidationException if file is null
     */
    public static TableLocation of(Path file) {
        if (file == null) {
            throw new ValidationException("file: is null");
        }
        return new TableLocation(file, null, null, null);
    }

    /**
     * Reads a location as a user types it: {@code scheme://…} other than {@code file://} is remote and kept
     * exactly as given; an absolute {@code file:} URI ({@code file:///data/day.csv}, {@code file:/data/day.csv},
     * {@code file://localhost/data/day.csv}) names its local file; anything else is a local path.
     *
     * @param text the location as typed
     * @return the location
     * @throws ValidationException if text is null or empty, or a {@code file:} URI names another host or
     *                             is not absolute
     */
    public static TableLocation parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new ValidationException("the location is empty; name a file, a directory or a URI such as "
                    + "s3a://bucket/day.parquet");
        }
        if (text.regionMatches(true, 0, "file:", 0, 5)) {
            return of(fileUri(text));
        }
        Matcher m = REMOTE.matcher(text);
        if (m.matches()) {
            return new TableLocation(null, text, m.group(1).toLowerCase(Locale.ROOT), null);
        }
        return of(Path.of(text));
    }

    /** The local path of an absolute {@code file:} URI. */
    private static Path fileUri(String text) {
        try {
            java.net.URI u = new java.net.URI(text);
            String host = u.getHost();
            if (host != null && !host.equals("localhost") || u.getPath() == null || !u.getPath().startsWith("/")) {
                throw new ValidationException(text + ": a file: URI names a local file by its absolute path "
                        + "(file:///data/day.csv); give that form, or the path itself");
            }
            return Path.of(new java.net.URI("file", null, u.getPath(), null));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new ValidationException(text + ": not a valid file: URI (" + e.getMessage() + "); give the path "
                    + "itself, or file:///data/day.csv", e);
        }
    }

    /**
     * This location read as {@code format} instead of the format its name says.
     *
     * @param format the format, or null for the extension's
     * @return a copy with that format
     */
    public TableLocation withFormat(DataFormat format) {
        return new TableLocation(path, uri, scheme, format);
    }

    /** @return whether this is a file on this machine (the local engine reads only those) */
    public boolean isLocal() {
        return path != null;
    }

    /**
     * The local file.
     *
     * @return the path
     * @throws ValidationException if this location is remote (no local engine reads it)
     */
    public Path path() {
        if (path == null) {
            throw new ValidationException(uri + ": '" + scheme + "' locations are read only by the Spark engine "
                    + "(--engine spark); copy the file to this machine to read it locally");
        }
        return path;
    }

    /** @return the remote URI's scheme in lower case ({@code s3a}, {@code hdfs}), or null for a local file */
    public String scheme() {
        return scheme;
    }

    /** @return what Spark reads: the remote URI exactly as given, or the local path */
    public String uri() {
        return uri != null ? uri : path.toString();
    }

    /**
     * The last element of the location's name: the file name, or a directory's name
     * ({@code s3a://bucket/day=2026-12-01/} gives {@code day=2026-12-01}).
     *
     * @return the name, empty for a bucket's root
     */
    public String name() {
        if (path != null) {
            return path.getFileName() == null ? "" : path.getFileName().toString();
        }
        String s = uri;
        int q = s.indexOf('?');
        s = q < 0 ? s : s.substring(0, q);
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        String rest = s.substring(scheme.length() + 3);
        int slash = rest.lastIndexOf('/');
        return slash < 0 ? "" : rest.substring(slash + 1);
    }

    /**
     * The format to read: the one set with {@link #withFormat}, else the extension's.
     *
     * @return the format, or null when neither says (a remote directory without an extension; Spark then
     *         reads its default source, Parquet)
     * @throws DataException if the name has an extension that names no format, on a local file
     */
    public DataFormat format() {
        if (format != null) {
            return format;
        }
        if (path != null) {
            return DataFormat.fromFileName(path);
        }
        String n = name();
        try {
            return DataFormat.fromFileName(Path.of(n.isEmpty() ? "_" : n));
        } catch (DataException e) {
            return null;
        }
    }

    /**
     * The format set with {@link #withFormat}, if any.
     *
     * @return the format given, or null when the name decides
     */
    public DataFormat givenFormat() {
        return format;
    }

    /**
     * A path that names this location in messages and notes (never opened): the local path, or for a
     * remote location its name alone ({@link #name()}), so format-by-name rules ("line 17" of a CSV, "row 16"
     * otherwise) hold; messages about the whole location use {@link #toString()}.
     *
     * @return the label
     */
    public Path label() {
        if (path != null) {
            return path;
        }
        String n = name();
        return Path.of(n.isEmpty() ? uri.replace('/', '_') : n);
    }

    /** @return the location as typed: the path, or the URI */
    @Override
    public String toString() {
        return uri();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableLocation t && Objects.equals(path, t.path) && Objects.equals(uri, t.uri)
                && format == t.format;
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, uri, format);
    }
}
