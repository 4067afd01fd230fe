package dev.newsmon.processor;

import dev.newsmon.common.Alert;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ingest times of the articles this JVM validated lately, by id. Alerts released by a punctuator (the signal
 * stage's reorder buffer) no longer carry the triggering record's header, so the alert latency looks their
 * articles up here; an article validated on another instance is simply not timed.
 */
final class IngestTimes {
    private static final int CAPACITY = 50_000;
    private static final Map<String, Long> RECENT = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > CAPACITY;
        }
    };

    private IngestTimes() {
    }

    static synchronized void put(String id, long ingestedMillis) {
        RECENT.put(id, ingestedMillis);
    }

    /** The latest ingest time among the alert's articles (its newest is the one that tipped it), or -1. */
    static synchronized long newest(Alert alert) {
        long newest = -1;
        for (Alert.AlertArticle a : alert.articles()) {
            Long t = RECENT.get(a.id());
            if (t != null && t > newest) {
                newest = t;
            }
        }
        return newest;
    }
}
