package dev.newsmon.processor.dedupe;

import java.time.Duration;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One LSH band bucket per key: compares an article's full signature with the earlier articles that share the
 * bucket and answers, for this band, which earlier copy it matches. Input is repartitioned by bucket, so copies
 * that arrived on different article partitions meet here.
 */
public final class BandProcessor implements Processor<String, Fingerprint, String, BandVerdict> {
    public static final String STORE = "lsh-band-members";
    /** Estimated Jaccard over 3-word shingles: re-edited wire copy stays well above it, distinct stories below. */
    public static final double THRESHOLD = 0.5;

    private final Duration horizon;
    private ProcessorContext<String, BandVerdict> context;
    private KeyValueStore<String, Fingerprint> members;

    public BandProcessor(Duration horizon) {
        this.horizon = horizon;
    }

    @Override
    public void init(ProcessorContext<String, BandVerdict> context) {
        this.context = context;
        this.members = context.getStateStore(STORE);
        context.schedule(Duration.ofHours(1), PunctuationType.STREAM_TIME, this::expire);
    }

    @Override
    public void process(Record<String, Fingerprint> record) {
        Fingerprint fp = record.value();
        String bucket = record.key();
        int band = Integer.parseInt(bucket.substring(0, bucket.indexOf(':')));
        Fingerprint original = null;
        double best = 0;
        long oldest = fp.eventTime().toEpochMilli() - horizon.toMillis();
        try (KeyValueIterator<String, Fingerprint> it = members.prefixScan(bucket + "|", new StringSerializer())) {
            while (it.hasNext()) {
                Fingerprint m = it.next().value;
                if (m.id().equals(fp.id()) || !m.before(fp) || m.eventTime().toEpochMilli() < oldest) {
                    continue; // only an earlier copy within the horizon can be the original
                }
                double sim = MinHash.similarity(m.signature(), fp.signature());
                if (sim >= THRESHOLD && (original == null || m.before(original))) {
                    original = m;
                    best = sim;
                }
            }
        }
        members.put(bucket + "|" + fp.id(), fp);
        context.forward(record.withKey(fp.id()).withValue(new BandVerdict(fp.id(), band,
                original == null ? null : original.id(), original == null ? null : original.eventTime(), best)));
    }

    private void expire(long streamTime) {
        try (KeyValueIterator<String, Fingerprint> it = members.all()) {
            while (it.hasNext()) {
                KeyValue<String, Fingerprint> kv = it.next();
                if (kv.value.eventTime().toEpochMilli() < streamTime - horizon.toMillis()) {
                    members.delete(kv.key);
                }
            }
        }
    }
}
