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
    /** For ASCII: the lower-cased letter or digit, or 0 for a separator. Most news text is ASCII. */
    private static final byte[] ASCII = new byte[128];

    static {
        for (int c = 0; c < 128; c++) {
            ASCII[c] = Character.isLetterOrDigit(c) ? (byte) Character.toLowerCase(c) : 0;
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
        boolean prevSep = true;
        for (int i = 0; i < len; i++) {
            if (n > buf.length - 8) {
                n = flushKeepingTrailingSpace(n);
            }
            char ch = cs[i];
            if (ch < 128) {
                // Branch-light: write a byte every time, advance unless it extends a run of separators.
                byte b = ASCII[ch];
                boolean sep = b == 0;
                buf[n] = sep ? (byte) ' ' : b;
                n += sep && prevSep ? 0 : 1;
                prevSep = sep;
                continue;
            }
            int cp = Character.codePointAt(cs, i, len);
            if (Character.isSupplementaryCodePoint(cp)) {
                i++;
            }
            if (!Character.isLetterOrDigit(cp)) {
                if (!prevSep) {
                    buf[n++] = ' ';
                }
                prevSep = true;
                continue;
            }
            n = putUtf8(Character.toLowerCase(cp), n);
            prevSep = false;
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
