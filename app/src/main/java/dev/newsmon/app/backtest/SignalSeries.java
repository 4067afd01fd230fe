package dev.newsmon.app.backtest;

import dev.newsmon.common.ThemeSignal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Per-subject signal series with one point per window end, the latest signal winning: the rule the processor's
 * signal-history store (and so {@code /api/signals}) applies, so the CSV and the API show the same series.
 */
public final class SignalSeries {
    private final Map<String, NavigableMap<Instant, ThemeSignal>> bySubject = new TreeMap<>();

    public void add(ThemeSignal s) {
        bySubject.computeIfAbsent(s.subject(), k -> new TreeMap<>()).put(s.windowEnd(), s);
    }

    public Set<String> subjects() {
        return bySubject.keySet();
    }

    /** The subject's points in window-end order; empty when it never had a signal. */
    public List<ThemeSignal> of(String subject) {
        NavigableMap<Instant, ThemeSignal> m = bySubject.get(subject);
        return m == null ? List.of() : new ArrayList<>(m.values());
    }
}
