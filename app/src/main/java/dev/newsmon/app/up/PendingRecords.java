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
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
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
        Map<TopicPartition, OffsetAndMetadata> committed = admin
                .listConsumerGroupOffsets(Map.of(group, new ListConsumerGroupOffsetsSpec()),
                        new ListConsumerGroupOffsetsOptions().requireStable(true))
                .partitionsToOffsetAndMetadata(group).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Set<TopicPartition> partitions = new HashSet<>(committed.keySet());
        partitions.addAll(partitionsOf(topics));
        Map<TopicPartition, Long> ends = reader.endOffsets(partitions, Duration.ofSeconds(TIMEOUT_SECONDS));
        long pending = 0;
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata done = committed.get(tp);
            long from = done == null ? 0 : done.offset();
            long end = ends.getOrDefault(tp, 0L);
            if (end > from) {
                pending += countRecords(tp, from, end);
            }
        }
        return pending;
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

    /** Reads the gap: the position steps over markers, so only real records are counted. */
    private long countRecords(TopicPartition tp, long from, long end) {
        reader.assign(List.of(tp));
        reader.seek(tp, from);
        long count = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (reader.position(tp) < end && System.nanoTime() < deadline) {
            count += reader.poll(Duration.ofMillis(100)).count();
        }
        // A gap that would not drain in time is reported as work left rather than as nothing.
        return reader.position(tp) < end ? Math.max(count, end - reader.position(tp)) : count;
    }

    @Override
    public void close() {
        reader.close();
        admin.close();
    }
}
