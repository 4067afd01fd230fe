package dev.newsmon.processor.signals;

import dev.newsmon.common.Alert;
import dev.newsmon.common.ThemeSignal;
import dev.newsmon.processor.ProcessorMetrics;
import dev.newsmon.processor.alerts.AlertRules;
import dev.newsmon.processor.alerts.AlertState;
import dev.newsmon.processor.alerts.AlertStates;
import dev.newsmon.processor.alerts.RuleEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each subject's hop-sized buckets and, per theme, an event-time log of its articles. Every article is
 * judged in the window that ends with its OWN hop, and that window's signal is emitted at once.
 * <p>
 * Alerts are decided by replaying the theme's log in event-time order (time, then article id) from the new
 * article on, each article seeing only what precedes it; the rule memory (hysteresis, cooldown) is stored per
 * log entry, and an alert goes out when its deterministic id has not gone out before.
 * <p>
 * Guarantee: whatever the arrival order within grace, every alert that in-order processing raises goes out, with
 * the same id, as soon as the last article it depends on has arrived. Extra alerts are possible only when an
 * article was judged before an earlier one arrived; the wall-clock reorder buffer ({@code reorderHold}, released
 * in event-time order) removes those for disorder that reaches it within one burst, as in a backfill.
 * An article older than the latest event time taken in minus grace is counted in {@code late-records-total} and
 * never enters a window. Input is keyed by subject, so one task owns each subject's whole history.
 */
public final class SignalProcessor implements Processor<String, SubjectEvent, String, SignalOutput> {
    public static final String HOURS_STORE = "signal-buckets";
    public static final String DETAILS_STORE = "signal-details";
    /** Theme articles by subject, event time and id, each with the rule memory right after it. */
    public static final String EVENTS_STORE = "signal-events";
    /** Ids of alerts already sent: a replay that decides the same alert again stays quiet. */
    public static final String EMITTED_STORE = "alert-ids";
    public static final String REORDER_STORE = "signal-reorder";
    /** The latest event time the windows have taken in (one entry): lateness and expiry are judged against it. */
    public static final String FRONTIER_STORE = "signal-frontier";
    private static final String FRONTIER = "frontier";
    /** Latest signal per subject and window end (one point per hop), for the HTTP API. */
    public static final String SIGNAL_HISTORY_STORE = "signal-history";
    /** Alerts raised, by theme and event time, for the HTTP API. */
    public static final String ALERT_HISTORY_STORE = "alert-history";

    private static final long NOT_WAITING = Long.MAX_VALUE;

    private final SignalSettings settings;
    private final int shiftStories;
    private final long shiftLookbackBuckets;
    private final RuleEngine engine;
    private final Duration reorderHold;
    private ProcessorContext<String, SignalOutput> context;
    private KeyValueStore<String, HourStats> hours;
    private KeyValueStore<String, HourDetail> details;
    private KeyValueStore<String, LoggedEvent> events;
    private KeyValueStore<String, Long> emitted;
    private KeyValueStore<String, Buffered> reorder;
    private KeyValueStore<String, Long> frontier;
    private KeyValueStore<String, ThemeSignal> signalHistory;
    private KeyValueStore<String, Alert> alertHistory;
    private Sensor late;
    private long waitingSince = NOT_WAITING;
    private long lastArrival = NOT_WAITING;

    /** @param reorderHold how long (wall clock) events wait to be sorted by event time; zero processes at once */
    public SignalProcessor(AlertRules rules, Duration reorderHold) {
        this.settings = rules.signals();
        this.shiftStories = rules.shift().minStories();
        this.shiftLookbackBuckets = rules.shift().lookback().toMillis() / settings.hopMs();
        this.engine = new RuleEngine(rules);
        this.reorderHold = reorderHold;
    }

