package dev.newsmon.processor.classify.match;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every lexicon phrase of every theme, actor and cue in one open-addressing table keyed by the rolling hash
 * of its token sequence. Matching probes n-grams from each token and stops as soon as no phrase has that
 * prefix, so one pass over the tokens finds every term: no regex per term. Immutable once built.
 */
public final class PhraseIndex {
    private static final int STARTS_BITS = 16;
    private static final int STARTS_SHIFT = 64 - STARTS_BITS;
    // What a slot holds next to its key, packed in one long so a hit reads one cache line.
    private static final int RANGE_BITS = 24;
    private static final long RANGE_MASK = (1L << RANGE_BITS) - 1;
    private static final long PHRASE = 1L << 48;
    /** Some longer phrase begins with the key: without it, matching stops and spares a probe that would miss. */
    private static final long EXTENDABLE = 1L << 49;

    /** Key at 2i, and at 2i+1 the payload range (from, to) and the PHRASE and EXTENDABLE bits. */
    private final long[] table;
    private final int[] payloads;    // flattened payload ids
    private final int mask;
    private final int maxLength;
    /**
     * One bit per hash bucket of every key in the table (a phrase or a prefix; a one-token key is the token's
     * hash): most tokens start no phrase, and most n-grams extend none, and stop here without a probe.
     */
    private final long[] starts;
    private final int size;

    private PhraseIndex(long[] table, int[] payloads, int maxLength, long[] starts, int size) {
        this.table = table;
        this.payloads = payloads;
        this.mask = table.length / 2 - 1;
        this.maxLength = maxLength;
        this.starts = starts;
        this.size = size;
    }

    /** False when no phrase begins with this token (a cheap, L1-resident test before the table probe). */
    public boolean mayStart(long tokenHash) {
        return mayContain(tokenHash);
    }

    /** False when neither a phrase nor a phrase prefix has this key; true means "probe to be sure". */
    public boolean mayContain(long key) {
        int b = startBucket(key);
        return (starts[b >>> 6] & (1L << b)) != 0;
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
        long k = key == 0 ? tokenHash : Long.rotateLeft(key * 0x9E3779B97F4A7C15L, 29) ^ tokenHash;
        return k == 0 ? 1 : k;
    }

    /** The table slot of a key, or -1 if neither a phrase nor a phrase prefix has this key. */
    public int find(long key) {
        final long[] t = table;
        int i = (int) (mix(key) & mask) << 1;
        final int wrap = t.length - 1;
        while (true) {
            long k = t[i];
            if (k == key) {
                return i;
            }
            if (k == 0) {
                return -1;
            }
            i = (i + 2) & wrap;
        }
    }

    /** True if the slot holds a full phrase (not only a prefix of longer ones). */
    public boolean isPhrase(int slot) {
        return (table[slot + 1] & PHRASE) != 0;
    }

    /** True if some longer phrase begins with the slot's key. */
    public boolean isExtendable(int slot) {
        return (table[slot + 1] & EXTENDABLE) != 0;
    }

    public int payloadFrom(int slot) {
        return (int) (table[slot + 1] & RANGE_MASK);
    }

    public int payloadTo(int slot) {
        return (int) ((table[slot + 1] >>> RANGE_BITS) & RANGE_MASK);
    }

    public int payload(int i) {
        return payloads[i];
    }

    /** FNV's high bits barely change between short words, so spread them before taking a bucket. */
    private static int startBucket(long tokenHash) {
        return (int) ((tokenHash * 0x9E3779B97F4A7C15L) >>> STARTS_SHIFT);
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
        private final long[] starts = new long[(1 << STARTS_BITS) / 64];
        private int maxLength;

        public void add(long[] tokens, int payload) {
            if (tokens.length == 0) {
                return;
            }
            long key = 0;
            for (int i = 0; i < tokens.length; i++) {
                key = extend(key, tokens[i]);
                int b = startBucket(key);
                starts[b >>> 6] |= 1L << b;
                if (i < tokens.length - 1) {
                    prefixes.put(key, Boolean.TRUE);
                }
            }
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
            return new PhraseIndex(table, payloads, maxLength, starts.clone(), size);
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
