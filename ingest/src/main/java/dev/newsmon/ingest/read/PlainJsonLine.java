package dev.newsmon.ingest.read;

import dev.newsmon.common.Json;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the usual JSON Lines shape, one object whose fields are strings or null, straight from valid UTF-8
 * bytes: on the ingest hot path a general parser cost more than cleaning the text. Anything else (numbers,
 * nested values, surrogate escapes, malformed input) makes it give up, and the caller hands the line to
 * Jackson, so odd and bad lines get exactly Jackson's answer and error text. Not thread-safe: one per thread.
 */
final class PlainJsonLine {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Longer strings may break the shared mapper's limits; Jackson decides about those. */
    private static final int MAX_STRING = Json.MAPPER.getFactory().streamReadConstraints().getMaxStringLength();
    private static final int MAX_NAME = 256;

    private final byte[][] names;
    private byte[] text = new byte[8192];
    private String value;

    /** {@code names}: the fields to keep, as ASCII; others are skipped. */
    PlainJsonLine(String... names) {
        this.names = new byte[names.length][];
        for (int k = 0; k < names.length; k++) {
            this.names[k] = names[k].getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** Fills {@code out} by field index (null where absent); false if Jackson must read this line instead. */
    boolean read(byte[] b, int off, int len, String[] out) {
        int end = off + len;
        int i = skipSpace(b, off, end);
        if (i >= end || b[i] != '{') {
            return false;
        }
        i = skipSpace(b, i + 1, end);
        if (i < end && b[i] == '}') {
            return true;
        }
        int seen = 0;
        while (true) {
            if (i >= end || b[i] != '"') {
                return false;
            }
            int nameStart = i + 1;
            int j = nameStart;
            while (j < end && j - nameStart <= MAX_NAME && b[j] != '"' && b[j] != '\\' && (b[j] < 0 || b[j] >= 0x20)) {
                j++;
            }
            if (j >= end || b[j] != '"') {
                return false;
            }
            int k = field(b, nameStart, j);
            i = skipSpace(b, j + 1, end);
            if (i >= end || b[i] != ':') {
                return false;
            }
            i = skipSpace(b, i + 1, end);
            if (i < end && b[i] == '"') {
                i = string(b, i + 1, end);
                if (i < 0) {
                    return false;
                }
            } else if (i + 4 <= end && b[i] == 'n' && b[i + 1] == 'u' && b[i + 2] == 'l' && b[i + 3] == 'l') {
                value = null;
                i += 4;
            } else {
                return false;
            }
            if (k >= 0) {
                if ((seen & 1 << k) != 0) {
                    return false;
                }
                seen |= 1 << k;
                out[k] = value;
            }
            i = skipSpace(b, i, end);
            if (i >= end) {
                return false;
            }
            if (b[i] == '}') {
                // Like Jackson's readValue, whatever follows the object is not looked at.
                return true;
            }
            if (b[i] != ',') {
                return false;
            }
            i = skipSpace(b, i + 1, end);
        }
    }

    private int field(byte[] b, int from, int to) {
        for (int k = 0; k < names.length; k++) {
            byte[] name = names[k];
            if (name.length == to - from && Arrays.equals(b, from, to, name, 0, name.length)) {
                return k;
            }
        }
        return -1;
    }

    /** Decodes the string starting after its opening quote into {@link #value}; the index after it, or -1. */
    private int string(byte[] b, int from, int end) {
        if (text.length < end - from) {
            text = new byte[Math.max(end - from, text.length * 2)];
        }
        byte[] t = text;
        int n = 0;
        int run = from;
        int j = from;
        while (true) {
            // Eight bytes at a time while none is a quote, a backslash or a control character.
            while (j + 8 <= end && !special((long) LONGS.get(b, j))) {
                j += 8;
            }
            if (j >= end) {
                return -1;
            }
            int c = b[j];
            if (c != '"' && c != '\\') {
                if (c >= 0 && c < 0x20) {
                    return -1;
                }
                j++;
                continue;
            }
            System.arraycopy(b, run, t, n, j - run);
            n += j - run;
            if (c == '"') {
                if (n > MAX_STRING) {
                    return -1;
                }
                // Escapes were resolved into UTF-8 bytes, so one bulk decode makes the string.
                value = new String(t, 0, n, StandardCharsets.UTF_8);
                return j + 1;
            }
            if (j + 1 >= end) {
                return -1;
            }
            int e = b[j + 1];
            j += 2;
            switch (e) {
                case '"': case '\\': case '/':
                    t[n++] = (byte) e;
                    break;
                case 'b': t[n++] = '\b'; break;
                case 'f': t[n++] = '\f'; break;
                case 'n': t[n++] = '\n'; break;
                case 'r': t[n++] = '\r'; break;
                case 't': t[n++] = '\t'; break;
                case 'u':
                    int cp = j + 4 <= end ? hex4(b, j) : -1;
                    if (cp < 0 || Character.isSurrogate((char) cp)) {
                        return -1;
                    }
                    j += 4;
                    n = putUtf8(t, n, cp);
                    break;
                default:
                    return -1;
            }
            run = j;
        }
    }

    private static int hex4(byte[] b, int at) {
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int d = Character.digit(b[at + k], 16);
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        return v;
    }

    /** A \\uXXXX escape never takes more bytes in UTF-8 than its six characters did, so {@code t} has room. */
    private static int putUtf8(byte[] t, int n, int c) {
        if (c < 0x80) {
            t[n++] = (byte) c;
        } else if (c < 0x800) {
            t[n++] = (byte) (0xC0 | c >> 6);
            t[n++] = (byte) (0x80 | c & 0x3F);
        } else {
            t[n++] = (byte) (0xE0 | c >> 12);
            t[n++] = (byte) (0x80 | c >> 6 & 0x3F);
            t[n++] = (byte) (0x80 | c & 0x3F);
        }
        return n;
    }

    /** True if some byte of {@code w} is below 0x20, a quote or a backslash (false positives are fine). */
    private static boolean special(long w) {
        long control = (w - 0x2020202020202020L) & ~w;
        return ((control | zeroByte(w ^ 0x2222222222222222L) | zeroByte(w ^ 0x5C5C5C5C5C5C5C5CL))
                & 0x8080808080808080L) != 0;
    }

    private static long zeroByte(long w) {
        return (w - 0x0101010101010101L) & ~w;
    }

    private static int skipSpace(byte[] b, int i, int end) {
        while (i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
            i++;
        }
        return i;
    }
}
