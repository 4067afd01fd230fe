package dev.newsmon.app.up;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts records a consumer group has not yet committed past, like consumer lag but exact on
 * transactional topics: there the offset gap also holds commit markers, which are not work left.
 */
final class PendingRecords implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 30;

    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> reader;
    private final Set<TopicPartition> assigned = new HashSet<>();

    PendingRecords(Map<String, Object> clientConfig) {
        this.admin = Admin.create(clientConfig);
        Map<String, Object> readerConfig = new HashMap<>(clientConfig);
        // Only committed records count as work; aborted ones and markers are skipped, as the stages skip them.
        readerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        readerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        readerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.reader = new KafkaConsumer<>(readerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Records in topics matching {@code topics} (and anything the group has committed on) not yet consumed by {@code group}. */
    long pending(String group, Predicate<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        // Offsets of a transaction still open are not returned: that work is not done yet.
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Set<TopicPartition> partitions = new HashSet<>(committed.keySet());
        partitions.addAll(partitionsOf(topics));
        Map<TopicPartition, Long> ends = endOffsets(partitions);
        Map<TopicPartition, Long> gaps = new HashMap<>();
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata done = committed.get(tp);
            long from = done == null ? 0 : done.offset();
            if (ends.getOrDefault(tp, 0L) > from) {
                gaps.put(tp, from);
            }
        }
        return gaps.isEmpty() ? 0 : countRecords(gaps, ends);
    }

    /** Sum of the committed end offsets of the topics matching {@code topics}: grows while a stage still writes. */
    long written(Predicate<String> topics) throws InterruptedException, ExecutionException, TimeoutException {
        return endOffsets(new HashSet<>(partitionsOf(topics))).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Last stable offsets: records of open transactions are not readable, so not yet work for anyone. */
    private Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    private Collection<TopicPartition> partitionsOf(Predicate<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<String> names = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
                .filter(topics).toList();
        Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return descriptions.values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .toList();
    }

    /** Reads the gaps: the position steps over markers, so only real records are counted. */
    private long countRecords(Map<TopicPartition, Long> gaps, Map<TopicPartition, Long> ends) {
        // The assignment only grows: dropping partitions mid-fetch makes the consumer warn about each one.
        if (!assigned.containsAll(gaps.keySet())) {
            assigned.addAll(gaps.keySet());
            reader.assign(assigned);
        }
        reader.pause(assigned);
        reader.resume(gaps.keySet());
        gaps.forEach(reader::seek);
        long count = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!reachedEnd(gaps.keySet(), ends) && System.nanoTime() < deadline) {
            count += reader.poll(Duration.ofMillis(100)).count();
        }
        long unread = 0;
        for (TopicPartition tp : gaps.keySet()) {
            unread += Math.max(0, ends.get(tp) - reader.position(tp));
        }
        // A gap that would not drain in time counts as work left, never as nothing.
        return count + unread;
    }

    private boolean reachedEnd(Set<TopicPartition> partitions, Map<TopicPartition, Long> ends) {
        return partitions.stream().allMatch(tp -> reader.position(tp) >= ends.get(tp));
    }

    @Override
    public void close() {
        reader.close();
        admin.close();
    }
}
