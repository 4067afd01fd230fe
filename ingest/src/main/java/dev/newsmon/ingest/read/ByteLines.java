package dev.newsmon.ingest.read;

import java.io.IOException;
import java.io.InputStream;

/**
 * Streams the lines of an input as byte ranges in one reused buffer, so a large JSON Lines file
 * is never held in memory and no line is copied before it is parsed.
 */
public final class ByteLines {

    /** Receives each line; {@code tooLong} lines are reported with only their first {@code maxLine} bytes. */
    public interface Handler {
        void line(long number, byte[] buf, int off, int len, boolean tooLong) throws IOException;
    }

    private final InputStream in;
    private final int maxLine;
    private byte[] buf = new byte[1 << 16];

    public ByteLines(InputStream in, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
    }

    public void forEach(Handler handler) throws IOException {
        long number = 0;
        int start = 0;
        int end = 0;
        int scanned = 0;
        boolean skipping = false;
        while (true) {
            int nl = indexOf(buf, Math.max(start, scanned), end);
            if (nl >= 0) {
                number++;
                if (!skipping) {
                    handler.line(number, buf, start, trimCr(buf, start, nl) - start, false);
                }
                skipping = false;
                start = nl + 1;
                continue;
            }
            scanned = end;
            if (end - start > maxLine && !skipping) {
                number++;
                handler.line(number, buf, start, maxLine, true);
                number--;
                skipping = true;
            }
            if (skipping) {
                start = end;
            }
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                scanned -= start;
                start = 0;
            }
            if (end == buf.length) {
                byte[] bigger = new byte[buf.length * 2];
                System.arraycopy(buf, 0, bigger, 0, end);
                buf = bigger;
            }
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                if (end > start && !skipping) {
                    number++;
                    handler.line(number, buf, start, trimCr(buf, start, end) - start, false);
                }
                return;
            }
            end += n;
        }
    }

    private static int indexOf(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int trimCr(byte[] b, int start, int end) {
        return end > start && b[end - 1] == '\r' ? end - 1 : end;
    }
}
