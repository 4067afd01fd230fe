package dev.newsmon.sink.digest;

import dev.newsmon.common.Alert;
import dev.newsmon.common.Severity;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** One theme's alerts over one digest period, delivered as a single message. */
public record AlertDigest(String theme, Instant periodStart, Instant periodEnd, List<Alert> alerts) {
    public AlertDigest {
        alerts = List.copyOf(alerts);
    }

    public Severity highest() {
        return alerts.stream().map(Alert::severity).max(Comparator.naturalOrder()).orElse(Severity.INFO);
    }

    public long count(Severity severity) {
        return alerts.stream().filter(a -> a.severity() == severity).count();
    }
}
