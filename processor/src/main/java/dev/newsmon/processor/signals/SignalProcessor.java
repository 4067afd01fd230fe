package dev.newsmon.processor.signals;

import dev.newsmon.common.Alert;
import dev.newsmon.common.ThemeSignal;
import dev.newsmon.processor.ProcessorMetrics;
import dev.newsmon.processor.alerts.AlertRules;
import dev.newsmon.processor.alerts.AlertState;
import dev.newsmon.processor.alerts.AlertStates;
import dev.newsmon.processor.alerts.RuleEngine;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each subject's hop-sized buckets; for every article it emits the subject's signal for the current window
 * (ending with stream time) and runs the alert rules at once. An out-of-order record within the grace period
 * updates its bucket; an older one is counted in {@code late-records-total} and skipped.
 * Input is keyed by subject, so one task owns each subject's whole history.
 */
public final class SignalProcessor implements Processor<String, SubjectEvent, String, SignalOutput> {
    public static final String HOURS_STORE = "signal-buckets";
    public static final String DETAILS_STORE = "signal-details";
    public static final String ALERT_STATE_STORE = "alert-state";
    /** Latest signal per subject and window end (one point per hop), for the HTTP API. */
    public static final String SIGNAL_HISTORY_STORE = "signal-history";
    /** Alerts raised, by theme and event time, for the HTTP API. */
    public static final String ALERT_HISTORY_STORE = "alert-history";

    private final SignalSettings settings;
    private final int shiftStories;
    private final long shiftLookbackBuckets;
    private final RuleEngine engine;
    private ProcessorContext<String, SignalOutput> context;
    private KeyValueStore<String, HourStats> hours;
    private KeyValueStore<String, HourDetail> details;
    private KeyValueStore<String, ThemeSignal> signalHistory;
    private KeyValueStore<String, Alert> alertHistory;
    private AlertStates alertStates;
    private Sensor late;

    public SignalProcessor(AlertRules rules) {
        this.settings = rules.signals();
        this.shiftStories = rules.shift().minStories();
        this.shiftLookbackBuckets = rules.shift().lookback().toMillis() / settings.hopMs();
        this.engine = new RuleEngine(rules);
    }

    @Override
    public void init(ProcessorContext<String, SignalOutput> context) {
        this.context = context;
        this.hours = context.getStateStore(HOURS_STORE);
        this.details = context.getStateStore(DETAILS_STORE);
        this.signalHistory = context.getStateStore(SIGNAL_HISTORY_STORE);
        this.alertHistory = context.getStateStore(ALERT_HISTORY_STORE);
        KeyValueStore<String, AlertState> states = context.getStateStore(ALERT_STATE_STORE);
        this.alertStates = new AlertStates() {
            @Override
            public AlertState get(String key) {
                return states.get(key);
            }

            @Override
            public void put(String key, AlertState state) {
                states.put(key, state);
            }
        };
        this.late = ProcessorMetrics.rateTotal(context, "signals", "late-records");
        // Stream time, not wall-clock: a replay ages buckets out exactly as the live run did.
        context.schedule(settings.hop(), PunctuationType.STREAM_TIME, this::expire);
    }

    @Override
    public void process(Record<String, SubjectEvent> record) {
        SubjectEvent e = record.value();
        if (e == null || e.duplicate()) {
            return; // syndicated copies count once: the first copy already moved the signal
        }
        long t = record.timestamp();
        if (t < context.currentStreamTimeMs() - settings.grace().toMillis()) {
            late.record();
            return;
        }
        String subject = record.key();
        long bucket = Math.floorDiv(t, settings.hopMs());
        String key = key(subject, bucket);
        HourStats before = hours.get(key);
        if (before == null) {
            before = HourStats.EMPTY;
        }
        hours.put(key, before.plus(e.tension(), e.cooperation()));
        HourDetail detail = details.get(key);
        details.put(key, (detail == null ? HourDetail.EMPTY : detail).plus(e));

        long now = Math.max(bucket, Math.floorDiv(context.currentStreamTimeMs(), settings.hopMs()));
        NavigableMap<Long, HourStats> range = read(subject, SignalMath.oldestNeeded(settings, now), now);
        Snapshot snap = SignalMath.snapshot(subject, settings, now, bucket, range, before.stories(),
                shiftStories, shiftLookbackBuckets);
        signalHistory.put(historyKey(subject, snap.signal().windowEnd().toEpochMilli(), ""), snap.signal());
        context.forward(record.withValue(SignalOutput.of(snap.signal())));
        if (e.theme() == null) {
            return; // dyads have a signal but no alert topic of their own
        }
        Supplier<HourDetail> windowDetail = () -> {
            HourDetail all = HourDetail.EMPTY;
            for (long b = now - settings.bucketsPerWindow() + 1; b <= now; b++) {
                HourDetail d = details.get(key(subject, b));
                if (d != null) {
                    all = all.plus(d);
                }
            }
            return all;
        };
        for (Alert a : engine.evaluate(e, snap, alertStates, windowDetail)) {
            alertHistory.put(historyKey(a.theme(), a.raisedAt().toEpochMilli(), a.id()), a);
            context.forward(record.withKey(a.theme()).withValue(SignalOutput.of(a)));
        }
    }

    private NavigableMap<Long, HourStats> read(String subject, long from, long to) {
        NavigableMap<Long, HourStats> m = new TreeMap<>();
        try (KeyValueIterator<String, HourStats> it = hours.range(key(subject, from), key(subject, to))) {
            while (it.hasNext()) {
                KeyValue<String, HourStats> kv = it.next();
                m.put(bucketOf(kv.key), kv.value);
            }
        }
        return m;
    }

    private void expire(long streamTime) {
        long oldest = SignalMath.oldestNeeded(settings, Math.floorDiv(streamTime, settings.hopMs()))
                - settings.grace().toMillis() / settings.hopMs() - 1;
        long oldestMs = oldest * settings.hopMs();
        expireHistory(signalHistory, oldestMs);
        expireHistory(alertHistory, oldestMs);
        try (KeyValueIterator<String, HourStats> it = hours.all()) {
            while (it.hasNext()) {
                String k = it.next().key;
                if (bucketOf(k) < oldest) {
                    hours.delete(k);
                    details.delete(k);
                }
            }
        }
    }

    private static <V> void expireHistory(KeyValueStore<String, V> store, long oldestMs) {
        try (KeyValueIterator<String, V> it = store.all()) {
            while (it.hasNext()) {
                String k = it.next().key;
                if (historyTime(k) < oldestMs) {
                    store.delete(k);
                }
            }
        }
    }

    /** "subject|millis|suffix", millis zero-padded so a range scan over one subject is a time range. */
    public static String historyKey(String subject, long millis, String suffix) {
        return subject + "|" + String.format(Locale.ROOT, "%013d", Math.max(0, millis)) + "|" + suffix;
    }

    static long historyTime(String key) {
        int a = key.indexOf('|');
        return Long.parseLong(key.substring(a + 1, key.indexOf('|', a + 1)));
    }

    /** Zero-padded so the store's byte order is time order within a subject and range scans work. */
    static String key(String subject, long bucket) {
        return subject + "|" + String.format(Locale.ROOT, "%012d", Math.max(0, bucket));
    }

    static long bucketOf(String key) {
        return Long.parseLong(key.substring(key.lastIndexOf('|') + 1));
    }
}
