package dev.newsmon.processor;

import dev.newsmon.common.ClassifiedArticle;
import java.time.Duration;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps each classified article by id for {@code /api/articles/{id}}, as long as the dedupe horizon. */
final class ArticleArchive implements FixedKeyProcessor<String, ClassifiedArticle, ClassifiedArticle> {
    static final String STORE = dev.newsmon.processor.api.StoreQueries.ARTICLES_STORE;

    private final Duration horizon;
    private FixedKeyProcessorContext<String, ClassifiedArticle> context;
    private KeyValueStore<String, ClassifiedArticle> store;

    ArticleArchive(Duration horizon) {
        this.horizon = horizon;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ClassifiedArticle> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        context.schedule(Duration.ofHours(1), PunctuationType.STREAM_TIME, this::expire);
    }

    @Override
    public void process(FixedKeyRecord<String, ClassifiedArticle> record) {
        store.put(record.key(), record.value());
        context.forward(record);
    }

    private void expire(long streamTime) {
        try (KeyValueIterator<String, ClassifiedArticle> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, ClassifiedArticle> kv = it.next();
                if (kv.value.eventTime() != null
                        && kv.value.eventTime().toEpochMilli() < streamTime - horizon.toMillis()) {
                    store.delete(kv.key);
                }
            }
        }
    }
}
