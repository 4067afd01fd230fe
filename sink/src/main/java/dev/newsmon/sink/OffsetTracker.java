package dev.newsmon.sink;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets may be committed: per partition, up to the first record whose delivery is still under way.
 * A slow webhook therefore holds back only the commit, never the file or console writers; a crash re-reads
 * from the oldest unfinished record and the writers' id checks drop what they already have.
 */
final class OffsetTracker {
    private record Pending(long offset, CompletableFuture<?> done) {
    }

    private final Map<TopicPartition, ArrayDeque<Pending>> pending = new HashMap<>();

    void track(TopicPartition tp, long offset, CompletableFuture<?> done) {
        pending.computeIfAbsent(tp, k -> new ArrayDeque<>()).addLast(new Pending(offset, done));
    }

    /**
     * Pops finished records and returns the offsets to commit. A record whose delivery failed outright
     * (e.g. the dead-letter topic was unreachable) is put into {@code rewind} so the caller re-reads from it.
     */
    Map<TopicPartition, OffsetAndMetadata> committable(Map<TopicPartition, Long> rewind) {
        Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
        for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            ArrayDeque<Pending> q = e.getValue();
            long next = -1;
            while (!q.isEmpty() && q.peekFirst().done().isDone()) {
                Pending p = q.peekFirst();
                if (p.done().isCompletedExceptionally()) {
                    rewind.put(e.getKey(), p.offset());
                    q.clear();
                    break;
                }
                q.removeFirst();
                next = p.offset() + 1;
            }
            if (next >= 0) {
                commits.put(e.getKey(), new OffsetAndMetadata(next));
            }
            if (q.isEmpty()) {
                it.remove();
            }
        }
        return commits;
    }

    void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(pending::remove);
    }

    int inFlight() {
        return pending.values().stream().mapToInt(ArrayDeque::size).sum();
    }
}
