package dev.newsmon.processor.classify.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * One pass over the text: splits sentences and tokens, folds case, strips possessives and plurals,
 * folds -ize to -ise, and hashes each token. Lexicon terms go through the same code, so "one-China",
 * "one China" and "One Chinas" all become the same two hashes. Not thread-safe: one instance per thread.
 * For speed, tokens are found and hashed eight folded bytes at a time; the few that need the character
 * rules (apostrophes, non-ASCII letters, -ize) take a slow path that {@code TokenizerDifferentialTest}
 * holds to the plain character-by-character tokenizer.
 */
public final class Tokenizer {
    public static final float TITLE_WEIGHT = 1.5f;
    public static final float CAPTION_WEIGHT = 0.5f;
    /** Lines longer than this are paragraphs even without a full stop. */
    private static final int CAPTION_MAX_TOKENS = 25;

    /*
     * The folded copy of the text holds one byte per character: a word character's lower-case ASCII code (high
     * bit clear), or a code with the high bit set. From SLOW_WORD up (as signed bytes) a code starts a token that
     * the fast path leaves to the character rules: a non-ASCII letter, or a 'z' (the -ize rule looks at it).
     */
    private static final byte SPACE = (byte) 0xA0;
    private static final byte OTHER = (byte) 0x81;
    /** ' and ’: inside a word ("don't", "China's") the character rules decide. */
    private static final byte APOSTROPHE = (byte) 0xA7;
    private static final byte SLOW_WORD = (byte) 0xF0;
    private static final byte ZED = (byte) 0xFA;
    private static final byte WIDE = (byte) 0xFE;
    /** Stands in for a non-ASCII letter while stemming: it matches no suffix letter. */
    private static final byte NON_ASCII = (byte) 0x80;
    private static final byte[] FOLD = new byte[128];
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long BIT6 = 0x4040404040404040L;
    /** Readable bytes after the text, so an 8-byte load at any token never leaves the array. */
    private static final int PAD = 16;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long SEED = 0x2545F4914F6CDD1DL;
    private static final long M1 = 0x9E3779B97F4A7C15L;
    private static final long M2 = 0xC2B2AE3D27D4EB4FL;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long US_BYTES = 'u' | 's' << 8;
    private static final long USA;
    private static final long US_PRONOUN;
    private static final long[] ABBREVIATIONS;
    /** Bit (hash mod 64) of every abbreviation: most words before a full stop are ruled out by it alone. */
    private static final long ABBREVIATION_BITS;

    static {
        Arrays.fill(FOLD, OTHER);
        for (char c = 'a'; c <= 'z'; c++) {
            FOLD[c] = (byte) c;
            FOLD[c - 32] = (byte) c;
        }
        FOLD['z'] = ZED;
        FOLD['Z'] = ZED;
        for (char c = '0'; c <= '9'; c++) {
            FOLD[c] = (byte) c;
        }
        FOLD[' '] = SPACE;
        FOLD['\''] = APOSTROPHE;
        USA = hashOf("usa");
        US_PRONOUN = hashOf("us");
        ABBREVIATIONS = Stream.of("mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sen", "rep", "gov", "st",
                "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs", "inc", "corp",
                "co", "ltd", "jr", "sr", "no", "adm", "maj", "cpt").mapToLong(Tokenizer::hashOf).sorted().toArray();
        ABBREVIATION_BITS = Arrays.stream(ABBREVIATIONS).map(h -> 1L << h).reduce(0, (a, b) -> a | b);
    }

    private char[] chars = new char[8192];
    private byte[] folded = new byte[8192 + PAD];
    private char[] slowChars = new char[64];
    private byte[] slowBytes = new byte[64 + PAD];
    /** Where the last {@link #slowToken} ended. */
    private int slowEnd;

    /** Tokenizes title (sentence 0) and body (sentences 1..) into {@code out}, replacing its contents. */
    public void tokenize(String title, String body, Tokens out) {
        out.clear();
        out.sentences = 1;
        out.sentenceWeight(0, TITLE_WEIGHT);
        if (title != null) {
            scan(load(title), out, 0, true);
        }
        if (body != null) {
            scan(load(body), out, 1, false);
            int repeatEnd = title == null ? -1 : firstLineRepeating(title, body);
            // Scrapers often repeat the headline as the first body line: count it once, as the title.
            for (int i = 0; i < out.size && repeatEnd >= 0; i++) {
                if (out.sentence[i] >= 1 && out.start[i] < repeatEnd) {
                    out.sentenceWeight(out.sentence[i], 0f);
                }
            }
        }
    }

