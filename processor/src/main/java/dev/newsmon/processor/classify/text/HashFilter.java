package dev.newsmon.processor.classify.text;

/**
 * A one-hash Bloom filter over 64-bit token and phrase hashes: 8 KB, so it stays in L1 while an article is
 * matched. "Maybe" means probe the real table; "no" is certain.
 */
public final class HashFilter {
    private static final int BITS = 16;
    private final long[] words = new long[(1 << BITS) / 64];

    /** Short words' hashes differ little in their high bits: spread them before taking a bucket. */
    static int bucket(long hash) {
        return (int) ((hash * 0x9E3779B97F4A7C15L) >>> (64 - BITS));
    }

    public void add(long hash) {
        int b = bucket(hash);
        words[b >>> 6] |= 1L << b;
    }

    public boolean mayContain(long hash) {
        int b = bucket(hash);
        return (words[b >>> 6] & (1L << b)) != 0;
    }

    /** 1 if the hash may be in the filter, else 0: for branch-free loops. */
    public int bit(long hash) {
        int b = bucket(hash);
        return (int) (words[b >>> 6] >>> b) & 1;
    }

    public HashFilter copy() {
        HashFilter c = new HashFilter();
        System.arraycopy(words, 0, c.words, 0, words.length);
        return c;
    }
}
