package dev.newsmon.ingest.publish;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.newsmon.common.Article;
import dev.newsmon.common.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * Writes an {@link Article} as exactly the JSON bytes {@code JsonSerde<Article>} produces (field order, nulls
 * left out, ISO instants, Jackson's escapes), straight into a reused buffer: on the ingest hot path the generic
 * writer cost as much as cleaning the text. Text with surrogates (emoji, unpaired halves) goes to Jackson
 * itself, so those rare cases cannot drift. Not thread-safe: one per thread.
 */
public final class ArticleJson {
    private static final ObjectWriter JACKSON = Json.MAPPER.writerFor(Article.class);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** For ASCII: 0 to copy as is, the letter of a two-character escape, or -1 for a \\u00XX escape. */
    private static final byte[] ESCAPE = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPE[c] = -1;
        }
        ESCAPE['"'] = '"';
        ESCAPE['\\'] = '\\';
        ESCAPE['\b'] = 'b';
        ESCAPE['\t'] = 't';
        ESCAPE['\n'] = 'n';
        ESCAPE['\f'] = 'f';
        ESCAPE['\r'] = 'r';
    }

    private byte[] out = new byte[32 * 1024];
    private int n;

    public byte[] write(Article a) {
        // Six bytes per char covers the longest escape (and any UTF-8 character), so the buffer cannot overflow.
        long room = 256L + 6L * (length(a.id()) + length(a.url()) + length(a.source()) + length(a.title())
                + length(a.body()) + length(a.lang()));
        if (room > Integer.MAX_VALUE - 16) {
            return viaJackson(a);
        }
        if (out.length < room) {
            out = new byte[(int) room];
        }
        n = 0;
        out[n++] = '{';
        boolean ok = field("id", a.id())
                && field("url", a.url())
                && field("source", a.source())
                && field("title", a.title())
                && field("body", a.body())
                && field("published", a.published())
                && field("ingested", a.ingested())
                && field("lang", a.lang());
        if (!ok) {
            return viaJackson(a);
        }
        out[n++] = '}';
        return Arrays.copyOf(out, n);
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    private boolean field(String name, Instant value) {
        // Instant.toString() is DateTimeFormatter.ISO_INSTANT, which is what the JavaTimeModule writes.
        return value == null || field(name, value.toString());
    }

    /** Writes {@code ,"name":"value"} (no comma after the brace); false if Jackson must write the article. */
    private boolean field(String name, String value) {
        if (value == null) {
            return true;
        }
        if (n > 1) {
            out[n++] = ',';
        }
        out[n++] = '"';
        for (int i = 0; i < name.length(); i++) {
            out[n++] = (byte) name.charAt(i);
        }
        out[n++] = '"';
        out[n++] = ':';
        return string(value);
    }

    private boolean string(String s) {
        // The JDK encodes ASCII and Latin-1 text in bulk; only the escapes are then done byte by byte.
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        // The encoder turns an unpaired surrogate into '?', which Jackson would escape instead.
        boolean question = false;
        byte[] b = out;
        int k = n;
        b[k++] = '"';
        int run = 0;
        int len = utf8.length;
        for (int i = 0; i < len; i++) {
            // Eight bytes at a time while none of them needs an escape: the common case by far.
            while (i + 8 <= len && !mayNeedEscape((long) LONGS.get(utf8, i))) {
                i += 8;
            }
            if (i >= len) {
                break;
            }
            int c = utf8[i];
            // Bytes of multi-byte characters are negative here and never escaped.
            if (c < 0 || ESCAPE[c] == 0) {
                question |= c == '?';
                continue;
            }
            System.arraycopy(utf8, run, b, k, i - run);
            k += i - run;
            run = i + 1;
            int e = ESCAPE[c];
            b[k++] = '\\';
            if (e > 0) {
                b[k++] = (byte) e;
            } else {
                b[k++] = 'u';
                b[k++] = '0';
                b[k++] = '0';
                b[k++] = HEX[c >> 4];
                b[k++] = HEX[c & 0xF];
            }
        }
        if ((question || len != s.length()) && hasSurrogate(s)) {
            return false;
        }
        System.arraycopy(utf8, run, b, k, len - run);
        k += len - run;
        b[k++] = '"';
        n = k;
        return true;
    }

    /** True if some byte of {@code w} is below 0x20, a quote, a backslash or '?' (false positives are fine). */
    private static boolean mayNeedEscape(long w) {
        long control = (w - 0x2020202020202020L) & ~w;
        return ((control | zeroByte(w ^ 0x2222222222222222L) | zeroByte(w ^ 0x5C5C5C5C5C5C5C5CL)
                | zeroByte(w ^ 0x3F3F3F3F3F3F3F3FL)) & 0x8080808080808080L) != 0;
    }

    private static long zeroByte(long w) {
        return (w - 0x0101010101010101L) & ~w;
    }

    private static boolean hasSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] viaJackson(Article a) {
        try {
            return JACKSON.writeValueAsBytes(a);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write article " + a.id(), e);
        }
    }
}
