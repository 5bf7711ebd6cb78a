// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's one rule for the doubles JSON cannot hold, for the CLI's {@code --json} and the
 * server's answers alike (README, "Non-finite numbers in JSON"):
 *
 * <ul>
 *   <li>NaN ("no value": an undefined correlation, an entropy of a note too short to window) is
 *       {@code null}, and the object gets a sibling field {@code <name>Reason} (in snake_case
 *       output {@code <name>_reason}, see {@link KeyStyle}) with a sentence saying why ({@value #NOT_DEFINED} unless the caller knows better);</li>
 *   <li>+∞ and −∞ (an infinite KL) are the strings {@code "Infinity"} and {@code "-Infinity"}.</li>
 * </ul>
 *
 * The rule is the same whether the number comes from a record (a serializer), from a tree built by
 * hand ({@link #putNumber}) or from any other write of a double (a generator decorator under both).
 */
public final class NonFiniteJson {
    /** The reason given for a NaN when the caller gives none. */
    public static final String NOT_DEFINED = "not defined for these data";
    /** Suffix of the field that says why a number is null, in camelCase output (the server's answers). */
    public static final String REASON_SUFFIX = "Reason";
    /** Suffix of the field that says why a number is null, in snake_case output (the CLI's {@code --json}). */
    public static final String SNAKE_REASON_SUFFIX = "_reason";

    /**
     * The key style of an output. The rule is the same in both; only the name of the reason field
     * follows the output's keys: {@code pearsonReason} in camelCase, {@code pearson_reason} in snake_case.
     */
    public enum KeyStyle {
        /** Keys as written by the caller, reason fields {@code <name>Reason} (the server's answers). */
        CAMEL_CASE(REASON_SUFFIX),
        /** snake_case keys, record and bean properties renamed too; reason fields {@code <name>_reason}. */
        SNAKE_CASE(SNAKE_REASON_SUFFIX);

        private final String suffix;

        KeyStyle(String suffix) {
            this.suffix = suffix;
        }

        /**
         * The name of the field saying why {@code name} is null.
         *
         * @param name the number's field
         * @return its reason field
         */
        public String reasonKey(String name) {
            return name + suffix;
        }
    }

    private NonFiniteJson() {
    }

    /**
     * A new mapper that writes every double by the rule.
     *
     * @param indent whether to indent the output
     * @return the mapper
     */
    public static ObjectMapper mapper(boolean indent) {
        return mapper(indent, KeyStyle.CAMEL_CASE);
    }

    /**
     * A new mapper that writes every double by the rule, with the keys of records and beans in
     * {@code style} (tree nodes keep the keys they were given).
     *
     * @param indent whether to indent the output
     * @param style  the key style: record components and reason fields follow it
     * @return the mapper
     */
    public static ObjectMapper mapper(boolean indent, KeyStyle style) {
        JsonMapper.Builder b = JsonMapper.builder(JsonFactory.builder()
                        // every double written, whatever its source (a record, a tree node), passes here
                        .addDecorator((factory, generator) -> new NonFiniteGenerator(generator))
                        .build())
                .addModule(new SimpleModule("non-finite doubles")
                        .addSerializer(Double.class, new NonFinite())
                        .addSerializer(Double.TYPE, new NonFinite())
                        .setSerializerModifier(new NanReasons(style)));
        if (style == KeyStyle.SNAKE_CASE) {
            b.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        }
        if (indent) {
            b.enable(SerializationFeature.INDENT_OUTPUT);
        }
        return b.build();
    }

    /**
     * Puts a number into a JSON object by the rule, with the default reason for NaN.
     *
     * @param node the object
     * @param name the field
     * @param v    the number
     */
    public static void putNumber(ObjectNode node, String name, double v) {
        putNumber(node, name, v, NOT_DEFINED);
    }

    /**
     * Puts a number into a JSON object: NaN as {@code null} with {@code <name>Reason} = {@code reason},
     * ±∞ as the strings "Infinity" / "-Infinity", anything else as a number.
     *
     * @param node   the object
     * @param name   the field
     * @param v      the number
     * @param reason why a NaN has no value
     */
    public static void putNumber(ObjectNode node, String name, double v, String reason) {
        putNumber(node, name, v, reason, KeyStyle.CAMEL_CASE);
    }

    /**
     * Puts a number into a JSON object by the rule, its reason field named in {@code style}.
     *
     * @param node   the object
     * @param name   the field
     * @param v      the number
     * @param reason why a NaN has no value
     * @param style  the output's key style, which names the reason field
     */
    public static void putNumber(ObjectNode node, String name, double v, String reason, KeyStyle style) {
        if (Double.isNaN(v)) {
            node.putNull(name);
            node.put(style.reasonKey(name), reason);
        } else if (Double.isInfinite(v)) {
            node.put(name, v > 0 ? "Infinity" : "-Infinity");
        } else {
            node.put(name, v);
        }
    }

    private static final class NonFinite extends StdSerializer<Double> {
        NonFinite() {
            super(Double.class);
        }

        @Override
        public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
            if (v.isNaN()) {
                g.writeNull();
            } else if (v.isInfinite()) {
                g.writeString(v > 0 ? "Infinity" : "-Infinity");
            } else {
                g.writeNumber(v);
            }
        }
    }

    /** Writes NaN as null and ±∞ as strings, for doubles and floats alike; a last line of defence under the serializers. */
    private static final class NonFiniteGenerator extends JsonGeneratorDelegate {
        NonFiniteGenerator(JsonGenerator g) {
            super(g, false);
        }

        @Override
        public void writeNumber(double v) throws IOException {
            if (Double.isNaN(v)) {
                writeNull();
            } else if (Double.isInfinite(v)) {
                writeString(v > 0 ? "Infinity" : "-Infinity");
            } else {
                super.writeNumber(v);
            }
        }

        @Override
        public void writeNumber(float v) throws IOException {
            if (Float.isFinite(v)) {
                super.writeNumber(v);
            } else {
                writeNumber((double) v);
            }
        }
    }

    /** Adds {@code <name>Reason} after every double property of a record or bean that is NaN. */
    private static final class NanReasons extends BeanSerializerModifier {
        private final KeyStyle style;

        NanReasons(KeyStyle style) {
            this.style = style;
        }

        @Override
        public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription description,
                                                         List<BeanPropertyWriter> properties) {
            List<BeanPropertyWriter> out = new ArrayList<>(properties.size());
            for (BeanPropertyWriter w : properties) {
                Class<?> type = w.getType().getRawClass();
                out.add(type == double.class || type == Double.class ? new WithReason(w, style) : w);
            }
            return out;
        }
    }

    private static final class WithReason extends BeanPropertyWriter {
        private static final long serialVersionUID = 1L;
        private final KeyStyle style;

        WithReason(BeanPropertyWriter base, KeyStyle style) {
            super(base);
            this.style = style;
        }

        @Override
        public void serializeAsField(Object bean, JsonGenerator g, SerializerProvider p) throws Exception {
            super.serializeAsField(bean, g, p);
            if (get(bean) instanceof Double d && d.isNaN()) {
                g.writeStringField(style.reasonKey(getName()), NOT_DEFINED);
            }
        }
    }
}
