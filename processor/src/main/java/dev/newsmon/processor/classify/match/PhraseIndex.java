package dev.newsmon.processor.classify.match;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every lexicon phrase of every theme, actor and cue in one open-addressing table keyed by the rolling hash
 * of its token sequence. Matching probes n-grams from each token where a phrase may start ({@link #starts}) and
 * stops as soon as no phrase has that prefix, so one pass over the tokens finds every term: no regex per term.
 * Immutable once built.
 */
public final class PhraseIndex {
    // What a slot holds next to its key, packed in one long so a hit reads one cache line.
    private static final int RANGE_BITS = 24;
    private static final long RANGE_MASK = (1L << RANGE_BITS) - 1;
    private static final long PHRASE = 1L << 48;
    /** Some longer phrase begins with the key: without it, matching stops and spares a probe that would miss. */
    private static final long EXTENDABLE = 1L << 49;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    /** 1024 words of 64 bits: 8 KB, an L1-sized filter for about two thousand phrase starts. */
    private static final int START_WORD_SHIFT = 54;
    /** Which bits of a token's hash times GOLDEN pick its bit in a word, as first token and as second. */
    private static final int ONE_TOKEN_BIT = 48;
    private static final int SECOND_TOKEN_BIT = 42;

    /** Key at 2i, and at 2i+1 the payload range (from, to) and the PHRASE and EXTENDABLE bits. */
    private final long[] table;
    private final int[] payloads;    // flattened payload ids
    private final int mask;
    private final int maxLength;
    /** Every key in the table (a phrase or a prefix): most n-grams extend none, and stop here without a probe. */
    private final HashFilter keys;
    /**
     * Where phrases may start, as a blocked filter: the first token picks one word, in which one bit stands for
     * "a one-token phrase" and another for "a longer phrase (or prefix) with this second token". One load per
     * token decides both.
     */
    private final long[] startWords;
    private final int size;

    private PhraseIndex(long[] table, int[] payloads, int maxLength, HashFilter keys, long[] startWords, int size) {
        this.table = table;
        this.payloads = payloads;
        this.mask = table.length / 2 - 1;
        this.maxLength = maxLength;
        this.keys = keys;
        this.startWords = startWords;
        this.size = size;
    }

    /**
     * Lists in {@code out} the tokens where a phrase may start: a one-token phrase, or the first two tokens of a
     * longer one (or of its prefix). No branch per token, one multiply and one load: a third of all tokens begin
     * some lexicon entry ("the", "not", country names), too many and too unpredictable for a branch.
     * Returns how many; {@code out} needs room for {@code n}.
     */
    public int starts(long[] hashes, int n, int[] out) {
        if (n == 0) {
            return 0;
        }
        final long[] words = startWords;
        int count = 0;
        long m = hashes[0] * GOLDEN;
        for (int i = 0; i < n - 1; i++) {
            long next = hashes[i + 1] * GOLDEN;
            long word = words[(int) (m >>> START_WORD_SHIFT)];
            out[count] = i;
            count += (int) ((word >>> (m >>> ONE_TOKEN_BIT)) | (word >>> (next >>> SECOND_TOKEN_BIT))) & 1;
            m = next;
        }
        long word = words[(int) (m >>> START_WORD_SHIFT)];
        out[count] = n - 1;
        return count + ((int) (word >>> (m >>> ONE_TOKEN_BIT)) & 1); // the last token has no second
    }

    /** False when neither a phrase nor a phrase prefix has this key; true means "probe to be sure". */
    public boolean mayContain(long key) {
        return keys.mayContain(key);
    }

    /** Phrases and phrase prefixes in the table. */
    public int size() {
        return size;
    }

    public int maxLength() {
        return maxLength;
    }

    /** Extends a phrase key by one token. Key 0 means "empty". */
    public static long extend(long key, long tokenHash) {
        long k = key == 0 ? tokenHash : Long.rotateLeft(key * GOLDEN, 29) ^ tokenHash;
        return k == 0 ? 1 : k;
    }

    /**
     * What the table holds for a key (a phrase, a prefix of longer ones, or both), or 0 if it holds nothing:
     * read it with the static methods below. One probe, and no second read of the slot.
     */
    public long info(long key) {
        final long[] t = table;
        int i = (int) (mix(key) & mask) << 1;
        final int wrap = t.length - 1;
        while (true) {
            long k = t[i];
            if (k == key) {
                return t[i + 1];
            }
            if (k == 0) {
                return 0;
            }
            i = (i + 2) & wrap;
        }
    }

    /** True if the key is a full phrase (not only a prefix of longer ones). */
    public static boolean isPhrase(long info) {
        return (info & PHRASE) != 0;
    }

    /** True if some longer phrase begins with the key. */
    public static boolean isExtendable(long info) {
        return (info & EXTENDABLE) != 0;
    }

    public static int payloadFrom(long info) {
        return (int) (info & RANGE_MASK);
    }

    public static int payloadTo(long info) {
        return (int) ((info >>> RANGE_BITS) & RANGE_MASK);
    }

    public int payload(int i) {
        return payloads[i];
    }

    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        return k;
    }

    /** Collects phrases (as token hashes) with integer payloads, then freezes them into a table. */
    public static final class Builder {
        private final Map<Long, List<Integer>> phrases = new LinkedHashMap<>();
        private final Map<Long, Boolean> prefixes = new LinkedHashMap<>();
        private final HashFilter keys = new HashFilter();
        private final long[] startWords = new long[1 << (64 - START_WORD_SHIFT)];
        private int maxLength;

        public void add(long[] tokens, int payload) {
            if (tokens.length == 0) {
                return;
            }
            long key = 0;
            for (int i = 0; i < tokens.length; i++) {
                key = extend(key, tokens[i]);
                keys.add(key);
                if (i < tokens.length - 1) {
                    prefixes.put(key, Boolean.TRUE);
                }
            }
            long m = tokens[0] * GOLDEN;
            long bit = tokens.length == 1 ? m >>> ONE_TOKEN_BIT : (tokens[1] * GOLDEN) >>> SECOND_TOKEN_BIT;
            startWords[(int) (m >>> START_WORD_SHIFT)] |= 1L << bit; // a shift takes the low six bits
            List<Integer> list = phrases.computeIfAbsent(key, k -> new ArrayList<>());
            if (!list.contains(payload)) {
                list.add(payload);
            }
            maxLength = Math.max(maxLength, tokens.length);
        }

        public PhraseIndex build() {
            int total = phrases.size() + prefixes.size();
            // Load factor between 1/4 and 1/2: short probes, and a table small enough to stay in cache.
            int cap = Integer.highestOneBit(Math.max(16, total * 2)) << 1;
            long[] table = new long[cap * 2];
            List<Integer> flat = new ArrayList<>();
            int size = 0;
            for (Map.Entry<Long, List<Integer>> e : phrases.entrySet()) {
                int slot = insert(table, e.getKey());
                long from = flat.size();
                flat.addAll(e.getValue());
                if (flat.size() > RANGE_MASK) {
                    throw new IllegalStateException("too many phrase payloads: " + flat.size());
                }
                table[slot + 1] = from | ((long) flat.size() << RANGE_BITS) | PHRASE
                        | (prefixes.containsKey(e.getKey()) ? EXTENDABLE : 0);
                size++;
            }
            for (Long p : prefixes.keySet()) {
                if (!phrases.containsKey(p)) {
                    int slot = insert(table, p);
                    table[slot + 1] = EXTENDABLE;
                    size++;
                }
            }
            int[] payloads = flat.stream().mapToInt(Integer::intValue).toArray();
            return new PhraseIndex(table, payloads, maxLength, keys.copy(), startWords.clone(), size);
        }

        private static int insert(long[] table, long key) {
            int wrap = table.length - 1;
            int i = (int) (mix(key) & (table.length / 2 - 1)) << 1;
            while (table[i] != 0 && table[i] != key) {
                i = (i + 2) & wrap;
            }
            table[i] = key;
            return i;
        }
    }
}
