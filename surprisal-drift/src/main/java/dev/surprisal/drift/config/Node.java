// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.config;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One YAML node with where it came from (file, line, key path), so that every config error names
 * them. Secrets are interpolated by {@link Secrets} when a scalar is read; unknown keys are errors.
 */
final class Node {
    private final org.yaml.snakeyaml.nodes.Node node;
    private final String file;
    private final String path;
    private final Secrets secrets;

    Node(org.yaml.snakeyaml.nodes.Node node, String file, String path, Secrets secrets) {
        this.node = node;
        this.file = file;
        this.path = path;
        this.secrets = secrets;
    }

    int line() {
        return node.getStartMark().getLine() + 1;
    }

    String path() {
        return path;
    }

    /** @return the config file, as given */
    String file() {
        return file;
    }

    /** @return whether this is a single value (a list of one, where a list is expected) */
    boolean scalar() {
        return node instanceof ScalarNode;
    }

    ConfigException error(String problem) {
        return new ConfigException(file, line(), path.isEmpty() ? null : path, problem);
    }

    /** The entries of a mapping, in file order; anything else is an error. */
    Map<String, Node> entries(Set<String> allowed) {
        if (!(node instanceof MappingNode m)) {
            throw error("expected a mapping (key: value lines), got " + kind());
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw error("keys must be plain words");
            }
            String key = k.getValue();
            Node child = new Node(t.getValueNode(), file, path.isEmpty() ? key : path + "." + key, secrets);
            if (allowed != null && !allowed.contains(key)) {
                List<String> near = nearest(key, allowed);
                throw new ConfigException(file, k.getStartMark().getLine() + 1, child.path, "unknown key"
                        + (near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?")
                        + "; allowed here: " + String.join(", ", allowed.stream().sorted().toList()));
            }
            if (out.put(key, child) != null) {
                throw new ConfigException(file, k.getStartMark().getLine() + 1, child.path, "given twice");
            }
        }
        return out;
    }

    /**
     * The allowed keys nearest to a mistyped one, as picocli suggests options: those at the least
     * edit distance (Levenshtein: insertions, deletions, substitutions), if that is at most a third
     * of the longer word (at least 1), so a wild key gets no suggestion.
     *
     * @param key     the key as typed
     * @param allowed the keys allowed here
     * @return the suggestions, sorted (empty: none is near)
     */
    static List<String> nearest(String key, Set<String> allowed) {
        int best = Integer.MAX_VALUE;
        List<String> out = new ArrayList<>();
        for (String a : allowed.stream().sorted().toList()) {
            int d = distance(key.toLowerCase(java.util.Locale.ROOT), a);
            if (d > Math.max(1, Math.max(key.length(), a.length()) / 3)) {
                continue;
            }
            if (d < best) {
                best = d;
                out.clear();
            }
            if (d == best) {
                out.add(a);
            }
        }
        return out;
    }

    /** Levenshtein distance, two rows. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    List<Node> items() {
        if (!(node instanceof SequenceNode s)) {
            throw error("expected a list ([a, b] or '- ' lines), got " + kind());
        }
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < s.getValue().size(); i++) {
            out.add(new Node(s.getValue().get(i), file, path + "[" + i + "]", secrets));
        }
        return out;
    }

    /** A list of strings; a single scalar counts as a list of one. */
    List<String> strings() {
        if (node instanceof ScalarNode) {
            return List.of(text());
        }
        return items().stream().map(Node::text).toList();
    }

    /** The scalar's text with {@code ${env:NAME}} resolved. */
    String text() {
        if (!(node instanceof ScalarNode s)) {
            throw error("expected a single value, got " + kind());
        }
        return secrets.resolve(s.getValue(), this);
    }

    /** The scalar's text, which must not hold a literal secret (only {@code ${env:NAME}}). */
    String secret() {
        if (!(node instanceof ScalarNode s)) {
            throw error("expected a single value, got " + kind());
        }
        return secrets.resolveSecret(s.getValue(), this);
    }

    <T> T parse(String expected, Function<String, T> parser) {
        String t = text();
        try {
            return parser.apply(t.trim());
        } catch (RuntimeException e) {
            throw error("expected " + expected + ", got '" + t + "'");
        }
    }

    double number() {
        return parse("a number", Double::parseDouble);
    }

    int integer() {
        return parse("a whole number", Integer::parseInt);
    }

    boolean bool() {
        return parse("true or false", s -> switch (s) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(s);
        });
    }

    private String kind() {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        return node instanceof SequenceNode ? "a list" : "'" + ((ScalarNode) node).getValue() + "'";
    }
}
