// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import java.util.ArrayList;
import java.util.List;

/** Findings of one column, the most severe deciding its verdict; problems first in the reason. */
final class Findings {
    Status status = Status.OK;
    private final List<String> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void add(Status s, String text) {
        status = status.worst(s);
        (s == Status.OK ? notes : problems).add(text);
    }

    /** Replaces the note {@code text} (an OK finding) by {@code with}, in its place; nothing when absent. */
    void replace(String text, String with) {
        int i = notes.indexOf(text);
        if (i >= 0) {
            notes.set(i, with);
        }
    }

    String reason() {
        List<String> all = new ArrayList<>(problems);
        all.addAll(notes);
        return String.join("; ", all);
    }
}
