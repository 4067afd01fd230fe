package dev.newsmon.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {
    final TopicPartition chips = new TopicPartition("news.alerts.chips", 0);
    final TopicPartition taiwan = new TopicPartition("news.alerts.taiwan", 0);
    final OffsetTracker tracker = new OffsetTracker();
    final Map<TopicPartition, Long> rewind = new HashMap<>();

    @Test
    void commitsUpToTheFirstUnfinishedRecordPerPartition() {
        CompletableFuture<Void> slow = new CompletableFuture<>();
        tracker.track(chips, 10, done());
        tracker.track(chips, 11, slow);
        tracker.track(chips, 12, done());
        tracker.track(taiwan, 5, done());

        assertEquals(Map.of(chips, new OffsetAndMetadata(11), taiwan, new OffsetAndMetadata(6)),
                tracker.committable(rewind));
        assertEquals(2, tracker.inFlight());
        assertEquals(Map.of(), tracker.committable(rewind), "nothing new until the slow one finishes");

        slow.complete(null);
        assertEquals(Map.of(chips, new OffsetAndMetadata(13)), tracker.committable(rewind));
        assertEquals(0, tracker.inFlight());
        assertEquals(Map.of(), rewind);
    }

    @Test
    void aFailedDeliveryStopsTheCommitAndAsksToReReadFromIt() {
        tracker.track(chips, 1, done());
        tracker.track(chips, 2, CompletableFuture.failedFuture(new RuntimeException("dlq unreachable")));
        tracker.track(chips, 3, done());
        assertEquals(Map.of(chips, new OffsetAndMetadata(2)), tracker.committable(rewind));
        assertEquals(Map.of(chips, 2L), rewind);
        assertEquals(0, tracker.inFlight());
    }

    @Test
    void forgetsRevokedPartitions() {
        tracker.track(chips, 1, new CompletableFuture<>());
        tracker.forget(List.of(chips));
        assertEquals(0, tracker.inFlight());
    }

    static CompletableFuture<Void> done() {
        return CompletableFuture.completedFuture(null);
    }
}
