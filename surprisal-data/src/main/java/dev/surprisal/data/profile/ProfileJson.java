package dev.surprisal.data.profile;

import dev.surprisal.core.ValidationException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Profiles as versioned JSON:
 * <pre>{@code
 * {"format": "surprisal-profile", "version": 1, "rows": 1000, "sketchSample": {...},
 *  "columns": [{"name": "age", "kind": "NUMERIC", "edges": [...], "counts": [...], "missing": 3,
 *               "moments": {"count":..,"mean":..,"m2":..,"min":..,"max":..}, "kll": "<base64>"},
 *              {"name": "city", "kind": "CATEGORICAL", "top": [...], "others": [...],
 *               "othersComplete": true, "counts": [...], "missing": 0}]}
 * }</pre>
 * {@code sketchSample} is present only when the KLL sketches were fed from a seeded uniform sample
 * of the rows: {@code {"rows": 200012, "method": "bernoulli", "seed": 42}} (see
 * {@link ProfileOptions}); without it every row fed them.
 * Doubles are written with Java's shortest round-trip representation, so a profile reads back
 * bit for bit. The KLL sketch is DataSketches' compact binary form in base64.
 */
public final class ProfileJson {
    public static final String FORMAT = "surprisal-profile";
    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProfileJson() {
    }

    /** The profile as a JSON tree. */
    public static ObjectNode toTree(Profile p) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT).put("version", VERSION).put("rows", p.rows());
        if (p.sketchSampled()) {
            root.putObject("sketchSample").put("rows", p.sketchRows()).put("method", "bernoulli")
                    .put("seed", ProfileOptions.SAMPLE_SEED);
        }
        ArrayNode cols = root.putArray("columns");
        for (ColumnProfile c : p.columns()) {
            ObjectNode o = cols.addObject();
            o.put("name", c.name()).put("kind", c.kind().name());
            if (c.kind().isNumeric()) {
                ArrayNode e = o.putArray("edges");
                for (double d : c.numericBins().edges()) {
                    e.add(d);
                }
            } else {
                ArrayNode t = o.putArray("top");
                c.categoryBins().top().forEach(t::add);
                ArrayNode ot = o.putArray("others");
                c.categoryBins().others().stream().sorted().forEach(ot::add);
                o.put("othersComplete", c.categoryBins().othersComplete());
            }
            ArrayNode n = o.putArray("counts");
            for (long v : c.counts()) {
                n.add(v);
            }
            o.put("missing", c.missing());
            Moments m = c.moments();
            if (m != null) {
                ObjectNode mo = o.putObject("moments").put("count", m.count()).put("mean", m.mean()).put("m2", m.m2());
                if (m.count() > 0) {
                    mo.put("min", m.min()).put("max", m.max());
                }
            }
            byte[] sk = c.sketchBytes();
            if (sk != null) {
                o.put("kll", Base64.getEncoder().encodeToString(sk));
            }
        }
        return root;
    }

    /** The profile as JSON text. */
    public static String write(Profile p) {
        try {
            return MAPPER.writeValueAsString(toTree(p));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a profile written by {@link #write}.
     *
     * @throws IllegalArgumentException naming the field when the text is not a version-1 profile
     */
    public static Profile read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ValidationException("json: not valid JSON: " + e.getOriginalMessage(), e);
        }
        return fromTree(root);
    }

    /** Reads a profile from a JSON tree. */
    public static Profile fromTree(JsonNode root) {
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new ValidationException("json: \"format\" is not \"" + FORMAT + "\"");
        }
        int version = root.path("version").asInt(-1);
        if (version != VERSION) {
            throw new ValidationException("json: profile version " + version + " is not supported (this build reads "
                    + VERSION + ")");
        }
        List<ColumnProfile> cols = new ArrayList<>();
        for (JsonNode o : root.path("columns")) {
            String name = o.path("name").asText();
            ColumnKind kind = ColumnKind.valueOf(o.path("kind").asText());
            long[] counts = new long[o.path("counts").size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = o.path("counts").get(i).asLong();
            }
            long missing = o.path("missing").asLong();
            if (kind.isNumeric()) {
                double[] e = new double[o.path("edges").size()];
                for (int i = 0; i < e.length; i++) {
                    e[i] = o.path("edges").get(i).asDouble();
                }
                JsonNode m = o.path("moments");
                Moments mo = new Moments(m.path("count").asLong(), m.path("mean").asDouble(), m.path("m2").asDouble(),
                        m.path("min").asDouble(Double.POSITIVE_INFINITY), m.path("max").asDouble(Double.NEGATIVE_INFINITY));
                byte[] sk = o.has("kll") ? Base64.getDecoder().decode(o.path("kll").asText()) : null;
                cols.add(new ColumnProfile(name, kind, NumericBins.of(e), null, counts, missing, mo, sk));
            } else {
                List<String> top = new ArrayList<>();
                o.path("top").forEach(t -> top.add(t.asText()));
                Set<String> others = new LinkedHashSet<>();
                o.path("others").forEach(t -> others.add(t.asText()));
                cols.add(new ColumnProfile(name, kind, null, CategoryBins.of(top, others,
                        o.path("othersComplete").asBoolean()), counts, missing, null, null));
            }
        }
        long rows = root.path("rows").asLong();
        return Profile.of(cols, rows, root.path("sketchSample").path("rows").asLong(rows));
    }
}
