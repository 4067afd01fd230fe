package dev.newsmon.common;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;

/** "500ms", "30s", "5m", "1h", "1d" or ISO-8601 "PT5M" to a positive Duration; a picocli converter for every command. */
public final class Durations implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    public static Duration parse(String value) {
        String s = value.strip().toLowerCase(Locale.ROOT);
        Duration d = null;
        try {
            if (s.startsWith("p")) {
                d = Duration.parse(s.toUpperCase(Locale.ROOT));
            } else if (s.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).strip()));
            } else if (!s.isEmpty()) {
                long n = Long.parseLong(s.substring(0, s.length() - 1).strip());
                d = switch (s.charAt(s.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    case 'd' -> Duration.ofDays(n);
                    default -> null;
                };
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            d = null; // one message below for every malformed form
        }
        if (d == null) {
            throw new IllegalArgumentException("not a duration: '" + value + "' (e.g. 500ms, 30s, 5m, 1h, 1d, PT5M)");
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("duration must be positive: '" + value + "'");
        }
        return d;
    }

    /** The short form back: 600000 ms is "10m", 300 ms is "300ms". */
    public static String format(Duration d) {
        long ms = d.toMillis();
        long[] units = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
        String[] names = {"d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (ms != 0 && ms % units[i] == 0) {
                return ms / units[i] + names[i];
            }
        }
        return ms + "ms";
    }
}
