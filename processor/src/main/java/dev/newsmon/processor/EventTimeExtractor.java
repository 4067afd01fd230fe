package dev.newsmon.processor;

import com.fasterxml.jackson.databind.ObjectReader;
import dev.newsmon.common.Json;
import java.io.IOException;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time for articles: published, else ingested, else the record's own timestamp. It binds only the two time
 * fields; a record it cannot read keeps the record timestamp and is dead-lettered by validation right after.
 */
public final class EventTimeExtractor implements TimestampExtractor {
    private static final ObjectReader TIMES = Json.MAPPER.readerFor(Times.class);

    record Times(Instant published, Instant ingested) {
    }

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof byte[] bytes) {
            try {
                Times t = TIMES.readValue(bytes);
                Instant when = t.published() != null ? t.published() : t.ingested();
                if (when != null && when.toEpochMilli() >= 0) {
                    return when.toEpochMilli();
                }
            } catch (IOException | RuntimeException e) {
                // fall through: validation names the problem in the dead letter
            }
        }
        // A negative timestamp would make Streams drop the record; partition time keeps it flowing to the DLQ.
        return record.timestamp() >= 0 ? record.timestamp() : Math.max(partitionTime, 0);
    }
}
