package dev.newsmon.processor.signals;

import java.time.Duration;
import java.util.List;

/**
 * How signals are windowed. The current window is {@code window} long and hops by {@code hop}; state is kept in
 * hop-sized buckets, so the window must be a whole number of hops and a day a whole number of buckets.
 * The baseline is the {@code baselineDays} whole days before the current window.
 */
public record SignalSettings(
        Duration window,
        Duration hop,
        int baselineDays,
        Duration grace,
        double minDeviation,
        List<String> dyads) {

    public static final Duration DAY = Duration.ofDays(1);

    public SignalSettings {
        dyads = dyads == null ? List.of() : List.copyOf(dyads);
    }

    public static SignalSettings defaults() {
        return new SignalSettings(Duration.ofHours(24), Duration.ofHours(1), 14, Duration.ofDays(7), 0.1,
                List.of("china>south_korea", "south_korea>china"));
    }

    /** Returns a one-line problem, or null when the settings are usable. */
    public String problem() {
        if (window == null || hop == null || grace == null) {
            return "signals: window, hop and grace are required";
        }
        if (hop.isNegative() || hop.isZero() || window.compareTo(hop) < 0) {
            return "signals: hop must be positive and no longer than the window";
        }
        if (window.toMillis() % hop.toMillis() != 0 || DAY.toMillis() % hop.toMillis() != 0) {
            return "signals: hop " + hop + " must divide both the window " + window + " and one day";
        }
        if (baselineDays < 1) {
            return "signals: baselineDays must be at least 1";
        }
        if (grace.isNegative()) {
            return "signals: grace must not be negative";
        }
        if (!(minDeviation > 0)) {
            return "signals: minDeviation must be positive (it keeps z-scores finite on a flat baseline)";
        }
        for (String d : dyads) {
            if (d.split(">", -1).length != 2 || d.startsWith(">") || d.endsWith(">")) {
                return "signals: dyad '" + d + "' must look like from>to, e.g. china>south_korea";
            }
        }
        return null;
    }

    public long hopMs() {
        return hop.toMillis();
    }

    public long bucketsPerWindow() {
        return window.toMillis() / hop.toMillis();
    }

    public long bucketsPerDay() {
        return DAY.toMillis() / hop.toMillis();
    }

    /** Whole hours like "24 h" for explanations; other durations in ISO form. */
    public String windowLabel() {
        long minutes = window.toMinutes();
        return minutes % 60 == 0 ? (minutes / 60) + " h" : window.toString();
    }
}
