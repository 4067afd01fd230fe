package dev.newsmon.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Alert severity, ordered: a sink filter "at least warning" keeps warning and critical. */
public enum Severity {
    INFO, WARNING, CRITICAL;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Severity parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown severity '" + s + "' (expected info, warning or critical)");
        }
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
