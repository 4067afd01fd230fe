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
    private static final int PREFIX_ONLY = -1;
    private static final int STARTS_BITS = 16;
    private static final int STARTS_SHIFT = 64 - STARTS_BITS;

    private final long[] keys;
    private final int[] slots;       // payload range start, or PREFIX_ONLY
    private final int[] payloadStart;
    private final int[] payloadEnd;
    private final int[] payloads;    // flattened payload ids
    private final int mask;
    private final int maxLength;
    /** One bit per hash bucket of every phrase's first token: most tokens start no phrase and stop here. */
    private final long[] starts;
    private final int size;

    private PhraseIndex(long[] keys, int[] slots, int[] payloadStart, int[] payloadEnd, int[] payloads, int maxLength,
                        long[] starts) {
        this.keys = keys;
        this.slots = slots;
        this.payloadStart = payloadStart;
        this.payloadEnd = payloadEnd;
        this.payloads = payloads;
        this.mask = keys.length - 1;
        this.maxLength = maxLength;
        this.starts = starts;
        this.size = (int) java.util.Arrays.stream(keys).filter(k -> k != 0).count();
    }

    /** False when no phrase begins with this token (a cheap, L1-resident test before the table probe). */
    public boolean mayStart(long tokenHash) {
        int b = startBucket(tokenHash);
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
        int i = (int) (mix(key) & mask);
        while (true) {
            long k = keys[i];
            if (k == key) {
                return i;
            }
            if (k == 0) {
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    /** True if the slot holds a full phrase (not only a prefix of longer ones). */
    public boolean isPhrase(int slot) {
        return slots[slot] != PREFIX_ONLY;
    }

    public int payloadFrom(int slot) {
        return payloadStart[slots[slot]];
    }

    public int payloadTo(int slot) {
        return payloadEnd[slots[slot]];
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
            int b = startBucket(tokens[0]);
            starts[b >>> 6] |= 1L << b;
            long key = 0;
            for (int i = 0; i < tokens.length; i++) {
                key = extend(key, tokens[i]);
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
            long[] keys = new long[cap];
            int[] slots = new int[cap];
            int[] pStart = new int[phrases.size()];
            int[] pEnd = new int[phrases.size()];
            List<Integer> flat = new ArrayList<>();
            int mask = cap - 1;
            int phraseNo = 0;
            for (Map.Entry<Long, List<Integer>> e : phrases.entrySet()) {
                int slot = insert(keys, mask, e.getKey());
                slots[slot] = phraseNo;
                pStart[phraseNo] = flat.size();
                flat.addAll(e.getValue());
                pEnd[phraseNo] = flat.size();
                phraseNo++;
            }
            for (Long p : prefixes.keySet()) {
                if (!phrases.containsKey(p)) {
                    int slot = insert(keys, mask, p);
                    slots[slot] = PREFIX_ONLY;
                }
            }
            int[] payloads = flat.stream().mapToInt(Integer::intValue).toArray();
            return new PhraseIndex(keys, slots, pStart, pEnd, payloads, maxLength, starts.clone());
        }

        private static int insert(long[] keys, int mask, long key) {
            int i = (int) (mix(key) & mask);
            while (keys[i] != 0 && keys[i] != key) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            return i;
        }
    }
}
