package dev.newsmon.ingest.publish;

import java.util.concurrent.atomic.AtomicLong;

/** What one ingest run did; updated from the reading thread and the producer's callback thread. */
public final class RunCounts {
    public final AtomicLong read = new AtomicLong();
    public final AtomicLong published = new AtomicLong();
    public final AtomicLong duplicates = new AtomicLong();
    public final AtomicLong alreadyPublished = new AtomicLong();
    public final AtomicLong failed = new AtomicLong();
    public final AtomicLong warnings = new AtomicLong();

    public boolean clean() {
        return failed.get() == 0 && warnings.get() == 0;
    }

    /** "read 5, published 0, skipped as duplicate 5 (5 published by an earlier run; --force resends), failed 0". */
    public String summary() {
        StringBuilder sb = new StringBuilder()
                .append("read ").append(read.get())
                .append(", published ").append(published.get())
                .append(", skipped as duplicate ").append(duplicates.get() + alreadyPublished.get());
        if (alreadyPublished.get() > 0) {
            sb.append(" (").append(alreadyPublished.get()).append(" published by an earlier run; --force resends)");
        }
        sb.append(", failed ").append(failed.get());
        if (warnings.get() > 0) {
            sb.append(", warnings ").append(warnings.get());
        }
        return sb.toString();
    }
}
