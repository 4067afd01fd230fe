package dev.newsmon.processor.classify;

import dev.newsmon.common.ClassifiedArticle;

import java.util.List;

/**
 * A classification plus what a reader needs to see why: the sentences (as character spans) and the spans
 * of every theme term and cue that counted. Built only for {@code newsmon classify --explain}, never on the hot path.
 */
public record Explained(ClassifiedArticle result, List<Span> sentences, List<Span> highlights,
                        List<SentenceTone> tones) {
    public Explained {
        sentences = List.copyOf(sentences);
        highlights = List.copyOf(highlights);
        tones = List.copyOf(tones);
    }

    /** The per-sentence scores the article's tension and cooperation are built from. */
    public record SentenceTone(int sentence, double weight, double tension, double cooperation) {
    }

    /**
     * A span of the title (sentence -1) or body. {@code label} is the theme name, "tension" or "cooperation"
     * for highlights and null for sentences.
     */
    public record Span(int sentence, int start, int end, String label) {
    }
}
