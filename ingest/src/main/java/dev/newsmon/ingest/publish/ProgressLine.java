package dev.newsmon.ingest.publish;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/** A live "count, rate, ETA" line on a terminal for runs of more than a thousand items; silent otherwise. */
public final class ProgressLine {
    private static final long SHOW_AFTER = 1000;
    private static final long EVERY_NANOS = 250_000_000L;

    private final PrintStream out;
    private final boolean enabled;
    private final LongSupplier count;
    private final LongSupplier bytesDone;
    private final long bytesTotal;
    private final long start = System.nanoTime();
    private long lastPrint = start - EVERY_NANOS;
    private boolean shown;

    /** {@code bytesTotal} <= 0 means the size is unknown (stdin, feeds): no ETA then. */
    public ProgressLine(PrintStream out, boolean enabled, LongSupplier count, LongSupplier bytesDone, long bytesTotal) {
        this.out = out;
        this.enabled = enabled;
        this.count = count;
        this.bytesDone = bytesDone;
        this.bytesTotal = bytesTotal;
    }

    public static ProgressLine off() {
        return new ProgressLine(System.err, false, () -> 0, () -> 0, 0);
    }

    /** Cheap to call per record: prints at most four times a second. */
    public void tick() {
        if (!enabled) {
            return;
        }
        long n = count.getAsLong();
        if (n <= SHOW_AFTER || (n & 63) != 0) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastPrint < EVERY_NANOS) {
            return;
        }
        lastPrint = now;
        double secs = (now - start) / 1e9;
        double rate = n / Math.max(secs, 1e-3);
        String eta = "";
        long done = bytesDone.getAsLong();
        if (bytesTotal > 0 && done > 0 && done <= bytesTotal) {
            long left = (long) (secs * (bytesTotal - done) / done);
            eta = String.format(Locale.ROOT, "  ETA %d:%02d", left / 60, left % 60);
        }
        out.print(String.format(Locale.ROOT, "\r%,d articles  %,.0f/s%s\u001b[K", n, rate, eta));
        out.flush();
        shown = true;
    }

    /** Wipes the line so errors and the summary start on a clean line. */
    public void clear() {
        if (shown) {
            out.print("\r\u001b[K");
            out.flush();
            shown = false;
        }
    }
}
