package dev.newsmon.processor.dedupe;

import dev.newsmon.common.ClassifiedArticle;
import java.time.Instant;

/** A classified article with its event time and the MinHash signature of its text, before the syndication check. */
public record Scored(ClassifiedArticle article, Instant eventTime, long[] signature) {
    public Fingerprint fingerprint() {
        return new Fingerprint(article.id(), eventTime, signature);
    }
}
