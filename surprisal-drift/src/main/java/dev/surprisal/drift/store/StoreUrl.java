// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.store;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a drift store lives, with its password kept apart: a DuckDB file (a path or
 * {@code jdbc:duckdb:PATH}) or a PostgreSQL database ({@code jdbc:postgresql://host:port/db?user=…}).
 *
 * <p><b>Secrets.</b> This is the one place a store password is held. A {@code password=} parameter
 * in the URL is taken out of it when parsed and handed to the driver as a connection property;
 * {@link #toString()} and {@link #display()} never contain it, and {@link #mask(String)} removes it
 * (and any {@code password=} parameter) from any text, such as a driver's error message, before
 * that text can reach a message, a log or the store. The password may also come from
 * {@link #withPassword} (the {@code PGPASSWORD} variable or a password file, read by the caller).
 *
 * <p>Instances are immutable; {@link #parse} validates the scheme.
 */
public final class StoreUrl {
    /** The kinds of store. */
    public enum Kind {
        /** A DuckDB file. */
        DUCKDB,
        /** A PostgreSQL database. */
        POSTGRESQL
    }

    /** The URL prefixes {@link #parse} accepts, for error messages. */
    public static final String SUPPORTED = "a file path (DuckDB), jdbc:duckdb:PATH, jdbc:postgresql://HOST[:PORT]/DB";

    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&;]password=)[^&;\\s'\"]*");
    /** A password written as URL user info, {@code //user:secret@host}: the driver does not use it, but messages must not show it. */
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/:@\\s]*:)[^/@\\s]*@");
    private static final String MASK = "***";
    /** A URL scheme ({@code postgresql://}, {@code mysql://}): such a value is never a file path. */
    private static final Pattern URL_SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://");

    private final Kind kind;
    /** The JDBC URL without any password parameter. */
    private final String jdbcUrl;
    /** The DuckDB file, absolute; null for PostgreSQL. */
    private final Path file;
    private final String password;

    private StoreUrl(Kind kind, String jdbcUrl, Path file, String password) {
        this.kind = kind;
        this.jdbcUrl = jdbcUrl;
        this.file = file;
        this.password = password;
    }

    /**
     * Parses a store location: a file path, {@code jdbc:duckdb:PATH} or {@code jdbc:postgresql://…}.
     *
     * @param location the location as the user gave it
     * @return the location, its password (if the URL had one) held apart
     * @throws UnsupportedStoreException if it is a {@code jdbc:} URL of another database, or blank
     */
    public static StoreUrl parse(String location) {
        if (location == null || location.isBlank()) {
            throw new UnsupportedStoreException("the store location is empty; expected " + SUPPORTED);
        }
        String lower = location.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            Matcher m = PASSWORD_PARAM.matcher(location);
            String pw = null;
            StringBuilder url = new StringBuilder();
            int last = 0;
            while (m.find()) {
                pw = location.substring(m.end(1), m.end());
                // drop "&password=…" (or "?password=…", keeping the '?' for what follows)
                url.append(location, last, m.start());
                if (m.group(1).startsWith("?")) {
                    url.append('?');
                }
                last = m.end();
            }
            url.append(location.substring(last));
            String clean = url.toString().replace("?&", "?");
            if (clean.endsWith("?")) {
                clean = clean.substring(0, clean.length() - 1);
            }
            return new StoreUrl(Kind.POSTGRESQL, clean, null, pw == null || pw.isEmpty() ? null : decode(pw));
        }
        if (lower.startsWith("jdbc:duckdb:")) {
            String path = location.substring("jdbc:duckdb:".length());
            if (path.isBlank() || path.startsWith(":memory:")) {
                throw new UnsupportedStoreException("store " + location + ": an in-memory DuckDB keeps no history; "
                        + "give a file path");
            }
            return duckdb(Path.of(path));
        }
        if (lower.startsWith("jdbc:")) {
            int colon = location.indexOf(':', 5);
            String scheme = colon < 0 ? location : location.substring(0, colon);
            throw new UnsupportedStoreException("store " + maskParams(location) + ": unsupported database '"
                    + scheme + "'; supported: " + SUPPORTED);
        }
        Matcher scheme = URL_SCHEME.matcher(location);
        if (scheme.find()) {
            // "postgresql://…" is a URL, never a file name: taken as a path it created a file whose
            // name held the password, and the check went to the wrong store.
            String name = scheme.group(1).toLowerCase(Locale.ROOT);
            String masked = maskParams(location);
            if (name.equals("postgresql") || name.equals("postgres")) {
                throw new UnsupportedStoreException("store " + masked + ": a PostgreSQL store is a JDBC URL; write "
                        + "jdbc:postgresql:" + masked.substring(scheme.end(1) + 1));
            }
            throw new UnsupportedStoreException("store " + masked + ": unsupported database '" + name
                    + "'; supported: " + SUPPORTED);
        }
        return duckdb(Path.of(location));
    }

    private static StoreUrl duckdb(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        return new StoreUrl(Kind.DUCKDB, "jdbc:duckdb:" + abs, abs, null);
    }

    /** URL-decodes a password written in a URL ({@code %40} for {@code @}). */
    private static String decode(String s) {
        try {
            return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /**
     * This location with {@code password} used to log in (PostgreSQL), replacing one from the URL.
     *
     * @param password the password; null or empty keeps the current one
     * @return the new location
     */
    public StoreUrl withPassword(String password) {
        if (password == null || password.isEmpty()) {
            return this;
        }
        return new StoreUrl(kind, jdbcUrl, file, password);
    }

    /** @return true when a password is set (from the URL or {@link #withPassword}) */
    public boolean hasPassword() {
        return password != null;
    }

    /** @return DuckDB file or PostgreSQL database */
    public Kind kind() {
        return kind;
    }

    /** @return the DuckDB file (absolute), or null for PostgreSQL */
    public Path file() {
        return file;
    }

    /** @return the JDBC URL without the password */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /**
     * The location for messages: the absolute file, or the URL without its password.
     *
     * @return the absolute file, or the URL without its password
     */
    public String display() {
        return maskParams(kind == Kind.DUCKDB ? file.toString() : jdbcUrl);
    }

    /** Same as {@link #display()}: never contains the password. */
    @Override
    public String toString() {
        return display();
    }

    /** Connection properties: the password (when set), never part of the URL. */
    Properties properties() {
        Properties p = new Properties();
        if (password != null) {
            p.setProperty("password", password);
        }
        return p;
    }

    /**
     * {@code text} with this store's password, and any {@code password=} URL parameter, replaced by
     * {@code ***}. Every message built from a driver's error goes through here.
     *
     * @param text any text; null gives ""
     * @return the masked text
     */
    public String mask(String text) {
        if (text == null) {
            return "";
        }
        String out = maskParams(text);
        if (password != null && password.length() > 0) {
            out = out.replace(password, MASK);
        }
        return out;
    }

    private static String maskParams(String text) {
        String out = PASSWORD_PARAM.matcher(text).replaceAll("$1" + MASK);
        return USER_INFO_PASSWORD.matcher(out).replaceAll("$1" + MASK + "@");
    }

    /**
     * A copy of a driver's exception with its message masked and no cause chain (the chain may
     * echo the URL); the stack trace is kept for debugging.
     */
    SQLException masked(SQLException e) {
        SQLException copy = new SQLException(mask(e.getMessage()), e.getSQLState(), e.getErrorCode());
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }
}
