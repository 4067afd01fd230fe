package dev.newsmon.processor.classify.text;

/**
 * The tokenizer's scanning as it was before the byte-at-a-time rewrite: plain character-by-character rules, kept
 * as the oracle that {@link TokenizerDifferentialTest} holds {@link Tokenizer} to. Line weights, sentence ends and
 * the apostrophe rules, which the rewrite kept as they were, are {@link Tokenizer}'s own.
 */
final class ReferenceTokenizer {
    public static final float TITLE_WEIGHT = 1.5f;
    public static final float CAPTION_WEIGHT = 0.5f;
    /** Lines longer than this are paragraphs even without a full stop. */
    private static final int CAPTION_MAX_TOKENS = 25;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long USA = hashOf("usa");
    private static final long[] ABBREVIATIONS = {
            hashOf("mr"), hashOf("mrs"), hashOf("ms"), hashOf("dr"), hashOf("prof"), hashOf("gen"), hashOf("lt"),
            hashOf("col"), hashOf("sen"), hashOf("rep"), hashOf("gov"), hashOf("st"), hashOf("jan"), hashOf("feb"),
            hashOf("mar"), hashOf("apr"), hashOf("jun"), hashOf("jul"), hashOf("aug"), hashOf("sep"), hashOf("sept"),
            hashOf("oct"), hashOf("nov"), hashOf("dec"), hashOf("vs"), hashOf("inc"), hashOf("corp"), hashOf("co"),
            hashOf("ltd"), hashOf("jr"), hashOf("sr"), hashOf("no"), hashOf("adm"), hashOf("maj"), hashOf("cpt")};

