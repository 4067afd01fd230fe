package dev.newsmon.ingest;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;

/** "500ms", "30s", "5m", "1h" or ISO-8601 "PT5M" to a Duration (a picocli converter). */
public final class Durations implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    public static Duration parse(String value) {
        String s = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("pt") || s.startsWith("p")) {
                return positive(Duration.parse(s.toUpperCase(Locale.ROOT)), value);
            }
            if (s.endsWith("ms")) {
                return positive(Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).strip())), value);
            }
            long n = Long.parseLong(s.substring(0, s.length() - 1).strip());
            switch (s.charAt(s.length() - 1)) {
                case 's': return positive(Duration.ofSeconds(n), value);
                case 'm': return positive(Duration.ofMinutes(n), value);
                case 'h': return positive(Duration.ofHours(n), value);
                default: break;
            }
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            // fall through to the one message below
        }
        throw new IllegalArgumentException("not a duration: '" + value + "' (e.g. 30s, 5m, 1h, 500ms)");
    }

    private static Duration positive(Duration d, String value) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("duration must be positive: '" + value + "'");
        }
        return d;
    }
}
