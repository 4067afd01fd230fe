package dev.newsmon.app.up;

import dev.newsmon.common.Topics;
import java.util.Map;

/**
 * Test-side door to {@link PendingRecords}, which main code keeps package-private: integration tests elsewhere
 * count the processor's unfinished work exactly as {@code newsmon up} does before it reports "done".
 */
public final class ProcessorBacklog implements AutoCloseable {
    private final PendingRecords pending;

    public ProcessorBacklog(Map<String, Object> clientConfig) {
        this.pending = new PendingRecords(clientConfig);
    }

    /** Records of news.articles and of the application's repartition topics that it has not committed past. */
    public long pending(String applicationId) throws Exception {
        // Same topics as DrainWait: Streams hands work between its sub-topologies through repartition topics.
        return pending.pending(applicationId, topic -> topic.equals(Topics.ARTICLES)
                || (topic.startsWith(applicationId + "-") && topic.endsWith("-repartition")));
    }

    @Override
    public void close() {
        pending.close();
    }
}
