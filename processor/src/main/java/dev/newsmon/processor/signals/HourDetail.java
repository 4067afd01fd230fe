package dev.newsmon.processor.signals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an alert needs to say "why" for one subject and bucket: the strongest articles and the cue weights.
 * Kept apart from {@link HourStats} so computing a signal reads only small sums.
 */
public record HourDetail(List<TopArticle> articles, Map<String, Double> tensionCues,
                         Map<String, Double> cooperationCues) {
    /** Enough to name the top three per kind after ties; more would only grow the changelog. */
    static final int MAX_ARTICLES = 6;
    static final int MAX_CUES = 12;

    public static final HourDetail EMPTY = new HourDetail(List.of(), Map.of(), Map.of());

    public HourDetail {
        articles = articles == null ? List.of() : List.copyOf(articles);
        tensionCues = tensionCues == null ? Map.of() : Map.copyOf(tensionCues);
        cooperationCues = cooperationCues == null ? Map.of() : Map.copyOf(cooperationCues);
    }

    public record TopArticle(String id, String title, String url, double tension, double cooperation,
                             double relevance) {
        double strength() {
            return Math.max(tension, cooperation);
        }
    }

    public HourDetail plus(SubjectEvent e) {
        List<TopArticle> list = new ArrayList<>(articles);
        list.add(new TopArticle(e.id(), e.title(), e.url(), e.tension(), e.cooperation(), e.relevance()));
        list.sort(Comparator.comparingDouble(TopArticle::strength).reversed().thenComparing(TopArticle::id));
        return new HourDetail(list.subList(0, Math.min(MAX_ARTICLES, list.size())),
                merge(tensionCues, e.tensionCues()), merge(cooperationCues, e.cooperationCues()));
    }

    public HourDetail plus(HourDetail other) {
        List<TopArticle> list = new ArrayList<>(articles);
        list.addAll(other.articles);
        return new HourDetail(list, merge(tensionCues, other.tensionCues),
                merge(cooperationCues, other.cooperationCues));
    }

    private static Map<String, Double> merge(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> m = new HashMap<>(a);
        b.forEach((k, v) -> m.merge(k, v, Double::sum));
        if (m.size() <= MAX_CUES) {
            return m;
        }
        Map<String, Double> top = new HashMap<>();
        m.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_CUES)
                .forEach(en -> top.put(en.getKey(), en.getValue()));
        return top;
    }
}
