package dev.newsmon.app.scale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.newsmon.common.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What a run left on its output topics, each value in a canonical JSON form (keys sorted) so that two runs
 * compare by content, not by the order a map happened to be written in.
 *
 * @param classified       news.classified by article id
 * @param classifiedRecords records on news.classified, to catch an id written twice
 * @param alerts           "topic key json" of every alert on news.alerts.*, with how often it occurs
 * @param deadLetters      records on news.dlq
 */
record Outputs(Map<String, String> classified, int classifiedRecords, Map<String, Integer> alerts,
               int deadLetters) {
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    private static final Duration READ_WAIT = Duration.ofSeconds(60);

    /** Reads every committed record of the output topics from the beginning. */
    static Outputs read(String bootstrap, List<String> themes) {
        List<String> topics = new ArrayList<>(List.of(Topics.CLASSIFIED, Topics.DEAD_LETTER));
        themes.forEach(theme -> topics.add(Topics.alerts(theme)));
        Map<String, String> classified = new TreeMap<>();
        Map<String, Integer> alerts = new TreeMap<>();
        int classifiedRecords = 0;
        int deadLetters = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                // Only what the processor committed is output; an aborted attempt must not count.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, READ_WAIT)
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_WAIT);
            long deadline = System.nanoTime() + READ_WAIT.toNanos();
            while (!partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("output topics not read to their end within " + READ_WAIT);
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.topic().equals(Topics.CLASSIFIED)) {
                        classifiedRecords++;
                        classified.put(r.key(), canonical(r.value()));
                    } else if (r.topic().equals(Topics.DEAD_LETTER)) {
                        deadLetters++;
                    } else {
                        alerts.merge(r.topic() + " " + r.key() + " " + canonical(r.value()), 1, Integer::sum);
                    }
                }
            }
        }
        return new Outputs(classified, classifiedRecords, alerts, deadLetters);
    }

    int alertCount() {
        return alerts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Every difference, one per line: the article ids or alerts present or different in only one run. */
    static String diff(Outputs expected, Outputs actual) {
        StringBuilder out = new StringBuilder();
        Set<String> ids = new TreeSet<>(expected.classified.keySet());
        ids.addAll(actual.classified.keySet());
        for (String id : ids) {
            String e = expected.classified.get(id);
            String a = actual.classified.get(id);
            if (e == null || !e.equals(a)) {
                out.append("\n  classified ").append(id).append("\n    reference: ").append(e)
                        .append("\n    scaled:    ").append(a);
            }
        }
        Set<String> alerts = new TreeSet<>(expected.alerts.keySet());
        alerts.addAll(actual.alerts.keySet());
        for (String alert : alerts) {
            int e = expected.alerts.getOrDefault(alert, 0);
            int a = actual.alerts.getOrDefault(alert, 0);
            if (e != a) {
                out.append("\n  alert x").append(e).append(" in reference, x").append(a).append(" scaled: ")
                        .append(alert);
            }
        }
        return out.toString();
    }

    private static String canonical(String json) {
        try {
            return CANONICAL.writeValueAsString(CANONICAL.treeToValue(CANONICAL.readTree(json), Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException("output is not JSON: " + json, e);
        }
    }
}
