package dev.newsmon.ingest.read;

import dev.newsmon.ingest.Problems;
import java.nio.charset.StandardCharsets;

/** Turns the bytes of a whole text input into a String, rejecting empty and binary input. */
public final class TextBytes {
    private static final int SNIFF = 8192;

    private TextBytes() {
    }

    /** The decoded text, or null after reporting why the input is unusable. */
    public static String decode(String name, byte[] b, int len, Problems problems) {
        int start = hasBom(b, len) ? 3 : 0;
        if (isBlank(b, start, len)) {
            problems.error(name + ": empty file");
            return null;
        }
        if (looksBinary(b, len)) {
            problems.error(name + ": binary file, not text");
            return null;
        }
        if (!Utf8.isValid(b, start, len - start)) {
            problems.warn(name + ":" + Utf8.firstBadLine(b, start, len - start)
                    + ": invalid UTF-8, replaced with U+FFFD");
        }
        return new String(b, start, len - start, StandardCharsets.UTF_8);
    }

    static boolean hasBom(byte[] b, int len) {
        return len >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
    }

    static boolean isBlank(byte[] b, int from, int len) {
        for (int i = from; i < len; i++) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f') {
                return false;
            }
        }
        return true;
    }

    /**
     * A NUL byte, or mostly control characters, in the first 8 KiB: what git and grep call binary. Also bytes that
     * are largely not UTF-8 at all: mis-encoded text has a few bad bytes (accents), random data has them everywhere.
     */
    public static boolean looksBinary(byte[] b, int len) {
        int n = Math.min(len, SNIFF);
        int control = 0;
        boolean high = false;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xff;
            if (c == 0) {
                return true;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b) {
                control++;
            }
            high |= c >= 0x80;
        }
        if (n > 0 && control * 10 > n) {
            return true;
        }
        return high && !Utf8.isValid(b, 0, n) && replacements(b, n) * 8 > n;
    }

    private static int replacements(byte[] b, int n) {
        String s = new String(b, 0, n, StandardCharsets.UTF_8);
        int bad = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\uFFFD') {
                bad++;
            }
        }
        return bad;
    }
}
