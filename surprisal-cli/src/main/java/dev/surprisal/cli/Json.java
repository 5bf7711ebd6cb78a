package dev.surprisal.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one indented JSON writer of every verb, and its rule for the doubles JSON cannot hold:
 *
 * <ul>
 *   <li>NaN ("no value": an undefined correlation, an entropy of a note too short to window) is
 *       {@code null}, and the object gets a sibling field {@code <name>Reason} with a sentence
 *       saying why ({@value #NOT_DEFINED} unless the verb knows better);</li>
 *   <li>+∞ and −∞ (an infinite KL) are the strings {@code "Infinity"} and {@code "-Infinity"}.</li>
 * </ul>
 *
 * The rule is the same whether the number comes from a result record (the serializer below) or
 * from a tree built by hand ({@link #putNumber}). Jackson starts only when this class is first
 * used, that is when JSON is asked for, so non-JSON runs (an {@code --order0} run is mostly
 * start-up) never pay for it.
 */
public final class Json {
    /** The reason given for a NaN when the verb gives none. */
    public static final String NOT_DEFINED = "not defined for these data";
    /** Suffix of the field that says why a number is null. */
    public static final String REASON_SUFFIX = "Reason";

    /** The mapper; every verb's JSON goes through it. */
    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    // every double written, whatever its source (a record, a tree node), passes here
                    .addDecorator((factory, generator) -> new NonFiniteGenerator(generator))
                    .build())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .addModule(new SimpleModule("non-finite doubles")
                    .addSerializer(Double.class, new NonFinite())
                    .addSerializer(Double.TYPE, new NonFinite())
                    .setSerializerModifier(new NanReasons()))
            .build();

    private Json() {
    }

    /** Puts a number into a JSON object by the rule above, with the default reason for NaN. */
    public static void putNumber(ObjectNode node, String name, double v) {
        putNumber(node, name, v, NOT_DEFINED);
    }

    /**
     * Puts a number into a JSON object: NaN as {@code null} with {@code <name>Reason} = {@code reason},
     * ±∞ as the strings "Infinity" / "-Infinity", anything else as a number.
     */
    public static void putNumber(ObjectNode node, String name, double v, String reason) {
        if (Double.isNaN(v)) {
            node.putNull(name);
            node.put(name + REASON_SUFFIX, reason);
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
        @Override
        public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription description,
                                                         List<BeanPropertyWriter> properties) {
            List<BeanPropertyWriter> out = new ArrayList<>(properties.size());
            for (BeanPropertyWriter w : properties) {
                Class<?> type = w.getType().getRawClass();
                out.add(type == double.class || type == Double.class ? new WithReason(w) : w);
            }
            return out;
        }
    }

    private static final class WithReason extends BeanPropertyWriter {
        private static final long serialVersionUID = 1L;

        WithReason(BeanPropertyWriter base) {
            super(base);
        }

        @Override
        public void serializeAsField(Object bean, JsonGenerator g, SerializerProvider p) throws Exception {
            super.serializeAsField(bean, g, p);
            if (get(bean) instanceof Double d && d.isNaN()) {
                g.writeStringField(getName() + REASON_SUFFIX, NOT_DEFINED);
            }
        }
    }
}
