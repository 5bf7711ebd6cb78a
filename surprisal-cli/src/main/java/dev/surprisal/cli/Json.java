package dev.surprisal.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;

/**
 * The one indented JSON writer of every verb. JSON has no NaN and no infinity, so a double that is
 * NaN ("no value": an undefined correlation, an entropy of a note too short to window) is written as
 * {@code null}, and ±∞ (an infinite KL) as the strings {@code "Infinity"} / {@code "-Infinity"}, the
 * same whether it comes from a result record or from a tree built by hand ({@link Report#putNumber}).
 * Jackson starts only when this class is first used, that is when JSON is asked for, so non-JSON runs
 * (an {@code --order0} run is mostly start-up) never pay for it.
 */
final class Json {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS) // tree nodes holding ±∞ directly
            .enable(SerializationFeature.INDENT_OUTPUT)
            .addModule(new SimpleModule("non-finite doubles")
                    .addSerializer(Double.class, new NonFinite())
                    .addSerializer(Double.TYPE, new NonFinite()))
            .build();

    private Json() {
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
}
