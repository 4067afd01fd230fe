package dev.newsmon.processor.dedupe;

import dev.newsmon.common.Article;
import dev.newsmon.processor.ProcessorMetrics;
import java.time.Duration;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Drops an article whose id was already seen within the horizon. Articles are keyed by id, so every copy of an id
 * reaches the same task and a per-task store is enough. Drops are counted in {@code dropped-repeats-total}.
 */
public final class ExactRepeatFilter implements FixedKeyProcessor<String, Article, Article> {
    public static final String STORE = "seen-article-ids";

    private final Duration horizon;
    private FixedKeyProcessorContext<String, Article> context;
    private KeyValueStore<String, Long> seen;
    private Sensor dropped;

    public ExactRepeatFilter(Duration horizon) {
        this.horizon = horizon;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Article> context) {
        this.context = context;
        this.seen = context.getStateStore(STORE);
        this.dropped = ProcessorMetrics.rateTotal(context, "dedupe", "dropped-repeats");
        // Expiry in stream time, so a replay of old news forgets ids exactly as the live run did.
        context.schedule(Duration.ofHours(1), PunctuationType.STREAM_TIME, this::expire);
    }

    @Override
    public void process(FixedKeyRecord<String, Article> record) {
        String id = record.value().id();
        Long first = seen.get(id);
        if (first != null && record.timestamp() - first < horizon.toMillis()) {
            dropped.record();
            return;
        }
        seen.put(id, record.timestamp());
        context.forward(record);
    }

    private void expire(long streamTime) {
        try (KeyValueIterator<String, Long> it = seen.all()) {
            while (it.hasNext()) {
                KeyValue<String, Long> kv = it.next();
                if (kv.value < streamTime - horizon.toMillis()) {
                    seen.delete(kv.key);
                }
            }
        }
    }
}
