package dev.newsmon.processor.classify.text;

import java.util.Arrays;

/**
 * The tokens of one article (title first, then body) as parallel arrays, so analysis allocates a handful of
 * arrays per article instead of an object per token. Sentence 0 is the title; body sentences follow.
 */
public final class Tokens {
    public int size;
    public long[] hash = new long[256];
    /** Character offsets into the title (sentence 0) or the body (every other sentence). */
    public int[] start = new int[256];
    public int[] end = new int[256];
    public int[] sentence = new int[256];
    /** Increments at commas, colons, dashes and brackets: negation does not reach across them. */
    public int[] clause = new int[256];

    public int sentences;
    /** How much a sentence counts: the title more, captions and related-story lines less, repeated lines not at all. */
    public float[] sentenceWeight = new float[64];

    void clear() {
        size = 0;
        sentences = 0;
    }

    /** Makes room for {@code more} tokens, so the tokenizer's inner loop needs no capacity checks. */
    void reserve(int more) {
        int need = size + more;
        if (need > hash.length) {
            int n = Math.max(need, hash.length * 2);
            hash = Arrays.copyOf(hash, n);
            start = Arrays.copyOf(start, n);
            end = Arrays.copyOf(end, n);
            sentence = Arrays.copyOf(sentence, n);
            clause = Arrays.copyOf(clause, n);
        }
    }

    void sentenceWeight(int sent, float w) {
        if (sent >= sentenceWeight.length) {
            sentenceWeight = Arrays.copyOf(sentenceWeight, Math.max(sent + 1, sentenceWeight.length * 2));
        }
        sentenceWeight[sent] = w;
    }

    /** The body sentence number a reader sees: -1 for the title, 0 for the first body sentence. */
    public static int publicSentence(int internal) {
        return internal - 1;
    }
}
