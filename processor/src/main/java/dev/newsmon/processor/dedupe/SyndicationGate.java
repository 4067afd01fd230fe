package dev.newsmon.processor.dedupe;

import dev.newsmon.common.ClassifiedArticle;
import dev.newsmon.processor.ProcessorMetrics;
import java.time.Duration;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Holds each classified article until every LSH band has answered, then releases it with {@code duplicateOf}
 * set to the earliest matching copy. Copies are counted in {@code syndicated-copies-total}.
 */
public final class SyndicationGate implements Processor<String, GateInput, String, ClassifiedArticle> {
    public static final String STORE = "syndication-pending";
    /** Band answers arrive within a commit or two; anything older lost a part and is released as it stands. */
    static final Duration GIVE_UP = Duration.ofSeconds(30);

    private ProcessorContext<String, ClassifiedArticle> context;
    private KeyValueStore<String, Pending> pending;
    private Sensor copies;

    @Override
    public void init(ProcessorContext<String, ClassifiedArticle> context) {
        this.context = context;
        this.pending = context.getStateStore(STORE);
        this.copies = ProcessorMetrics.rateTotal(context, "dedupe", "syndicated-copies");
        context.schedule(Duration.ofSeconds(10), PunctuationType.WALL_CLOCK_TIME, this::releaseStale);
    }

    @Override
    public void process(Record<String, GateInput> record) {
        String id = record.key();
        Pending p = pending.get(id);
        if (p == null) {
            p = new Pending(null, 0, 0, null, null, context.currentSystemTimeMs());
        }
        GateInput in = record.value();
        p = in.article() != null ? p.with(in.article(), record.timestamp()) : p.with(in.verdict());
        if (p.article() != null && p.verdicts() >= MinHash.BANDS) {
            pending.delete(id);
            // The current record's headers carry the article's ingest time on to the alert latency metric.
            release(id, p, record.timestamp(), record.headers());
        } else {
            pending.put(id, p);
        }
    }

    private void release(String id, Pending p, long timestamp, Headers headers) {
        ClassifiedArticle a = p.article();
        if (p.originalId() != null && !p.originalId().equals(id)) {
            a = a.withDuplicateOf(p.originalId());
            copies.record();
        }
        context.forward(headers == null ? new Record<>(id, a, timestamp) : new Record<>(id, a, timestamp, headers));
    }

    private void releaseStale(long now) {
        try (KeyValueIterator<String, Pending> it = pending.all()) {
            while (it.hasNext()) {
                KeyValue<String, Pending> kv = it.next();
                if (kv.value.since() < now - GIVE_UP.toMillis()) {
                    pending.delete(kv.key);
                    if (kv.value.article() != null) {
                        release(kv.key, kv.value, kv.value.eventTime(), null);
                    }
                }
            }
        }
    }
}
