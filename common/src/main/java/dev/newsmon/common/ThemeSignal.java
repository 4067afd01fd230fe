package dev.newsmon.common;

import java.time.Instant;

/**
 * A rolling signal for one subject (a theme, or a dyad such as "dyad:china>south_korea"),
 * published to {@link Topics#SIGNALS} keyed by {@code subject} each time an article updates it.
 * The current window ends at the triggering article's event time; the baseline covers the days before it.
 */
public record ThemeSignal(
        String subject,
        Instant windowStart,
        Instant windowEnd,
        int stories,
        double meanTension,
        double meanCooperation,
        double net,
        double baselineTension,
        double baselineTensionStd,
        double baselineCooperation,
        double baselineCooperationStd,
        double tensionZ,
        double cooperationZ,
        int baselineStories) {
}
