package dev.newsmon.processor.dedupe;

import java.time.Instant;

/** What a band bucket remembers of an article: enough to compare signatures and to say which copy came first. */
public record Fingerprint(String id, Instant eventTime, long[] signature) {

    /** Copies point at the earliest story: earlier event time first, then the smaller id. */
    public boolean before(Fingerprint other) {
        int c = eventTime.compareTo(other.eventTime);
        return c < 0 || (c == 0 && id.compareTo(other.id) < 0);
    }
}
