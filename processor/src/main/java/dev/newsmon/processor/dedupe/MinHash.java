package dev.newsmon.processor.dedupe;

import java.util.Locale;

/**
 * MinHash signatures over word shingles, banded for LSH. Two texts' signatures agree in a position with probability
 * equal to the Jaccard similarity of their shingle sets, so small edits and different boilerplate keep most bands.
 */
public final class MinHash {
    public static final int SHINGLE_WORDS = 3;
    public static final int BANDS = 16;
    public static final int ROWS = 4;
    public static final int SIZE = BANDS * ROWS;

    private static final long[] SEEDS = new long[SIZE];

    static {
        long x = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < SIZE; i++) {
            x += 0x9E3779B97F4A7C15L;
            SEEDS[i] = mix(x);
        }
    }

    private MinHash() {
    }

    /** Signature of a text: for each seed, the smallest hash over its word shingles. */
    public static long[] signature(String text) {
        long[] sig = new long[SIZE];
        java.util.Arrays.fill(sig, Long.MAX_VALUE);
        long[] window = new long[SHINGLE_WORDS];
        int words = 0;
        String lower = text.toLowerCase(Locale.ROOT);
        int i = 0;
        int n = lower.length();
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(lower.charAt(i))) {
                i++;
            }
            int start = i;
            long h = 0xcbf29ce484222325L;
            while (i < n && Character.isLetterOrDigit(lower.charAt(i))) {
                h = (h ^ lower.charAt(i)) * 0x100000001b3L;
                i++;
            }
            if (i == start) {
                break;
            }
            window[words % SHINGLE_WORDS] = h;
            words++;
            if (words >= SHINGLE_WORDS) {
                long shingle = 0;
                for (int k = 0; k < SHINGLE_WORDS; k++) {
                    shingle = shingle * 31 + window[(words + k) % SHINGLE_WORDS];
                }
                for (int s = 0; s < SIZE; s++) {
                    long v = mix(shingle ^ SEEDS[s]);
                    if (v < sig[s]) {
                        sig[s] = v;
                    }
                }
            }
        }
        return sig;
    }

    /** Estimated Jaccard similarity: the share of positions where the signatures agree. */
    public static double similarity(long[] a, long[] b) {
        int same = 0;
        for (int i = 0; i < SIZE; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / SIZE;
    }

    /** The LSH bucket of one band: texts that share it are candidates, compared on the full signature. */
    public static String bandKey(long[] sig, int band) {
        long h = band;
        for (int r = 0; r < ROWS; r++) {
            h = mix(h * 31 + sig[band * ROWS + r]);
        }
        return band + ":" + Long.toHexString(h);
    }

    /** murmur3's 64-bit finaliser: cheap, and every input bit moves every output bit. */
    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