    /** The end of the body's first line if it repeats the title, else -1. */
    private static int firstLineRepeating(String title, String body) {
        String t = title.strip();
        if (t.isEmpty()) {
            return -1;
        }
        int from = 0;
        while (from < body.length() && Character.isWhitespace(body.charAt(from))) {
            from++;
        }
        int to = body.indexOf('\n', from);
        if (to < 0) {
            to = body.length();
        }
        int end = to;
        while (end > from && Character.isWhitespace(body.charAt(end - 1))) {
            end--;
        }
        return end - from == t.length() && body.startsWith(t, from) ? to : -1;
    }

    /** The token hashes of a lexicon term, in order. */
    public long[] terms(String phrase) {
        Tokens t = new Tokens();
        t.clear();
        scan(load(phrase), t, 0, true);
        long[] out = new long[t.size];
        System.arraycopy(t.hash, 0, out, 0, t.size);
        return out;
    }

    /**
     * Copies the text into {@link #chars} and its folded form into {@link #folded}; returns its length. Kept
     * apart from scan: the JIT compiles the folding loop better on its own than inlined into scan's big loop.
     */
    private int load(String text) {
        final int n = text.length();
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
            folded = new byte[chars.length + PAD];
        }
        text.getChars(0, n, chars, 0); // one bulk copy, then plain array reads
        fold(chars, folded, n);
        return n;
    }

    /** Tokenizes the text {@link #load} put in place. */
    private void scan(int n, Tokens out, int firstSentence, boolean oneSentence) {
        final char[] t = chars;
        final byte[] f = folded;
        out.reserve(n / 2 + 1); // a token takes a character and a separator at least
        // The arrays in locals: reserve() made them big enough, and fields would be reloaded at every token.
        final long[] hashes = out.hash;
        final int[] starts = out.start;
        final int[] ends = out.end;
        final int[] sentences = out.sentence;
        final int[] clauses = out.clause;
        int size = out.size;
        int sent = firstSentence;
        boolean sentOpen = false;
        int clause = 0;
        int lineStart = 0;
        int lineFirstSentence = sent;
        int lineTokens = 0;
        int prevLineStart = -1;
        int prevLineEnd = -1;
        long prevHash = 0;
        int prevLen = 0;
        int i = 0;
        while (true) {
            if (f[i] >= SLOW_WORD) {
                int s = i;
                // A token ends at the first high-bit byte: find it eight bytes at a time, hashing as it goes.
                long acc = SEED;
                long letters = -1L; // bit 6 of every byte: set for letters, clear for digits
                long x = (long) LONGS.get(f, i);
                long stops = x & HIGH_BITS;
                while (stops == 0) {
                    letters &= x;
                    acc = chunk(acc, x);
                    i += 8;
                    x = (long) LONGS.get(f, i);
                    stops = x & HIGH_BITS;
                }
                int tail = Long.numberOfTrailingZeros(stops) >>> 3;
                int e = i + tail;
                long tailMask = (1L << (tail << 3)) - 1;
                long tailBytes = x & tailMask;
                byte stop = (byte) (x >>> (tail << 3)); // f[e], without waiting for a load
                long h;
                if (stop >= SLOW_WORD || stop == APOSTROPHE) {
                    h = slowToken(t, s, n);
                    e = slowEnd;
                    stop = f[e];
                } else if (f[e - 1] == 's' && e - s >= 4 && ((~(letters & (tailBytes | ~tailMask))) & BIT6) == 0) {
                    // No 'z' gets here, so the plural rule is all the stemming there is to do. It only
                    // shortens the token, or rewrites bytes already read.
                    h = hash(f, s, plural(f, s, e - s));
                } else if (tailBytes == US_BYTES && e - s == 2) {
                    h = us(t, s, e, n);
                } else {
                    h = finish(acc, tailBytes);
                }
                if (h == 0) { // only the two rare branches above give 0: "US$360" names no actor
                    prevHash = 0;
                    prevLen = e - s;
                    i = e;
                    continue;
                }
                // After a token and one space, the next token: skip the loop's separator round.
                i = stop == SPACE && f[e + 1] >= SLOW_WORD ? e + 1 : e;
                hashes[size] = h;
                starts[size] = s;
                ends[size] = e;
                sentences[size] = sent;
                clauses[size] = clause;
                size++;
                sentOpen = true;
                lineTokens++;
                prevHash = h;
                prevLen = e - s;
                continue;
            }
            if (f[i] == SPACE) {
                i++; // the commonest separator by far: decide it first
                continue;
            }
            char c = i < n ? t[i] : '\n'; // an implied line end closes the last line
            if (c == '\n' || c == '\r') {
                if (!oneSentence) {
                    // A line is a paragraph, a caption or a related-story link; which one decides its weight.
                    float w = lineWeight(t, lineStart, i, lineTokens, prevLineStart, prevLineEnd, i < n);
                    int last = sentOpen ? sent : sent - 1;
                    for (int k = lineFirstSentence; k <= last; k++) {
                        out.sentenceWeight(k, w);
                    }
                    if (lineTokens > 0) {
                        prevLineStart = lineStart;
                        prevLineEnd = i;
                    }
                    if (sentOpen) {
                        sent++;
                        sentOpen = false;
                    }
                    lineStart = i + 1;
                    lineFirstSentence = sent;
                    lineTokens = 0;
                    clause++;
                }
                if (++i > n) {
                    break;
                }
                continue;
            }
            if ((c == '.' || c == '!' || c == '?') && !oneSentence && sentOpen) {
                if (endsSentence(t, i, n) && !(c == '.' && isAbbreviation(prevHash, prevLen))) {
                    sent++;
                    sentOpen = false;
                    clause++;
                }
            } else if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '\u2013' || c == '\u2014'
                    || c == '"' || c == '\u201c' || c == '\u201d') {
                clause++;
            }
            i++;
        }
        out.size = size;
        if (oneSentence) {
            out.sentences = Math.max(out.sentences, firstSentence + 1);
        } else {
            out.sentences = sentOpen ? sent + 1 : sent;
            if (out.sentences <= firstSentence) {
                out.sentences = firstSentence;
            }
        }
    }

    private static void fold(char[] t, byte[] f, int n) {
        int k = 0;
        for (; k + 8 <= n; k += 8) { // eight ASCII characters by table, one store; anything else one by one
            char c0 = t[k];
            char c1 = t[k + 1];
            char c2 = t[k + 2];
            char c3 = t[k + 3];
            char c4 = t[k + 4];
            char c5 = t[k + 5];
            char c6 = t[k + 6];
            char c7 = t[k + 7];
            if ((c0 | c1 | c2 | c3 | c4 | c5 | c6 | c7) < 128) {
                LONGS.set(f, k, FOLD[c0] & 0xFFL | (FOLD[c1] & 0xFFL) << 8 | (FOLD[c2] & 0xFFL) << 16
                        | (FOLD[c3] & 0xFFL) << 24 | (FOLD[c4] & 0xFFL) << 32 | (FOLD[c5] & 0xFFL) << 40
                        | (FOLD[c6] & 0xFFL) << 48 | (long) FOLD[c7] << 56);
            } else {
                for (int j = k; j < k + 8; j++) {
                    f[j] = fold(t[j]);
                }
            }
        }
        for (; k < n; k++) {
            f[k] = fold(t[k]);
        }
        Arrays.fill(f, n, n + PAD, OTHER);
    }

    private static byte fold(char c) {
        return c < 128 ? FOLD[c] : isWideWordChar(c) ? WIDE : c == '\u2019' ? APOSTROPHE : OTHER;
    }

    /** "US" in capitals is the country and "us" a pronoun; "US$360" is no token at all (0). */
    private static long us(char[] t, int s, int e, int n) {
        if (t[s] != 'U' || t[s + 1] != 'S') {
            return US_PRONOUN;
        }
        return e < n && t[e] == '$' ? 0 : USA;
    }

    /**
     * A token the byte path cannot finish (an apostrophe, a non-ASCII letter, a 'z'), by the character rules.
     * Sets {@link #slowEnd}; returns the hash, or 0 for "US$".
     */
    private long slowToken(char[] t, int s, int n) {
        int i = s;
        int len = 0;
        boolean ascii = true;
        while (i < n) {
            char c = t[i];
            char folded;
            if (c < 128 && FOLD[c] >= SLOW_WORD) {
                folded = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            } else if ((c == '\'' || c == '\u2019') && apostropheInWord(t, i, n)) {
                if (possessive(t, i, n)) {
                    i += 2; // "China's" is China
                    break;
                }
                folded = '\'';
            } else if (c >= 128 && isWideWordChar(c)) {
                folded = Character.isLowerCase(c) ? c : Character.toLowerCase(c);
            } else {
                break;
            }
            if (len == slowChars.length) {
                slowChars = Arrays.copyOf(slowChars, len * 2);
            }
            slowChars[len++] = folded;
            ascii &= folded < 128;
            i++;
        }
        slowEnd = i;
        if (len == 2 && slowChars[0] == 'u' && slowChars[1] == 's') {
            return us(t, s, i, n); // "US's", "us'"
        }
        if (slowBytes.length < len + PAD) {
            slowBytes = new byte[len * 2 + PAD];
        }
        byte[] b = slowBytes;
        for (int k = 0; k < len; k++) {
            char c = slowChars[k];
            b[k] = c < 128 ? (byte) c : NON_ASCII;
        }
        int stemmed = stem(b, 0, len);
        if (ascii) {
            return hash(b, 0, stemmed);
        }
        for (int k = 0; k < stemmed; k++) {
            if (b[k] >= 0) {
                slowChars[k] = (char) b[k]; // stemming rewrites ASCII letters only
            }
        }
        return hashWide(slowChars, stemmed);
    }

    static boolean apostropheInWord(char[] t, int i, int n) {
        return i + 1 < n && isLetter(t[i + 1]);
    }

    static boolean possessive(char[] t, int i, int n) {
        char next = t[i + 1];
        return (next == 's' || next == 'S') && (i + 2 >= n || !isWordChar(t[i + 2]));
    }

    static float lineWeight(char[] text, int from, int to, int tokens, int prevFrom, int prevTo,
                                    boolean moreFollows) {
        while (from < to && Character.isWhitespace(text[from])) {
            from++;
        }
        while (to > from && Character.isWhitespace(text[to - 1])) {
            to--;
        }
        if (to == from) {
            return 1f;
        }
        if (prevFrom >= 0) {
            int pf = prevFrom;
            int pt = prevTo;
            while (pf < pt && Character.isWhitespace(text[pf])) {
                pf++;
            }
            while (pt > pf && Character.isWhitespace(text[pt - 1])) {
                pt--;
            }
            if (pt - pf == to - from && java.util.Arrays.equals(text, pf, pt, text, from, to)) {
                return 0f; // the scraper repeated a caption: count it once
            }
        }
        char last = text[to - 1];
        boolean terminal = last == '.' || last == '!' || last == '?' || last == '"' || last == '\u201d'
                || last == '\u2019' || last == '\'' || last == ')' || last == '\u2026' || last == ':';
        return !terminal && moreFollows && tokens <= CAPTION_MAX_TOKENS ? CAPTION_WEIGHT : 1f;
    }

    /** A full stop ends a sentence when whitespace and then a capital, digit or quote follows (or the text ends). */
    static boolean endsSentence(char[] text, int i, int n) {
        int j = i + 1;
        while (j < n && isCloser(text[j])) {
            j++;
        }
        if (j >= n) {
            return true;
        }
        char c = text[j];
        if (c == '\n' || c == '\r') {
            return true;
        }
        if (!Character.isWhitespace(c)) {
            return false;
        }
        while (j < n && (text[j] == ' ' || text[j] == '\t' || text[j] == '\u00a0')) {
            j++;
        }
        if (j >= n) {
            return true;
        }
        c = text[j];
        return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '\u201c' || c == '\u2018'
                || c == '\'' || c == '(' || c == '\n' || c == '\r';
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\u201d' || c == '\u2019' || c == '\'' || c == ')';
    }

    private static boolean isAbbreviation(long h, int rawLen) {
        if (rawLen == 1) {
            return true; // initials: "N. Korea", "U.S.", "Kim J. Un"
        }
        if (rawLen > 6) {
            return false; // no abbreviation is longer than four letters and a possessive
        }
        return (ABBREVIATION_BITS >>> h & 1) != 0 && Arrays.binarySearch(ABBREVIATIONS, h) >= 0;
    }

    /**
     * Light stemming of folded bytes in place, the same for text and lexicon: possessives are already gone;
     * plural -s/-es/-ies, and the American -ize spelling folds to -ise. Returns the new length.
     */
    static int stem(byte[] b, int from, int len) {
        if (!hasDigit(b, from, from + len)) {
            len = plural(b, from, len);
        }
        // -ize, -ized, -izing, -ization, -izes (already -ize) fold to the British -ise spelling.
        for (int k = from + len - 3; k >= from + Math.max(1, len - 7); k--) {
            if (b[k] == 'i' && b[k + 1] == 'z' && (b[k + 2] == 'e' || b[k + 2] == 'i' || b[k + 2] == 'a')) {
                b[k + 1] = 's';
                break;
            }
        }
        return len;
    }

    /** The plural rule of {@link #stem}, for a token without digits. */
    private static int plural(byte[] b, int from, int len) {
        int end = from + len;
        if (len >= 4 && b[end - 1] == 's') {
            byte p = b[end - 2];
            if (len >= 5 && p == 'e' && b[end - 3] == 'i') {
                b[end - 3] = 'y';
                len -= 2; // allies -> ally
            } else if (len >= 5 && p == 'e' && (b[end - 3] == 'x' || b[end - 3] == 'z'
                    || (b[end - 3] == 'h' && (b[end - 4] == 'c' || b[end - 4] == 's'))
                    || (b[end - 3] == 's' && b[end - 4] == 's'))) {
                len -= 2; // taxes -> tax, crosses -> cross
            } else if (p != 's' && p != 'u' && p != 'i' && p != '\'') {
                len -= 1; // chips -> chip
            }
        }
        return len;
    }

    private static boolean hasDigit(byte[] b, int from, int end) {
        for (int k = from; k < end; k++) {
            if (b[k] >= '0' && b[k] <= '9') {
                return true;
            }
        }
        return false;
    }

    /**
     * The hash of a token's folded ASCII bytes: one multiply per eight bytes, and none of the collisions a
     * per-character hash has between short words (up to seven bytes it is a bijection). {@code b} must be
     * readable eight bytes past the token.
     */
    static long hash(byte[] b, int from, int len) {
        long acc = SEED;
        int p = from;
        for (int end = from + len; end - p >= 8; p += 8) {
            acc = chunk(acc, (long) LONGS.get(b, p));
        }
        int tail = from + len - p;
        return finish(acc, (long) LONGS.get(b, p) & ((1L << (tail << 3)) - 1));
    }

    private static long chunk(long acc, long eightBytes) {
        return Long.rotateLeft((acc ^ eightBytes) * M1, 29);
    }

    private static long finish(long acc, long tailBytes) {
        long h = (acc ^ tailBytes) * M2;
        h ^= h >>> 29;
        return h == 0 ? 1 : h;
    }

    /** Tokens with non-ASCII letters never equal an ASCII token, so a plain hash of their characters will do. */
    private static long hashWide(char[] c, int len) {
        long h = FNV_OFFSET;
        for (int k = 0; k < len; k++) {
            h = (h ^ c[k]) * FNV_PRIME;
        }
        return h == 0 ? 1 : h;
    }

    private static long hashOf(String ascii) {
        byte[] b = Arrays.copyOf(ascii.getBytes(StandardCharsets.US_ASCII), ascii.length() + PAD);
        return hash(b, 0, ascii.length());
    }

    /** Curly quotes, dashes and ellipses are common in real copy; they skip the Unicode tables. */
    static boolean isWideWordChar(char c) {
        return (c < 0x2000 || c > 0x206F) && c != 0xA0 && Character.isLetterOrDigit(c);
    }

    private static boolean isWordChar(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        return Character.isLetterOrDigit(c);
    }

    private static boolean isLetter(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
        return Character.isLetter(c);
    }

}
