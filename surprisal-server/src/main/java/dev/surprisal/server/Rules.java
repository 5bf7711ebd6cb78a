package dev.surprisal.server;

import dev.surprisal.core.ValidationException;
import dev.surprisal.drift.DriftOptions;
import dev.surprisal.drift.Measure;

import java.util.List;
import java.util.Map;

/**
 * A monitor's drift rule from its settings by key, on the library's defaults
 * ({@link DriftOptions#defaults()}): the one adapter between config keys and the library, so the
 * server and {@code surprisal drift} decide identically.
 */
public final class Rules {
    /** The rule keys a monitor may set (the command line's option names). */
    public static final List<String> KEYS = List.of("measure", "warn", "drift", "alpha", "fail-on");

    private Rules() {
    }

    /**
     * @param settings key to value (keys from {@link #KEYS})
     * @return the library's options with these settings
     * @throws ValidationException naming the option ({@code --warn}) for a bad value
     */
    public static DriftOptions options(Map<String, String> settings) {
        DriftOptions o = DriftOptions.defaults();
        if (settings.containsKey("measure")) {
            o = o.withMeasure(Measure.parse(settings.get("measure")));
        }
        double w = settings.containsKey("warn") ? number("--warn", settings.get("warn")) : o.warn();
        double d = settings.containsKey("drift") ? number("--drift", settings.get("drift")) : o.drift();
        if (settings.containsKey("warn") && !settings.containsKey("drift") && d < w) {
            d = w;
        }
        if (!(d >= w)) {
            throw new ValidationException("--drift: must be >= --warn (" + w + "), got " + d);
        }
        o = o.withBands(w, d);
        if (settings.containsKey("alpha")) {
            o = o.withAlpha(number("--alpha", settings.get("alpha")));
        }
        failOnWarn(settings);
        return o;
    }

    /**
     * @param settings the settings
     * @return true when {@code fail-on: warn} (a WARN is an alarm too); default DRIFT only
     */
    public static boolean failOnWarn(Map<String, String> settings) {
        String f = settings.getOrDefault("fail-on", "drift").trim();
        if (f.equalsIgnoreCase("warn")) {
            return true;
        }
        if (f.equalsIgnoreCase("drift")) {
            return false;
        }
        throw new ValidationException("--fail-on: expected warn or drift, got '" + f + "'");
    }

    private static double number(String option, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new ValidationException(option + ": expected a number, got '" + text + "'");
        }
    }
}
