package dev.newsmon.common;

import java.time.Instant;

/**
 * One news article as ingest publishes it to {@link Topics#ARTICLES}, keyed by {@code id}.
 * {@code published} is null when the source states no date; the processor then uses {@code ingested}.
 */
public record Article(
        String id,
        String url,
        String source,
        String title,
        String body,
        Instant published,
        Instant ingested,
        String lang) {

    /** Event time: when the story was published, or when we first saw it if the source does not say. */
    public Instant eventTime() {
        return published != null ? published : ingested;
    }
}