    /** Marks a folded character that makes stemming look closer: a digit, a 'z', a non-ASCII letter. */
    private static final int SPECIAL = 1 << 16;
    /** ASCII word characters folded to lower case (plus SPECIAL), 0 for everything else. */
    private static final int[] FOLD = new int[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            FOLD[c] = c == 'z' ? c | SPECIAL : c;
            FOLD[c - 32] = FOLD[c];
        }
        for (char c = '0'; c <= '9'; c++) {
            FOLD[c] = c | SPECIAL;
        }
    }

    private char[] buf = new char[64];
    private char[] chars = new char[8192];

    /** Tokenizes title (sentence 0) and body (sentences 1..) into {@code out}, replacing its contents. */
    public void tokenize(String title, String body, Tokens out) {
        out.clear();
        out.sentences = 1;
        out.sentenceWeight(0, TITLE_WEIGHT);
        if (title != null) {
            scan(title, out, 0, true);
        }
        if (body != null) {
            scan(body, out, 1, false);
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
        return body.substring(from, to).strip().equals(t) ? to : -1;
    }

    /** The token hashes of a lexicon term, in order. */
    public long[] terms(String phrase) {
        Tokens t = new Tokens();
        t.clear();
        scan(phrase, t, 0, true);
        long[] out = new long[t.size];
        System.arraycopy(t.hash, 0, out, 0, t.size);
        return out;
    }

    private void scan(String text, Tokens out, int firstSentence, boolean oneSentence) {
        final int n = text.length();
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        final char[] t = chars;
        text.getChars(0, n, t, 0); // one bulk copy, then plain array reads
        out.reserve(n / 2 + 1); // a token takes a character and a separator at least
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
        while (i <= n) {
            char c = i < n ? t[i] : '\n';
            if (c == ' ') {
                i++; // the commonest character by far: decide it first
                continue;
            }
            if (c < 128 ? FOLD[c] != 0 : Tokenizer.isWideWordChar(c)) {
                int s = i;
                int flags = 0; // the SPECIAL bit of any character: stemming must look closer
                int last = 0;
                boolean possessive = false;
                long h = FNV_OFFSET;
                // Hashes the folded token as it goes, without copying it: only a token that needs
                // stemming is folded into a buffer, afterwards (see refold).
                while (i < n) {
                    c = t[i];
                    int f;
                    if (c < 128) {
                        f = FOLD[c];
                        if (f == 0) {
                            if (c != '\'' || !Tokenizer.apostropheInWord(t, i, n)) {
                                break;
                            }
                            if (Tokenizer.possessive(t, i, n)) {
                                possessive = true;
                                i += 2; // "China's" is China
                                break;
                            }
                            f = '\'';
                        }
                    } else if (Tokenizer.isWideWordChar(c)) {
                        f = SPECIAL | (Character.isLowerCase(c) ? c : Character.toLowerCase(c));
                    } else if (c == '\u2019' && Tokenizer.apostropheInWord(t, i, n)) {
                        if (Tokenizer.possessive(t, i, n)) {
                            possessive = true;
                            i += 2;
                            break;
                        }
                        f = '\'';
                    } else {
                        break;
                    }
                    flags |= f;
                    last = f & 0xFFFF;
                    h = (h ^ last) * FNV_PRIME;
                    i++;
                }
                int e = i;
                int len = (possessive ? e - 2 : e) - s;
                // "US" in capitals is the country; "us" is a pronoun
                boolean isUs = len == 2 && t[s] == 'U' && t[s + 1] == 'S';
                if (isUs && i < n && t[i] == '$') {
                    prevHash = 0;
                    prevLen = e - s;
                    continue; // "US$360" names no actor
                }
                if (isUs) {
                    h = USA;
                } else if ((flags & SPECIAL) != 0 || (len >= 4 && last == 's')) {
                    char[] b = refold(t, s, len);
                    h = hash(b, stem(b, len));
                } else if (h == 0) {
                    h = 1;
                }
                add(out, h, s, e, sent, clause);
                sentOpen = true;
                lineTokens++;
                prevHash = h;
                prevLen = e - s;
                continue;
            }
            if (c == '\n' || c == '\r') {
                if (!oneSentence) {
                    // A line is a paragraph, a caption or a related-story link; which one decides its weight.
                    float w = Tokenizer.lineWeight(t, lineStart, i, lineTokens, prevLineStart, prevLineEnd, i < n);
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
                i++;
                continue;
            }
            if ((c == '.' || c == '!' || c == '?') && !oneSentence && sentOpen) {
                if (Tokenizer.endsSentence(t, i, n) && !(c == '.' && isAbbreviation(prevHash, prevLen))) {
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
        if (oneSentence) {
            out.sentences = Math.max(out.sentences, firstSentence + 1);
        } else {
            out.sentences = sentOpen ? sent + 1 : sent;
            if (out.sentences <= firstSentence) {
                out.sentences = firstSentence;
            }
        }
    }

    private static void add(Tokens out, long h, int s, int e, int sent, int cl) {
        out.hash[out.size] = h;
        out.start[out.size] = s;
        out.end[out.size] = e;
        out.sentence[out.size] = sent;
        out.clause[out.size] = cl;
        out.size++;
    }

    /** The folded characters of a token, as the scan hashed them, for stemming. */
    private char[] refold(char[] t, int s, int len) {
        if (buf.length < len) {
            buf = new char[Math.max(len, buf.length * 2)];
        }
        char[] b = buf;
        for (int k = 0; k < len; k++) {
            char c = t[s + k];
            if (c < 128) {
                b[k] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            } else if (c == '\u2019') {
                b[k] = '\'';
            } else {
                b[k] = Character.isLowerCase(c) ? c : Character.toLowerCase(c);
            }
        }
        return b;
    }

    private static boolean isAbbreviation(long h, int rawLen) {
        if (rawLen == 1) {
            return true; // initials: "N. Korea", "U.S.", "Kim J. Un"
        }
        if (rawLen > 6) {
            return false; // no abbreviation is longer than four letters and a possessive
        }
        for (long a : ABBREVIATIONS) {
            if (a == h) {
                return true;
            }
        }
        return false;
    }

    /**
     * Light stemming, the same for text and lexicon: possessives are already gone; plural -s/-es/-ies,
     * and the American -ize spelling folds to -ise. Returns the new length.
     */
    static int stem(char[] b, int len) {
        if (len >= 4 && b[len - 1] == 's' && !hasDigit(b, len)) {
            char p = b[len - 2];
            if (len >= 5 && p == 'e' && b[len - 3] == 'i') {
                b[len - 3] = 'y';
                len -= 2; // allies -> ally
            } else if (len >= 5 && p == 'e' && (b[len - 3] == 'x' || b[len - 3] == 'z'
                    || (b[len - 3] == 'h' && (b[len - 4] == 'c' || b[len - 4] == 's'))
                    || (b[len - 3] == 's' && b[len - 4] == 's'))) {
                len -= 2; // taxes -> tax, crosses -> cross
            } else if (p != 's' && p != 'u' && p != 'i' && p != '\'') {
                len -= 1; // chips -> chip
            }
        }
        // -ize, -ized, -izing, -ization, -izes (already -ize) fold to the British -ise spelling.
        for (int k = len - 3; k >= Math.max(1, len - 7); k--) {
            if (b[k] == 'i' && b[k + 1] == 'z' && (b[k + 2] == 'e' || b[k + 2] == 'i' || b[k + 2] == 'a')) {
                b[k + 1] = 's';
                break;
            }
        }
        return len;
    }

    private static boolean hasDigit(char[] b, int len) {
        for (int k = 0; k < len; k++) {
            if (b[k] >= '0' && b[k] <= '9') {
                return true;
            }
        }
        return false;
    }

    static long hash(char[] b, int len) {
        long h = FNV_OFFSET;
        for (int k = 0; k < len; k++) {
            h ^= b[k];
            h *= FNV_PRIME;
        }
        return h == 0 ? 1 : h;
    }

    private static long hashOf(String s) {
        return hash(s.toCharArray(), s.length());
    }
}
