package dev.newsmon.common;

import java.time.Instant;
import java.util.List;

/**
 * An article after classification and scoring, on {@link Topics#CLASSIFIED}, keyed by article id.
 * Scores are in [0,1]; every score carries the evidence that produced it.
 */
public record ClassifiedArticle(
        String id,
        String url,
        String source,
        String title,
        String lang,
        Instant published,
        Instant eventTime,
        List<ThemeMatch> themes,
        double tension,
        double cooperation,
        List<Cue> cues,
        List<String> actors,
        List<Dyad> dyads,
        String duplicateOf) {

    public ClassifiedArticle {
        themes = themes == null ? List.of() : List.copyOf(themes);
        cues = cues == null ? List.of() : List.copyOf(cues);
        actors = actors == null ? List.of() : List.copyOf(actors);
        dyads = dyads == null ? List.of() : List.copyOf(dyads);
    }

    public boolean about(String theme) {
        return themes.stream().anyMatch(t -> t.theme().equals(theme));
    }

    public ClassifiedArticle withDuplicateOf(String originalId) {
        return new ClassifiedArticle(id, url, source, title, lang, published, eventTime,
                themes, tension, cooperation, cues, actors, dyads, originalId);
    }

    /** A theme the article is about, how strongly, and the terms that fired. */
    public record ThemeMatch(String theme, double score, List<Evidence> evidence) {
        public ThemeMatch {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    /** A term that fired: which sentence (0-based) and at which character offset in the body. */
    public record Evidence(String term, int sentence, int offset, double weight) {
    }

    /**
     * A tension or cooperation cue. {@code modifier} says what shifted its weight
     * ("negated", "hedged", "intensified"), or is null.
     */
    public record Cue(String cue, Polarity polarity, int sentence, double weight, String modifier) {
    }

    /** A directed pair of actors found in one sentence, with that pair's own scores. */
    public record Dyad(String from, String to, double tension, double cooperation) {
    }

    public enum Polarity { tension, cooperation }
}
