package dev.newsmon.sink.digest;

import dev.newsmon.sink.Delivery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Collects each theme's alerts per period (aligned to the epoch in UTC, so "1h" means whole hours) and
 * hands every closed period to an {@link Emitter} as one digest. An alert's future completes when its
 * digest has been emitted and delivered, which is when the sink may commit its offset.
 */
public final class DigestBuffer {
    private final long periodMillis;
    private final Map<Key, Bucket> open = new LinkedHashMap<>();
    private final Map<String, CompletableFuture<Void>> byId = new HashMap<>();

    /** Delivers one digest; the future completes when every destination has it (or handed it off). */
    @FunctionalInterface
    public interface Emitter {
        CompletableFuture<Void> emit(String theme, Instant start, Instant end, List<Delivery> deliveries);
    }

    private record Key(String theme, long start) {
    }

    private static final class Bucket {
        final List<Delivery> deliveries = new ArrayList<>();
        final CompletableFuture<Void> done = new CompletableFuture<>();
    }

    public DigestBuffer(Duration period) {
        if (period.toMillis() < 1000) {
            throw new IllegalArgumentException("digest period must be at least 1s, got " + period);
        }
        this.periodMillis = period.toMillis();
    }

    /** Adds the alert to its theme's current period; an id seen before in this run shares that digest. */
    public CompletableFuture<Void> add(Delivery d, Instant now) {
        CompletableFuture<Void> known = byId.get(d.alert().id());
        if (known != null) {
            return known;
        }
        long start = Math.floorDiv(now.toEpochMilli(), periodMillis) * periodMillis;
        Bucket b = open.computeIfAbsent(new Key(d.alert().theme(), start), k -> new Bucket());
        b.deliveries.add(d);
        byId.put(d.alert().id(), b.done);
        return b.done;
    }

    /** Emits every period that ended at or before {@code now}. */
    public void emitDue(Instant now, Emitter emitter) {
        for (Iterator<Map.Entry<Key, Bucket>> it = open.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Bucket> e = it.next();
            long end = e.getKey().start() + periodMillis;
            if (end <= now.toEpochMilli()) {
                it.remove();
                Bucket b = e.getValue();
                b.deliveries.forEach(d -> byId.remove(d.alert().id()));
                try {
                    emitter.emit(e.getKey().theme(), Instant.ofEpochMilli(e.getKey().start()), Instant.ofEpochMilli(end),
                            List.copyOf(b.deliveries)).whenComplete((v, err) -> {
                                if (err == null) {
                                    b.done.complete(null);
                                } else {
                                    b.done.completeExceptionally(err);
                                }
                            });
                } catch (RuntimeException err) {
                    b.done.completeExceptionally(err);
                }
            }
        }
    }

    public int pending() {
        return byId.size();
    }
}
