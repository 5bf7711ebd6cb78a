// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.notes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A note's words as dense ids 1, 2, … in order of first appearance, with the word and count of each id.
 * Every per-note word statistic (entropies, counts, Gopher n-grams) runs on these ints, so each
 * word string is hashed once per note.
 */
record WordIds(int[] ids, int[] lengths, String[] words, int[] counts) {

    static WordIds of(List<String> words) {
        Map<String, Integer> dictionary = new HashMap<>(Math.max(16, words.size()));
        int[] ids = new int[words.size()];
        int[] lengths = new int[words.size()];
        for (int i = 0; i < ids.length; i++) {
            String w = words.get(i);
            Integer id = dictionary.putIfAbsent(w, dictionary.size() + 1);
            ids[i] = id == null ? dictionary.size() : id;
            lengths[i] = w.length();
        }
        String[] byId = new String[dictionary.size() + 1];
        int[] counts = new int[dictionary.size() + 1];
        for (int i = 0; i < ids.length; i++) {
            byId[ids[i]] = words.get(i);
            counts[ids[i]]++;
        }
        return new WordIds(ids, lengths, byId, counts);
    }

    /** Number of distinct words (ids run from 1 to this). */
    int distinct() {
        return words.length - 1;
    }
}
