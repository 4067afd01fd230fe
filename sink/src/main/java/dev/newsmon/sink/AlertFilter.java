package dev.newsmon.sink;

import dev.newsmon.common.Alert;
import dev.newsmon.common.Severity;
import java.util.Set;

/** Which alerts this sink delivers: an empty theme set means every theme. */
public record AlertFilter(Set<String> themes, Severity minSeverity) {
    public static final AlertFilter ALL = new AlertFilter(Set.of(), Severity.INFO);

    public AlertFilter {
        themes = themes == null ? Set.of() : Set.copyOf(themes);
        minSeverity = minSeverity == null ? Severity.INFO : minSeverity;
    }

    public boolean accepts(Alert a) {
        return (themes.isEmpty() || themes.contains(a.theme())) && a.severity().atLeast(minSeverity);
    }
}
