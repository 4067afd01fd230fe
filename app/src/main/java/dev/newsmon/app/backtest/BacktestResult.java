package dev.newsmon.app.backtest;

import dev.newsmon.common.Alert;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a backtest saw: input and pipeline counts, the alerts in the order they were raised, and the signal series.
 *
 * @param onTheme    classified articles that matched at least one theme
 * @param duplicates exact repeats dropped plus syndicated copies marked
 */
public record BacktestResult(int articles, int classified, int onTheme, long duplicates, long late,
                             int deadLetters, List<Alert> alerts, SignalSeries signals) {

    /** theme -> kind -> count, both sorted, for a stable summary. */
    public Map<String, Map<String, Integer>> alertsByThemeAndKind() {
        Map<String, Map<String, Integer>> m = new TreeMap<>();
        for (Alert a : alerts) {
            m.computeIfAbsent(a.theme(), t -> new TreeMap<>()).merge(a.kind(), 1, Integer::sum);
        }
        return m;
    }

    /** E.g. "76 articles, 76 classified (57 on a theme), 1 duplicate, 0 late, 0 dead letters, 2 alerts (taiwan: SHIFT 2)". */
    public String summary() {
        StringBuilder s = new StringBuilder()
                .append(articles).append(articles == 1 ? " article, " : " articles, ")
                .append(classified).append(" classified (").append(onTheme).append(" on a theme), ")
                .append(duplicates).append(duplicates == 1 ? " duplicate, " : " duplicates, ")
                .append(late).append(" late, ")
                .append(deadLetters).append(deadLetters == 1 ? " dead letter, " : " dead letters, ")
                .append(alerts.size()).append(alerts.size() == 1 ? " alert" : " alerts");
        String sep = " (";
        for (Map.Entry<String, Map<String, Integer>> theme : alertsByThemeAndKind().entrySet()) {
            s.append(sep).append(theme.getKey()).append(':');
            String kindSep = " ";
            for (Map.Entry<String, Integer> kind : theme.getValue().entrySet()) {
                s.append(kindSep).append(kind.getKey()).append(' ').append(kind.getValue());
                kindSep = ", ";
            }
            sep = "; ";
        }
        return alerts.isEmpty() ? s.toString() : s.append(')').toString();
    }
}
