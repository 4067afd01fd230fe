package dev.newsmon.processor.signals;

import java.time.Instant;
import java.util.Map;

/**
 * One article's contribution to one subject's signal: a theme (then {@code theme} is set) or a dyad such as
 * "dyad:china>south_korea". This is what crosses the by-subject repartition topic, so it carries only what
 * signals and alert texts need, not the article body.
 */
public record SubjectEvent(
        String subject,
        String theme,
        String id,
        String title,
        String url,
        Instant eventTime,
        double tension,
        double cooperation,
        double relevance,
        boolean duplicate,
        Map<String, Double> tensionCues,
        Map<String, Double> cooperationCues) {

    public SubjectEvent {
        tensionCues = tensionCues == null ? Map.of() : Map.copyOf(tensionCues);
        cooperationCues = cooperationCues == null ? Map.of() : Map.copyOf(cooperationCues);
    }
}
