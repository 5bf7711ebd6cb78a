package dev.surprisal.cli;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The indented JSON writer of the verbs that serialise whole result objects ({@code file}, {@code notes}):
 * NaN and infinities are written as the strings {@code "NaN"} and {@code "Infinity"}, since JSON has
 * neither. Jackson starts only when this class is first used, that is when JSON is asked for, so
 * non-JSON runs (an {@code --order0} run is mostly start-up) never pay for it.
 */
final class Json {
    static final ObjectMapper MAPPER = JsonMapper.builder().enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    private Json() {
    }
}
