package dev.newsmon.sink;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Kafka client settings for the sink, built on a copy of the user's properties (never mutating them). */
public final class SinkClients {
    private SinkClients() {
    }

    public static Map<String, Object> consumerConfig(Map<String, Object> base, String groupId) {
        Map<String, Object> c = new HashMap<>(base);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        c.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newsmon-sink");
        // Offsets are committed by hand, only after every writer finished with the record.
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A theme topic found later by the pattern may already hold alerts; start from its beginning.
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // The processor writes alerts in exactly-once transactions; aborted ones must never be delivered.
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // The pattern is matched against the topic list on each metadata refresh: the 5-minute default
        // would leave a new theme's alerts undelivered for minutes, 5 s costs one small request.
        c.putIfAbsent(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5_000);
        // A new theme topic triggers a rebalance; cooperative assignment keeps the current partitions
        // flowing instead of revoking all of them (and their in-flight webhook deliveries).
        c.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        // Bytes in, decoded by the sink itself, so a malformed record reaches the dead-letter topic
        // instead of failing inside poll().
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return c;
    }

    /** For news.dlq and news.failed-deliveries: a hand-off counts only once the broker has it. */
    public static Map<String, Object> producerConfig(Map<String, Object> base) {
        Map<String, Object> c = new HashMap<>(base);
        c.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newsmon-sink-deadletters");
        // All in-sync replicas must have a dead letter before we commit past the record it replaces.
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        // Retries must not duplicate dead letters.
        c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        c.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return c;
    }
}
