// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.notes;

import dev.surprisal.core.ValidationException;

import java.util.Locale;

/**
 * Which of two copies is the original (kept, stays genuine) and which is the copy (labelled).
 * Each rule falls through to the next when it cannot decide: {@link #FIRST_INDEXED} → oldest
 * modification time → path. Modification times within {@link #MTIME_TIE_MILLIS} of each other are
 * a tie: after a {@code git clone} or an archive extraction every file has about the same time,
 * which says nothing about which was written first.
 */
public enum Keep {
    /** The note already in the index (an earlier scan or add), else the oldest, else the first path. The default. */
    FIRST_INDEXED("first-indexed"),
    /** The oldest modification time, else the first path. */
    OLDEST("oldest"),
    /** The newest modification time (a rewrite supersedes its source), else the first path. */
    NEWEST("newest"),
    /** The first path in sort order, whatever the times. */
    PATH("path");

    /** Modification times closer than this are a tie, in milliseconds. */
    public static final long MTIME_TIE_MILLIS = 2000;

    private final String id;

    Keep(String id) {
        this.id = id;
    }

    /**
     * The rule's name as {@code --keep} takes it.
     *
     * @return the rule's name as {@code --keep} takes it
     */
    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return id;
    }

    /**
     * The rule named {@code name} ({@code oldest}, {@code newest}, {@code first-indexed}, {@code path}).
     *
     * @param name the rule's name, case-insensitive
     * @return the rule
     * @throws ValidationException if no rule has that name
     */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static Keep parse(String name) {
        for (Keep k : values()) {
            if (k.id.equalsIgnoreCase(name == null ? "" : name.trim())) {
                return k;
            }
        }
        throw new ValidationException("--keep: is '" + name + "', expected one of oldest, newest, first-indexed, path");
    }

    /** What is known about a note for the rule: when it entered the index, its time and path. */
    record Facts(String path, long mtimeMillis, int generation) {
    }

    /**
     * A comparison and its reason in plain words.
     *
     * @param firstIsOriginal whether {@code a} is the original
     * @param why             e.g. "it is older", "it was in the knowledge base first", "its path sorts first"
     */
    record Decision(boolean firstIsOriginal, String why) {
    }

    /** Decides between {@code a} and {@code b}; deterministic and antisymmetric. */
    Decision original(Facts a, Facts b) {
        if (this == FIRST_INDEXED && a.generation() != b.generation()) {
            return new Decision(a.generation() < b.generation(), "it was in the knowledge base first");
        }
        int order = modifiedFirst(a, b);
        if (this != PATH && order != 0) {
            boolean older = order < 0;
            return this == NEWEST ? new Decision(!older, "it is newer") : new Decision(older, "it is older");
        }
        String tie = this == PATH ? "" : "their modification times are within 2 s, and ";
        return new Decision(a.path().compareTo(b.path()) <= 0, tie + "its path sorts first");
    }

    /** -1 when a was modified first, +1 when b was, 0 when their times are within {@link #MTIME_TIE_MILLIS}. */
    static int modifiedFirst(Facts a, Facts b) {
        long dt = a.mtimeMillis() - b.mtimeMillis();
        return Math.abs(dt) <= MTIME_TIE_MILLIS ? 0 : Long.signum(dt);
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
