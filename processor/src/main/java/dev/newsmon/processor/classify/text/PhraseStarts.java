package dev.newsmon.processor.classify.text;

/** Tells the tokenizer which tokens may start a lexicon phrase, so the matcher visits only those. */
public interface PhraseStarts {
    /**
     * 1 if a phrase may start at a token with hash {@code token} followed by one with hash {@code next} (0 at
     * the end of the text), else 0. "May" allows false positives, never false negatives.
     */
    int mayStart(long token, long next);
}
