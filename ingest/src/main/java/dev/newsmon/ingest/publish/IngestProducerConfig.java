package dev.newsmon.ingest.publish;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/** Producer settings for publishing articles; built separately from the code that sends. */
public final class IngestProducerConfig {

    private IngestProducerConfig() {
    }

    /**
     * {@code base} (from --kafka-config and --bootstrap-servers) is copied, never modified. Settings that
     * guarantee "lose nothing, publish nothing twice" override the file; throughput tuning only fills gaps.
     */
    public static Map<String, Object> of(Map<String, Object> base) {
        Map<String, Object> p = new HashMap<>(base);
        // An article counts as published only once every in-sync replica has it.
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // Retries after a lost ack must not write the article twice or reorder it within its partition.
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // The idempotent producer keeps ordering with up to 5 batches in flight; more would break it.
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // News text compresses about 2-3x; lz4 does it at a fraction of zstd's CPU cost on the hot path.
        p.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // Bulk ingest favours full batches over latency; 10 ms is still instant for a person watching.
        p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 10);
        // ~4.5 KB articles: 256 KiB batches hold about 50, so each request carries a useful payload.
        p.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        // Room for several batches per partition while the broker catches up, before send() blocks.
        p.putIfAbsent(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        // A broker that is down should produce a clear error in seconds, not a silent minute of waiting.
        p.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newsmon-ingest");
        return p;
    }
}