    @Override
    public void init(ProcessorContext<String, SignalOutput> context) {
        this.context = context;
        this.hours = context.getStateStore(HOURS_STORE);
        this.details = context.getStateStore(DETAILS_STORE);
        this.events = context.getStateStore(EVENTS_STORE);
        this.emitted = context.getStateStore(EMITTED_STORE);
        this.reorder = context.getStateStore(REORDER_STORE);
        this.frontier = context.getStateStore(FRONTIER_STORE);
        this.signalHistory = context.getStateStore(SIGNAL_HISTORY_STORE);
        this.alertHistory = context.getStateStore(ALERT_HISTORY_STORE);
        this.late = ProcessorMetrics.rateTotal(context, "signals", "late-records");
        // Event time, not wall-clock: a replay ages buckets out exactly as the live run did.
        context.schedule(settings.hop(), PunctuationType.STREAM_TIME, streamTime -> expire(frontier()));
        if (!reorderHold.isZero()) {
            try (KeyValueIterator<String, Buffered> it = reorder.all()) {
                if (it.hasNext()) {
                    waitingSince = 0; // restored after a restart: release at the first tick
                    lastArrival = 0;
                }
            }
            long tick = Math.max(10, Math.min(50, reorderHold.toMillis() / 5));
            context.schedule(Duration.ofMillis(tick), PunctuationType.WALL_CLOCK_TIME, this::release);
        }
    }

    @Override
    public void process(Record<String, SubjectEvent> record) {
        SubjectEvent e = record.value();
        if (e == null || e.duplicate()) {
            return; // syndicated copies count once: the first copy already moved the signal
        }
        if (reorderHold.isZero()) {
            apply(record.key(), record.timestamp(), e);
            return;
        }
        reorder.put(historyKey(record.key(), record.timestamp(), e.id()),
                new Buffered(record.key(), record.timestamp(), e));
        lastArrival = context.currentSystemTimeMs();
        if (waitingSince == NOT_WAITING) {
            waitingSince = lastArrival;
        }
    }

    /**
     * Releases every held event in event-time order once input has paused for the hold, or the oldest has waited
     * four holds: a lone live article waits one hold, and a burst (partitions interleaved, the syndication gate
     * answering in any order) is sorted as a whole for up to four. Longer holds would keep alerts from a burst
     * past the 2 s budget, and {@code up --once} could see the input drained while events are still held.
     */
    private void release(long wallClock) {
        long hold = reorderHold.toMillis();
        if (waitingSince == NOT_WAITING
                || (wallClock - lastArrival < hold && wallClock - waitingSince < 4 * hold)) {
            return;
        }
        List<Buffered> held = new ArrayList<>();
        try (KeyValueIterator<String, Buffered> it = reorder.all()) {
            it.forEachRemaining(kv -> held.add(kv.value));
        }
        waitingSince = NOT_WAITING;
        lastArrival = NOT_WAITING;
        held.sort(Comparator.comparingLong(Buffered::timestamp).thenComparing(Buffered::subject)
                .thenComparing(b -> b.event().id()));
        for (Buffered b : held) {
            reorder.delete(historyKey(b.subject(), b.timestamp(), b.event().id()));
            apply(b.subject(), b.timestamp(), b.event());
        }
    }

    private void apply(String subject, long t, SubjectEvent e) {
        long seen = frontier();
        if (t < seen - settings.grace().toMillis()) {
            late.record();
            return;
        }
        if (t > seen) {
            frontier.put(FRONTIER, t);
        }
        String logKey = historyKey(subject, t, e.id());
        boolean theme = e.theme() != null;
        if (theme && events.get(logKey) != null) {
            return; // this article already counts
        }
        long bucket = Math.floorDiv(t, settings.hopMs());
        String key = key(subject, bucket);
        HourStats before = hours.get(key);
        if (before == null) {
            before = HourStats.EMPTY;
        }
        hours.put(key, before.plus(e.tension(), e.cooperation()));
        HourDetail detail = details.get(key);
        details.put(key, (detail == null ? HourDetail.EMPTY : detail).plus(e));

        // The article's own window, so a late one is judged with its own hour, not one days ahead.
        NavigableMap<Long, HourStats> range = read(subject, SignalMath.oldestNeeded(settings, bucket), bucket);
        ThemeSignal signal = SignalMath.snapshot(subject, settings, bucket, bucket, range, before.stories(),
                shiftStories, shiftLookbackBuckets).signal();
        signalHistory.put(historyKey(subject, signal.windowEnd().toEpochMilli(), ""), signal);
        context.forward(new Record<>(subject, SignalOutput.of(signal), t));
        if (theme) {
            replayFrom(subject, t, logKey, e); // dyads have a signal but no alert topic of their own
        }
    }

