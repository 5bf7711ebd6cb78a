// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.roles.DateLayout;
import dev.surprisal.data.roles.NumberConvention;
import dev.surprisal.core.ValidationException;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Profiles as versioned JSON. Version 3 (written since compact row samples):
 * <pre>{@code
 * {"format": "surprisal-profile", "version": 3, "rows": 1000, "excluded": ["note"], "rule": {"warn": "0.1"},
 *  "sample": {"method": "bottom-k of a hash of the row position", "seed": 42, "size": 5000},
 *  "columns": [
 *   {"name": "amount", "role": "continuous", "reason": "...", "edges": [...], "counts": [...], "rows": 1000,
 *    "missing": 3, "invalid": 2, "invalidCells": [{"where": "line 17", "value": "abc", "count": 2}],
 *    "moments": {"count":..,"mean":..,"m2":..,"min":..,"max":..}, "sample": {"rows": "<base64>", "values": "<base64>"}},
 *   {"name": "churned", "role": "binary", "values": [0.0, 1.0], "counts": [...], "unseen": {"2": 4}, ...},
 *   {"name": "country", "role": "categorical", "top": [...], "others": [...], "othersComplete": true, ...},
 *   {"name": "sku", "role": "categorical", "top": [], "otherBuckets": 64, ...},  (absent: one other bin)
 *   {"name": "order_id", "role": "id-like", "keys": {"present": 1000, "distinct": 1000, "min": "1", "max": "999"}, ...}]}
 * }</pre>
 * Doubles are written with Java's shortest round-trip representation, so a profile reads back bit
 * for bit. A row sample's values are big-endian doubles in base64; its keys ({@link RowSample#key}
 * of each row) are written as the rows themselves, increasing, each as the unsigned LEB128 varint
 * of its difference from the previous one, in base64, with the values in that order: about a
 * ninth of the size of the keys, which were most of a wide table's profile (a sample whose keys
 * are not all keys of rows below 2³² keeps {@code "keys"}, big-endian longs in base64).
 *
 * <p>A column whose numbers are written with a decimal comma has {@code "decimalSeparator": ","}, its frozen
 * {@link NumberConvention}; absent (every profile written before) is a decimal point. A date or timestamp column whose
 * dates are not ISO has {@code "dateLayout": "dd/mm/yyyy"} (or {@code mm/dd/yyyy}, {@code dd.mm.yyyy},
 * {@code yyyy/mm/dd}, …), its frozen {@link DateLayout}; absent is ISO. A day-and-month layout also has
 * {@code "dateOrder"}, what decided its order ({@link DateLayout.Basis}): {@code "cells"}, {@code "dayfirst"} or
 * {@code "assumed"}; absent (profiles written before 2026-12-02) is unrecorded.
 *
 * <p>Version 5 is version 4 with a column of times of day ({@link NumberConvention#TIME_OF_DAY}): it has
 * {@code "timeOfDay": true}, and its edges, values, moments and sample are seconds since midnight ({@code 08:15:32}
 * is 29732.0). Only a profile with such a column is written as version 5 (a version-4 reader would read its cells as
 * invalid numbers); every other is still version 4 or 3 ({@link #versionNeeded}).
 *
 * <p>Version 6 is version 5 with a column of times whose frozen values reach a day ({@code 58:30}, {@code 25:10:00}:
 * durations, elapsed times read hours first, 86,400 s or more; {@link dev.surprisal.data.roles.Cells#timeOfDay}): the
 * same keys, but a version-5 reader reads a later batch's cells of 24 hours or more as invalid, not as the values they
 * are, and would alarm on a batch of long calls as an "invalid share". Only a profile with such a column is written as
 * version 6.
 *
 * <p>A categorical column fitted with label folding has {@code "labelsFolded": true} ({@link CategoryBins#folded()}:
 * its {@code "others"} are then keys); one whose reference wrote a label several ways has {@code "labelVariants"}, the
 * groups as found ({@code [[["Gold", 739], ["Gold ", 58]], ...]}, each spelling with its count, most frequent first).
 * Absent (every profile written before 2026-12-02) is not folded, no variants recorded.
 *
 * <p>A column's {@code "invalidCells"} are its most frequent invalid values ({@link InvalidCell#top}), each with its
 * first cell ({@code "where"}) and {@code "count"}; a profile written before 2026-12-02 has no {@code "count"}: its
 * cells are the first of each value in file order, read as {@link InvalidCell#NOT_COUNTED}.
 *
 * <p>Version 4 is version 3 with a key that a reader of version 3 would misread rather than refuse: a column with
 * {@code "decimalSeparator": ","}, a non-ISO {@code "dateLayout"}, {@code "labelsFolded": true} or
 * {@code "otherBuckets"} (a reader that ignored them would read the current batch's {@code 1,5} as invalid, its
 * {@code "Gold "} as a new label, or its rare labels against the wrong bins, and raise or miss an alarm). A profile
 * written today is version 4 only when one of its columns has such a key ({@link #versionNeeded}), so that the
 * profiles an older build can read right stay readable by it, and those it would misread are refused by it with
 * "profile version 4 is not supported" instead (as Parquet's and DataSketches' readers refuse a newer layout).
 *
 * <p>Version 2 is version 3 with every sample as {@code "keys"} and {@code "values"} in key order;
 * it is still read (a store keeps the baselines and runs written by earlier versions).
 *
 * <p>Version 1 (before roles) is still read: its numeric columns become continuous with their
 * edges (KS and W₁ then use evenly spaced quantiles of the stored KLL sketch as the sample), its
 * categorical and boolean columns categorical, and its date-time columns unscored timestamps.
 */
public final class ProfileJson {
    /** The value of the {@code format} field. */
    public static final String FORMAT = "surprisal-profile";
    /** The newest format version, written when a profile needs it ({@link #versionNeeded}) and read. */
    public static final int VERSION = 6;
    /**
     * The version written for a profile with a column of times of day ({@code "timeOfDay": true}) and read: version 4
     * with that key. A reader of version 4 (or 3) that ignored it would read the column's {@code 08:15:32} cells as
     * numbers, none of which they are (every cell invalid), so such a profile is version 5 and refused by it.
     */
    public static final int TIME_OF_DAY_VERSION = 5;
    /**
     * The version written for a profile with a column of times whose frozen values reach a day (durations such as
     * {@code 58:30}): version 5, whose readers read a cell with a first field beyond 23 as invalid.
     */
    public static final int DURATIONS_VERSION = 6;
    /** The version written for a profile with a key a version-3 reader would misread, and no time-of-day column. */
    static final int MISREAD_BY_3_VERSION = 4;
    /** The version written for a profile that a version-3 reader reads right. */
    static final int PLAIN_VERSION = 3;

    /**
     * A column's frozen convention: {@code "timeOfDay": true} (times of day, edges and moments in seconds since
     * midnight), {@code "decimalSeparator": ","}, or a decimal point (both fields absent).
     */
    private static NumberConvention convention(JsonNode column) {
        if (column.path("timeOfDay").asBoolean(false)) {
            return NumberConvention.TIME_OF_DAY;
        }
        JsonNode d = column.path("decimalSeparator");
        if (d.isMissingNode() || d.asText().equals(".")) {
            return NumberConvention.DECIMAL_POINT;
        }
        if (d.asText().equals(",")) {
            return NumberConvention.DECIMAL_COMMA;
        }
        throw new ValidationException("json: column '" + column.path("name").asText() + "': decimalSeparator '"
                + d.asText() + "' is neither ',' nor '.'; was the profile edited by hand?");
    }

    /** A column's frozen date layout: {@code "dateLayout": "dd/mm/yyyy"}, or ISO (the field absent). */
    private static DateLayout layout(JsonNode column) {
        JsonNode d = column.path("dateLayout");
        if (d.isMissingNode()) {
            return DateLayout.ISO;
        }
        try {
            DateLayout l = DateLayout.parse(d.asText());
            JsonNode basis = column.path("dateOrder");
            if (basis.isMissingNode()) {
                return l;
            }
            for (DateLayout.Basis b : DateLayout.Basis.values()) {
                if (b != DateLayout.Basis.UNRECORDED && b.name().equalsIgnoreCase(basis.asText())) {
                    return l.withBasis(b);
                }
            }
            throw new IllegalArgumentException("dateOrder '" + basis.asText() + "' is none of cells, dayfirst, assumed");
        } catch (IllegalArgumentException e) {
            throw new ValidationException("json: column '" + column.path("name").asText() + "': " + e.getMessage()
                    + "; was the profile edited by hand?");
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProfileJson() {
    }

    /**
     * @param p a profile
     * @return it as a JSON tree
     */
    public static ObjectNode toTree(Profile p) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT).put("version", versionNeeded(p)).put("rows", p.rows());
        p.excluded().forEach(root.putArray("excluded")::add);
        ObjectNode rule = root.putObject("rule");
        p.rule().forEach(rule::put);
        root.putObject("sample").put("method", "bottom-k of a hash of the row position").put("seed", RowSample.SEED)
                .put("size", RowSample.SIZE);
        ArrayNode cols = root.putArray("columns");
        for (ColumnProfile c : p.columns()) {
            ObjectNode o = cols.addObject();
            o.put("name", c.name()).put("role", c.role().label()).put("reason", c.reason());
            if (c.convention() == NumberConvention.TIME_OF_DAY) {
                // its cells are times of day, its edges, values and moments seconds since midnight (version 5)
                o.put("timeOfDay", true);
            }
            if (c.convention() == NumberConvention.DECIMAL_COMMA) {
                // absent: a decimal point, as every profile written before the convention was frozen reads
                o.put("decimalSeparator", ",");
            }
            if (!c.layout().isIso()) {
                // absent: ISO dates, as every profile written before the layout was frozen reads
                o.put("dateLayout", c.layout().toString());
                if (c.layout().otherOrder().isPresent() && c.layout().basis() != DateLayout.Basis.UNRECORDED) {
                    // why day and month are in this order: a later check contradicting it says whether it was guessed
                    o.put("dateOrder", c.layout().basis().name().toLowerCase(java.util.Locale.ROOT));
                }
            }
            Bins b = c.bins();
            if (b instanceof NumericBins) {
                ArrayNode e = o.putArray("edges");
                for (double d : ((NumericBins) b).edges()) {
                    e.add(d);
                }
            } else if (b instanceof ValueBins) {
                ArrayNode e = o.putArray("values");
                for (double d : ((ValueBins) b).values()) {
                    e.add(d);
                }
            } else if (b instanceof CategoryBins) {
                CategoryBins cb = (CategoryBins) b;
                cb.top().forEach(o.putArray("top")::add);
                cb.otherValues().write(o);
                if (cb.folded()) {
                    o.put("labelsFolded", true);
                }
                if (!cb.variants().isEmpty()) {
                    ArrayNode groups = o.putArray("labelVariants");
                    for (dev.surprisal.data.roles.LabelVariants.Group g : cb.variants()) {
                        ArrayNode spellings = groups.addArray();
                        g.spellings().forEach(e -> spellings.addArray().add(e.getKey()).add(e.getValue()));
                    }
                }
                if (cb.otherBuckets() > 1) {
                    // absent: one other bin, as every profile before the buckets
                    o.put("otherBuckets", cb.otherBuckets());
                }
            }
            ArrayNode n = o.putArray("counts");
            for (long v : c.counts()) {
                n.add(v);
            }
            o.put("rows", c.rows()).put("missing", c.missing()).put("invalid", c.invalid());
            if (!c.invalidCells().isEmpty()) {
                ArrayNode ic = o.putArray("invalidCells");
                c.invalidCells().forEach(x -> {
                    ObjectNode cell = ic.addObject().put("where", x.where()).put("value", x.value());
                    if (x.counted()) {
                        cell.put("count", x.count());
                    }
                });
            }
            if (!c.unseen().isEmpty()) {
                ObjectNode u = o.putObject("unseen");
                c.unseen().forEach(u::put);
            }
            Moments m = c.moments();
            if (m != null) {
                ObjectNode mo = o.putObject("moments").put("count", m.count()).put("mean", m.mean()).put("m2", m.m2());
                if (m.count() > 0) {
                    mo.put("min", m.min()).put("max", m.max());
                }
            }
            if (c.sample() != null) {
                writeSample(o.putObject("sample"), c.sample());
            }
            KeyStats k = c.keys();
            if (k != null) {
                ObjectNode kn = o.putObject("keys").put("present", k.present()).put("distinct", k.distinct());
                kn.put("min", k.min()).put("max", k.max());
            }
        }
        return root;
    }

    /**
     * The lowest format version whose readers read this profile right: {@value #DURATIONS_VERSION} when a column of
     * times has frozen values of a day or more ({@link #reachesADay}: a version-5 reader would read the cells of 24
     * hours or more as invalid), else {@value #TIME_OF_DAY_VERSION} when a column is a column of times of day (a
     * version-4 reader would read its cells as invalid numbers), else
     * {@value #MISREAD_BY_3_VERSION} when a column has a key that a version-3 reader would ignore and so misread (a
     * decimal comma, a non-ISO date layout, folded labels, hashed buckets of rare labels), else
     * {@value #PLAIN_VERSION}.
     *
     * @param p a profile
     * @return the version written for it
     */
    public static int versionNeeded(Profile p) {
        int v = PLAIN_VERSION;
        for (ColumnProfile c : p.columns()) {
            if (c.convention() == NumberConvention.TIME_OF_DAY && reachesADay(c)) {
                return DURATIONS_VERSION;
            }
            if (c.convention() == NumberConvention.TIME_OF_DAY) {
                v = TIME_OF_DAY_VERSION;
            }
            if (c.convention() == NumberConvention.DECIMAL_COMMA || !c.layout().isIso()) {
                v = Math.max(v, MISREAD_BY_3_VERSION);
            }
            if (c.bins() instanceof CategoryBins) {
                CategoryBins cb = (CategoryBins) c.bins();
                if (cb.folded() || cb.otherBuckets() > 1) {
                    v = Math.max(v, MISREAD_BY_3_VERSION);
                }
            }
        }
        return v;
    }

    /** Seconds in a day: a column of times whose frozen values reach it holds durations. */
    private static final double DAY_SECONDS = 86_400;

    /**
     * Whether a column of times has a frozen value of a day or more (a duration such as {@code 58:30}): an edge, a
     * value bin or the moments' maximum.
     */
    private static boolean reachesADay(ColumnProfile c) {
        boolean reaches = c.moments() != null && c.moments().count() > 0 && c.moments().max() >= DAY_SECONDS;
        if (c.bins() instanceof NumericBins nb) {
            reaches |= java.util.Arrays.stream(nb.edges()).anyMatch(e -> Double.isFinite(e) && e >= DAY_SECONDS);
        } else if (c.bins() instanceof ValueBins vb) {
            reaches |= java.util.Arrays.stream(vb.values()).anyMatch(x -> x >= DAY_SECONDS);
        }
        return reaches;
    }

    /**
     * @param p a profile
     * @return it as JSON text
     */
    public static String write(Profile p) {
        try {
            return MAPPER.writeValueAsString(toTree(p));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param json text written by {@link #write} (version 3 or 4) or by an earlier version (1 or 2)
     * @return the profile
     * @throws ValidationException naming the field when the text is not a profile this build reads
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

    /**
     * @param root a JSON tree of a profile, version 1 to {@value #VERSION}
     * @return the profile
     * @throws ValidationException naming the field when it is not a profile this build reads
     */
    public static Profile fromTree(JsonNode root) {
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new ValidationException("json: \"format\" is not \"" + FORMAT + "\"");
        }
        int version = root.path("version").asInt(-1);
        if (version == 1) {
            return ProfileJsonV1.fromTree(root);
        }
        if (version < 2 || version > VERSION) {
            throw new ValidationException("json: profile version " + version + " is not supported (this build reads 1 to "
                    + VERSION + ")");
        }
        List<ColumnProfile> cols = new ArrayList<>();
        for (JsonNode o : root.path("columns")) {
            ColumnRole role = ColumnRole.parse(o.path("role").asText());
            Bins bins = null;
            if (o.has("edges")) {
                bins = NumericBins.of(doubles(o.path("edges")));
            } else if (o.has("values")) {
                bins = ValueBins.of(doubles(o.path("values")));
            } else if (o.has("top")) {
                List<String> top = new ArrayList<>();
                o.path("top").forEach(t -> top.add(t.asText()));
                // absent (profiles written before 2026-12-02, or without variants): not folded, none found
                List<dev.surprisal.data.roles.LabelVariants.Group> variants = new ArrayList<>();
                o.path("labelVariants").forEach(g -> {
                    List<Map.Entry<String, Long>> spellings = new ArrayList<>();
                    g.forEach(e -> spellings.add(Map.entry(e.get(0).asText(), e.get(1).asLong())));
                    variants.add(new dev.surprisal.data.roles.LabelVariants.Group(spellings));
                });
                bins = CategoryBins.of(top, OtherValues.read(o), o.path("otherBuckets").asInt(1),
                        o.path("labelsFolded").asBoolean(false), variants);
            }
            long[] counts = new long[o.path("counts").size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = o.path("counts").get(i).asLong();
            }
            List<InvalidCell> cells = new ArrayList<>();
            // "count" absent: stored before invalid values were counted (2026-12-02)
            o.path("invalidCells").forEach(x -> cells.add(new InvalidCell(x.path("where").asText(),
                    x.path("value").asText(), x.path("count").asLong(InvalidCell.NOT_COUNTED))));
            Map<String, Long> unseen = new LinkedHashMap<>();
            o.path("unseen").fields().forEachRemaining(e -> unseen.put(e.getKey(), e.getValue().asLong()));
            JsonNode m = o.path("moments");
            Moments mo = m.isMissingNode() ? null : moments(m);
            JsonNode s = o.path("sample");
            RowSample sample = s.isMissingNode() ? null : readSample(s);
            JsonNode k = o.path("keys");
            KeyStats keys = k.isMissingNode() ? null : new KeyStats(k.path("present").asLong(), k.path("distinct").asLong(),
                    k.path("min").isNull() ? null : k.path("min").asText(null),
                    k.path("max").isNull() ? null : k.path("max").asText(null));
            cols.add(new ColumnProfile(o.path("name").asText(), role, o.path("reason").asText(), bins, counts,
                    o.path("rows").asLong(), o.path("missing").asLong(), o.path("invalid").asLong(), cells, unseen, mo,
                    sample, keys, convention(o)).withLayout(layout(o)));
        }
        List<String> excluded = new ArrayList<>();
        root.path("excluded").forEach(e -> excluded.add(e.asText()));
        Map<String, String> rule = new LinkedHashMap<>();
        root.path("rule").fields().forEachRemaining(e -> rule.put(e.getKey(), e.getValue().asText()));
        return Profile.of(cols, root.path("rows").asLong(), excluded, rule);
    }

    static Moments moments(JsonNode m) {
        return new Moments(m.path("count").asLong(), m.path("mean").asDouble(), m.path("m2").asDouble(),
                m.path("min").asDouble(Double.POSITIVE_INFINITY), m.path("max").asDouble(Double.NEGATIVE_INFINITY));
    }

    static double[] doubles(JsonNode a) {
        double[] e = new double[a.size()];
        for (int i = 0; i < e.length; i++) {
            e[i] = a.get(i).asDouble();
        }
        return e;
    }

    /**
     * A row sample as its rows, when every key is {@link RowSample#key} of a row below 2³² (the low
     * 32 bits of the key): the rows increasing as unsigned LEB128 varints of their differences, and
     * the values in that order. The keys follow from the rows, so this is about a ninth of the
     * keys' size. Any other sample keeps its keys.
     */
    private static void writeSample(ObjectNode o, RowSample sample) {
        long[] keys = sample.keys();
        double[] values = sample.values();
        for (long k : keys) {
            if (k != RowSample.key(k & ROW_BITS, RowSample.SEED)) {
                o.put("keys", encode(keys)).put("values", encode(values));
                return;
            }
        }
        // by row (a primitive sort of row and index packed in one long), then by value among equal
        // rows: a merged sample may hold one row of several windows
        long[] packed = new long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            packed[i] = (keys[i] & ROW_BITS) << 31 | i;
        }
        java.util.Arrays.sort(packed);
        int[] order = new int[keys.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = (int) (packed[i] & Integer.MAX_VALUE);
        }
        for (int i = 0, j; i < order.length; i = j) {
            j = i + 1;
            while (j < order.length && packed[j] >>> 31 == packed[i] >>> 31) {
                j++;
            }
            if (j - i > 1) {
                Integer[] tied = new Integer[j - i];
                for (int t = 0; t < tied.length; t++) {
                    tied[t] = order[i + t];
                }
                java.util.Arrays.sort(tied, (a, b) -> Double.compare(values[a], values[b]));
                for (int t = 0; t < tied.length; t++) {
                    order[i + t] = tied[t];
                }
            }
        }
        java.io.ByteArrayOutputStream rows = new java.io.ByteArrayOutputStream(keys.length + 8);
        double[] v = new double[keys.length];
        long previous = 0;
        for (int i = 0; i < order.length; i++) {
            long row = keys[order[i]] & ROW_BITS;
            for (long d = row - previous; ; d >>>= 7) {
                if (d < 0x80) {
                    rows.write((int) d);
                    break;
                }
                rows.write((int) (d & 0x7f) | 0x80);
            }
            previous = row;
            v[i] = values[order[i]];
        }
        o.put("rows", Base64.getEncoder().encodeToString(rows.toByteArray())).put("values", encode(v));
    }

    /** A row sample written by {@link #writeSample}, or with its keys (version 2). */
    private static RowSample readSample(JsonNode s) {
        double[] values = decodeDoubles(s.path("values").asText());
        if (!s.has("rows")) {
            return RowSample.of(decodeLongs(s.path("keys").asText()), values, Integer.MAX_VALUE);
        }
        byte[] b;
        try {
            b = Base64.getDecoder().decode(s.path("rows").asText());
        } catch (IllegalArgumentException e) {
            throw new ValidationException("json: sample \"rows\" is not base64", e);
        }
        long[] keys = new long[values.length];
        long row = 0;
        int at = 0;
        for (int i = 0; i < keys.length; i++) {
            long d = 0;
            for (int shift = 0; ; shift += 7) {
                if (at >= b.length || shift > 35) {
                    throw new ValidationException("json: sample \"rows\" ends early or is malformed (" + i + " of "
                            + keys.length + " rows read)");
                }
                int x = b[at++];
                d |= (long) (x & 0x7f) << shift;
                if (x >= 0) {
                    break;
                }
            }
            row += d;
            if (row > ROW_BITS) {
                throw new ValidationException("json: sample \"rows\" holds a row past 2^32");
            }
            keys[i] = RowSample.key(row, RowSample.SEED);
        }
        if (at != b.length) {
            throw new ValidationException("json: sample \"rows\" holds " + (b.length - at) + " bytes past its "
                    + keys.length + " rows");
        }
        return RowSample.of(keys, values, Integer.MAX_VALUE);
    }

    /** The row in the low bits of a {@link RowSample#key}. */
    private static final long ROW_BITS = 0xFFFF_FFFFL;

    private static String encode(long[] v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length);
        for (long x : v) {
            b.putLong(x);
        }
        return Base64.getEncoder().encodeToString(b.array());
    }

    private static String encode(double[] v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length);
        for (double x : v) {
            b.putDouble(x);
        }
        return Base64.getEncoder().encodeToString(b.array());
    }

    private static long[] decodeLongs(String s) {
        ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(s));
        long[] v = new long[b.remaining() / 8];
        for (int i = 0; i < v.length; i++) {
            v[i] = b.getLong();
        }
        return v;
    }

    private static double[] decodeDoubles(String s) {
        ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(s));
        double[] v = new double[b.remaining() / 8];
        for (int i = 0; i < v.length; i++) {
            v[i] = b.getDouble();
        }
        return v;
    }
}
