package dev.newsmon.common;

import java.time.Instant;

/**
 * A record some stage could not process, on {@link Topics#DEAD_LETTER}, keyed like the original.
 * {@code value} is the original payload as text (bytes that are not UTF-8 are replaced), so a human can read it.
 */
public record DeadLetter(
        String stage,
        String reason,
        String topic,
        int partition,
        long offset,
        String key,
        String value,
        Instant at) {
}
