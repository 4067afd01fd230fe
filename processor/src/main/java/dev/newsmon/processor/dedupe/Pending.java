package dev.newsmon.processor.dedupe;

import dev.newsmon.common.ClassifiedArticle;
import java.time.Instant;

/**
 * An article waiting at the gate for its band verdicts; {@code since} is wall-clock millis of the first part,
 * {@code eventTime} the article's record timestamp.
 */
public record Pending(ClassifiedArticle article, long eventTime, int verdicts, String originalId,
                      Instant originalTime, long since) {

    Pending with(BandVerdict v) {
        boolean earlier = v.originalId() != null && (originalId == null || v.originalTime().isBefore(originalTime)
                || (v.originalTime().equals(originalTime) && v.originalId().compareTo(originalId) < 0));
        return new Pending(article, eventTime, verdicts + 1, earlier ? v.originalId() : originalId,
                earlier ? v.originalTime() : originalTime, since);
    }

    Pending with(ClassifiedArticle a, long timestamp) {
        return new Pending(a, timestamp, verdicts, originalId, originalTime, since);
    }
}
