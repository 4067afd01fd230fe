package dev.newsmon.ingest.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.newsmon.common.Json;
import dev.newsmon.ingest.IngestException;
import dev.newsmon.ingest.Problems;
import dev.newsmon.ingest.meta.PublishedDates;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Streams JSON Lines: one object per line with title and body required and id, url, source, published,
 * lang optional. A bad line is reported as file:line and the rest of the file still goes through.
 */
public final class JsonLinesReader {

    /** One line as written; published stays a string so a bad date gets our own one-line error. */
    record Line(String id, String url, String source, String title, String body, String published, String lang) {
    }

    private static final ObjectReader LINE = Json.MAPPER.readerFor(Line.class);
    /** The fields of {@link Line}, in order. */
    private static final ThreadLocal<PlainJsonLine> PLAIN = ThreadLocal.withInitial(
            () -> new PlainJsonLine("id", "url", "source", "title", "body", "published", "lang"));

    private final long maxBodyBytes;

    public JsonLinesReader(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Reads every line of {@code in}; returns the number of non-blank lines seen. */
    public long read(String name, InputStream in, Consumer<Draft> out, Problems problems) throws IOException {
        // JSON escapes can make a line several times longer than the body it carries.
        int maxLine = (int) Math.min(Integer.MAX_VALUE - 16, maxBodyBytes * 2 + 65536);
        long[] seen = {0};
        new ByteLines(in, maxLine).forEach((number, buf, off, len, tooLong) -> {
            if (tooLong) {
                seen[0]++;
                problems.error(name + ":" + number + ": line longer than " + maxLine
                        + " bytes; body over --max-body " + maxBodyBytes);
                return;
            }
            if (TextBytes.isBlank(buf, off, off + len)) {
                return;
            }
            seen[0]++;
            if (number == 1 && TextBytes.looksBinary(buf, len)) {
                problems.error(name + ": binary file, not text");
                return;
            }
            Draft draft = parse(name + ":" + number, buf, off, len, problems);
            if (draft != null) {
                out.accept(draft);
            }
        });
        if (seen[0] == 0) {
            problems.error(name + ": empty file");
        }
        return seen[0];
    }

    static Draft parse(String where, byte[] buf, int off, int len, Problems problems) {
        Line line;
        try {
            if (Utf8.isValid(buf, off, len)) {
                String[] f = new String[7];
                line = PLAIN.get().read(buf, off, len, f) ? new Line(f[0], f[1], f[2], f[3], f[4], f[5], f[6])
                        : LINE.readValue(buf, off, len);
            } else {
                problems.warn(where + ": invalid UTF-8, replaced with U+FFFD");
                line = LINE.readValue(new String(buf, off, len, StandardCharsets.UTF_8));
            }
        } catch (JsonProcessingException e) {
            problems.error(where + ": malformed JSON: " + IngestException.oneLine(e.getOriginalMessage()));
            return null;
        } catch (IOException e) {
            problems.error(where + ": " + IngestException.oneLine(e.getMessage()));
            return null;
        }
        if (line == null) {
            problems.error(where + ": malformed JSON: null instead of an object");
            return null;
        }
        Instant published = null;
        if (line.published() != null && !line.published().isBlank()) {
            published = PublishedDates.parse(line.published());
            if (published == null) {
                problems.error(where + ": published '" + line.published() + "' is not a date");
                return null;
            }
        }
        if (line.title() == null || line.title().isBlank()) {
            problems.error(where + ": missing title");
            return null;
        }
        if (line.body() == null || line.body().isBlank()) {
            problems.error(where + ": missing body");
            return null;
        }
        return new Draft(where, blankToNull(line.id()), blankToNull(line.url()), blankToNull(line.source()),
                line.title(), line.body(), published, blankToNull(line.lang()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
