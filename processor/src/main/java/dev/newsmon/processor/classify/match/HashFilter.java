package dev.newsmon.processor.classify.match;

/**
 * A one-hash Bloom filter over 64-bit token and phrase hashes: 8 KB, so it stays in L1 while an article is
 * matched. "Maybe" means probe the real table; "no" is certain.
 */
final class HashFilter {
    private static final int BITS = 16;
    private final long[] words = new long[(1 << BITS) / 64];

    /** A multiply spreads every bit of the hash into the bucket number. */
    static int bucket(long hash) {
        return (int) ((hash * 0x9E3779B97F4A7C15L) >>> (64 - BITS));
    }

    void add(long hash) {
        int b = bucket(hash);
        words[b >>> 6] |= 1L << b;
    }

    boolean mayContain(long hash) {
        int b = bucket(hash);
        return (words[b >>> 6] & (1L << b)) != 0;
    }

    HashFilter copy() {
        HashFilter c = new HashFilter();
        System.arraycopy(words, 0, c.words, 0, words.length);
        return c;
    }
}
