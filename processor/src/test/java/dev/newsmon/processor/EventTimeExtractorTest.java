package dev.newsmon.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class EventTimeExtractorTest {
    final EventTimeExtractor x = new EventTimeExtractor();

    long extract(String json, long recordTime) {
        ConsumerRecord<Object, Object> r = new ConsumerRecord<>("t", 0, 0, recordTime,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME, 0, 0, "k",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8),
                new org.apache.kafka.common.header.internals.RecordHeaders(), java.util.Optional.empty());
        return x.extract(r, 42);
    }

    @Test
    void publishedThenIngestedThenRecordTime() {
        long pub = Instant.parse("2026-10-01T08:00:00Z").toEpochMilli();
        long ing = Instant.parse("2026-10-02T08:00:00Z").toEpochMilli();
        assertEquals(pub, extract("{\"id\":\"a\",\"published\":\"2026-10-01T08:00:00Z\","
                + "\"ingested\":\"2026-10-02T08:00:00Z\"}", 7));
        assertEquals(ing, extract("{\"body\":\"x\",\"ingested\":\"2026-10-02T08:00:00Z\"}", 7));
        assertEquals(7, extract("{\"id\":\"a\"}", 7));
    }

    @Test
    void unreadableRecordsKeepFlowingToValidation() {
        assertEquals(7, extract("not json", 7));
        assertEquals(7, extract("{\"published\":\"yesterday\"}", 7));
        assertEquals(42, extract("not json", -1), "negative record time falls back to partition time");
        assertEquals(7, extract(null, 7));
    }
}
