package dev.newsmon.processor.signals;

import dev.newsmon.processor.alerts.AlertState;
import java.util.Map;

/**
 * One theme article in the subject's event-time log, with the rule memory (theme+kind to state) as it stands
 * right after this article in event-time order; a late article re-derives the memory of everything after it.
 */
public record LoggedEvent(SubjectEvent event, Map<String, AlertState> after) {
    public LoggedEvent {
        after = after == null ? Map.of() : Map.copyOf(after);
    }
}
