package dev.newsmon.processor;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.ProcessingContext;

/** Custom metrics appear next to Kafka Streams' own, as stream-newsmon-metrics {@code <operation>-total/-rate}. */
public final class ProcessorMetrics {
    public static final String SCOPE = "newsmon";
    /** Epoch millis of the article's {@code ingested}, carried in a header from validation to the alert. */
    public static final String INGESTED_HEADER = "newsmon.ingested";

    private ProcessorMetrics() {
    }

    public static Sensor rateTotal(ProcessingContext context, String entity, String operation) {
        return context.metrics().addRateTotalSensor(SCOPE, entity, operation,
                Sensor.RecordingLevel.INFO);
    }

    /** A copy of {@code record} whose headers say when the article was ingested (unchanged if unknown). */
    public static <K, V> FixedKeyRecord<K, V> withIngested(FixedKeyRecord<K, V> record, Instant ingested) {
        if (ingested == null) {
            return record;
        }
        if (record.key() instanceof String id) {
            IngestTimes.put(id, ingested.toEpochMilli());
        }
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.remove(INGESTED_HEADER);
        headers.add(INGESTED_HEADER, Long.toString(ingested.toEpochMilli()).getBytes(StandardCharsets.US_ASCII));
        return record.withHeaders(headers);
    }

    /** The ingest time a record carries, or -1. */
    public static long ingestedMillis(Headers headers) {
        Header h = headers.lastHeader(INGESTED_HEADER);
        if (h == null || h.value() == null) {
            return -1;
        }
        try {
            return Long.parseLong(new String(h.value(), StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
