package dev.newsmon.common;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An alert on {@code news.alerts.<theme>}, keyed by theme. {@code id} is derived from theme, kind and
 * triggering window, so a replay or a retry yields the same id and the sink can drop repeats.
 * {@code raisedAt} is the event time of the triggering article, not wall-clock time, for the same reason.
 */
public record Alert(
        String id,
        String theme,
        String kind,
        Severity severity,
        Instant windowStart,
        Instant windowEnd,
        Map<String, Double> metrics,
        String explanation,
        List<AlertArticle> articles,
        List<String> topCues,
        Instant raisedAt) {

    public Alert {
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        articles = articles == null ? List.of() : List.copyOf(articles);
        topCues = topCues == null ? List.of() : List.copyOf(topCues);
    }

    /** An article behind an alert, with the score it contributed. */
    public record AlertArticle(String id, String title, String url, double score) {
    }
}