    /**
     * Re-decides the alerts of every logged article from {@code e} on, in event-time order, as in-order
     * processing would have; sends those not sent before and stores each article's new rule memory.
     */
    private void replayFrom(String subject, long t, String logKey, SubjectEvent e) {
        long bucket = Math.floorDiv(t, settings.hopMs());
        long horizonMs = (bucket - SignalMath.oldestNeeded(settings, bucket)) * settings.hopMs();
        Map<String, AlertState> memory = new HashMap<>();
        // Memory older than what a window can see is forgotten, the same way whatever the arrival order.
        try (KeyValueIterator<String, LoggedEvent> it =
                     events.reverseRange(historyKey(subject, t - horizonMs, ""), logKey)) {
            if (it.hasNext()) {
                memory.putAll(it.next().value.after());
            }
        }
        NavigableMap<Long, HourStats> prefix = new TreeMap<>();
        try (KeyValueIterator<String, LoggedEvent> it = events.range(
                historyKey(subject, SignalMath.oldestNeeded(settings, bucket) * settings.hopMs(), ""), logKey)) {
            it.forEachRemaining(kv -> add(prefix, historyTime(kv.key), kv.value.event()));
        }
        events.put(logKey, new LoggedEvent(e, Map.of()));
        List<KeyValue<String, LoggedEvent>> todo = new ArrayList<>();
        try (KeyValueIterator<String, LoggedEvent> it = events.range(logKey, subject + "|~")) {
            it.forEachRemaining(todo::add);
        }
        AlertStates states = new AlertStates() {
            @Override
            public AlertState get(String k) {
                return memory.get(k);
            }

            @Override
            public void put(String k, AlertState state) {
                memory.put(k, state);
            }
        };
        long previous = t;
        for (KeyValue<String, LoggedEvent> kv : todo) {
            long at = historyTime(kv.key);
            if (at - previous > horizonMs) {
                memory.clear();
            }
            previous = at;
            SubjectEvent ev = kv.value.event();
            long b = Math.floorDiv(at, settings.hopMs());
            int storiesBefore = prefix.getOrDefault(b, HourStats.EMPTY).stories();
            add(prefix, at, ev);
            Snapshot snap = SignalMath.snapshot(subject, settings, b, b,
                    prefix.subMap(SignalMath.oldestNeeded(settings, b), true, b, true), storiesBefore,
                    shiftStories, shiftLookbackBuckets);
            for (Alert a : engine.evaluate(ev, snap, states, () -> windowDetail(subject, b))) {
                if (emitted.get(a.id()) == null) {
                    emitted.put(a.id(), a.windowEnd().toEpochMilli());
                    alertHistory.put(historyKey(a.theme(), a.raisedAt().toEpochMilli(), a.id()), a);
                    context.forward(new Record<>(a.theme(), SignalOutput.of(a), t));
                }
            }
            if (!memory.equals(kv.value.after())) {
                events.put(kv.key, new LoggedEvent(ev, memory));
            }
        }
    }

    private long frontier() {
        Long f = frontier.get(FRONTIER);
        return f == null ? Long.MIN_VALUE / 2 : f;
    }

    private void add(NavigableMap<Long, HourStats> buckets, long at, SubjectEvent e) {
        buckets.merge(Math.floorDiv(at, settings.hopMs()), HourStats.EMPTY.plus(e.tension(), e.cooperation()),
                HourStats::plus);
    }

    private HourDetail windowDetail(String subject, long end) {
        HourDetail all = HourDetail.EMPTY;
        for (long b = end - settings.bucketsPerWindow() + 1; b <= end; b++) {
            HourDetail d = details.get(key(subject, b));
            if (d != null) {
                all = all.plus(d);
            }
        }
        return all;
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

    private void expire(long seen) {
        long oldest = SignalMath.oldestNeeded(settings, Math.floorDiv(seen, settings.hopMs()))
                - settings.grace().toMillis() / settings.hopMs() - 1;
        long oldestMs = oldest * settings.hopMs();
        expireHistory(signalHistory, oldestMs);
        expireHistory(alertHistory, oldestMs);
        expireHistory(events, oldestMs);
        try (KeyValueIterator<String, Long> it = emitted.all()) {
            while (it.hasNext()) {
                KeyValue<String, Long> kv = it.next();
                if (kv.value < oldestMs) {
                    emitted.delete(kv.key);
                }
            }
        }
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
