package dev.newsmon.ingest.id;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Stable article ids: 16 hex digits of SHA-256 over the canonical URL when there is one, else over the
 * normalised title and body (lower case, letters and digits only, single spaces), so re-ingesting the
 * same story, from the same or a re-scraped file, gives the same id. Not thread-safe: one per thread.
 */
public final class ArticleIds {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** For ASCII: the lower-cased letter or digit, or a space for a separator. Most news text is ASCII. */
    private static final byte[] ASCII = new byte[128];
    /** For ASCII: 1 for a separator, 0 for a letter or digit. */
    private static final byte[] SEPARATOR = new byte[128];

    static {
        for (int c = 0; c < 128; c++) {
            boolean kept = Character.isLetterOrDigit(c);
            ASCII[c] = kept ? (byte) Character.toLowerCase(c) : (byte) ' ';
            SEPARATOR[c] = kept ? (byte) 0 : (byte) 1;
        }
    }

    private final MessageDigest sha256;
    private byte[] scratch = new byte[8192];
    private char[] chars = new char[8192];

    public ArticleIds() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Id from the canonical URL if {@code url} has one, else from the content. */
    public String of(String url, String title, String body) {
        String canonical = CanonicalUrl.of(url);
        return canonical != null ? fromUrl(canonical) : fromContent(title, body);
    }

    public String fromUrl(String canonicalUrl) {
        sha256.reset();
        sha256.update((byte) 'u');
        sha256.update(canonicalUrl.getBytes(StandardCharsets.UTF_8));
        return hex16(sha256.digest());
    }

    public String fromContent(String title, String body) {
        sha256.reset();
        sha256.update((byte) 'c');
        digestNormalised(title);
        sha256.update((byte) '\n');
        digestNormalised(body);
        return hex16(sha256.digest());
    }

    /** Feeds lower-cased letters and digits, one space for each run of anything else, via a reused buffer. */
    private void digestNormalised(String s) {
        int len = s.length();
        if (chars.length < len) {
            chars = new char[Math.max(len, chars.length * 2)];
        }
        // One bulk copy, then a plain array loop: much faster than charAt on every character.
        s.getChars(0, len, chars, 0);
        char[] cs = chars;
        byte[] buf = scratch;
        int n = 0;
        int prevSep = 1;
        int i = 0;
        while (i < len) {
            if (n > buf.length - 16) {
                n = flushKeepingTrailingSpace(n);
            }
            // A char adds at most 4 bytes, so this stretch fits in the buffer without a check per char.
            int stop = Math.min(len, i + (buf.length - 8 - n) / 4);
            while (i < stop) {
                char ch = cs[i];
                if (ch < 128) {
                    // Arithmetic, not branches: word boundaries come too often for the CPU to predict them.
                    int sep = SEPARATOR[ch];
                    buf[n] = ASCII[ch];
                    n += 1 - (sep & prevSep);
                    prevSep = sep;
                    i++;
                    continue;
                }
                int cp = Character.codePointAt(cs, i, len);
                i += Character.charCount(cp);
                if (!Character.isLetterOrDigit(cp)) {
                    if (prevSep == 0) {
                        buf[n++] = ' ';
                    }
                    prevSep = 1;
                    continue;
                }
                n = putUtf8(Character.toLowerCase(cp), n);
                prevSep = 0;
            }
        }
        if (n > 0 && buf[n - 1] == ' ') {
            n--;
        }
        sha256.update(buf, 0, n);
    }

    /** Digests the buffer but a trailing space, which stays (at 0) in case the text ends right after it. */
    private int flushKeepingTrailingSpace(int n) {
        boolean trailing = n > 0 && scratch[n - 1] == ' ';
        sha256.update(scratch, 0, trailing ? n - 1 : n);
        if (trailing) {
            scratch[0] = ' ';
            return 1;
        }
        return 0;
    }

    private int putUtf8(int cp, int n) {
        byte[] b = scratch;
        if (cp < 0x80) {
            b[n++] = (byte) cp;
        } else if (cp < 0x800) {
            b[n++] = (byte) (0xC0 | cp >> 6);
            b[n++] = (byte) (0x80 | cp & 0x3F);
        } else if (cp < 0x10000) {
            b[n++] = (byte) (0xE0 | cp >> 12);
            b[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
            b[n++] = (byte) (0x80 | cp & 0x3F);
        } else {
            b[n++] = (byte) (0xF0 | cp >> 18);
            b[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
            b[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
            b[n++] = (byte) (0x80 | cp & 0x3F);
        }
        return n;
    }

    private static String hex16(byte[] digest) {
        char[] out = new char[16];
        for (int i = 0; i < 8; i++) {
            out[2 * i] = HEX[digest[i] >> 4 & 0xF];
            out[2 * i + 1] = HEX[digest[i] & 0xF];
        }
        return new String(out);
    }
}
