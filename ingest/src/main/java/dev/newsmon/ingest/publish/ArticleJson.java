package dev.newsmon.ingest.publish;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.newsmon.common.Article;
import dev.newsmon.common.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
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
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
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

    private byte[] out = new byte[16 * 1024];
    private char[] chars = new char[8 * 1024];
    private int n;

    public byte[] write(Article a) {
        // Six bytes per char covers the longest escape, so no bounds checks are needed while writing.
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
        int len = s.length();
        if (chars.length < len) {
            chars = new char[Math.max(len, chars.length * 2)];
        }
        s.getChars(0, len, chars, 0);
        char[] cs = chars;
        byte[] b = out;
        int k = n;
        b[k++] = '"';
        for (int i = 0; i < len; i++) {
            char c = cs[i];
            if (c < 0x80) {
                int e = ESCAPE[c];
                if (e == 0) {
                    b[k++] = (byte) c;
                } else if (e > 0) {
                    b[k++] = '\\';
                    b[k++] = (byte) e;
                } else {
                    b[k++] = '\\';
                    b[k++] = 'u';
                    b[k++] = '0';
                    b[k++] = '0';
                    b[k++] = HEX[c >> 4];
                    b[k++] = HEX[c & 0xF];
                }
            } else if (c < 0x800) {
                b[k++] = (byte) (0xC0 | c >> 6);
                b[k++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                return false;
            } else {
                b[k++] = (byte) (0xE0 | c >> 12);
                b[k++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[k++] = (byte) (0x80 | c & 0x3F);
            }
        }
        b[k++] = '"';
        n = k;
        return true;
    }

    private static byte[] viaJackson(Article a) {
        try {
            return JACKSON.writeValueAsBytes(a);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write article " + a.id(), e);
        }
    }
}
