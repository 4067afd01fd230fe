package dev.newsmon.processor.alerts;

import dev.newsmon.common.Severity;

/**
 * Per theme+kind memory that keeps one episode to one alert: whether the rule is armed, what it last raised,
 * for which window end (event-time millis, for the cooldown) and, for SHIFT, which way the balance went.
 */
public record AlertState(boolean armed, Severity lastSeverity, Long lastWindowEnd, int lastSign) {
    public static final AlertState FRESH = new AlertState(true, null, null, 0);

    AlertState rearmed() {
        return new AlertState(true, lastSeverity, lastWindowEnd, lastSign);
    }

    AlertState fired(Severity severity, long windowEnd, int sign) {
        return new AlertState(false, severity, windowEnd, sign);
    }
}
