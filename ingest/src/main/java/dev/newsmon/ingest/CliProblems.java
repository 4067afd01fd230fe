package dev.newsmon.ingest;

import dev.newsmon.ingest.publish.ProgressLine;
import dev.newsmon.ingest.publish.RunCounts;
import java.io.PrintStream;

/** Prints each problem as one line on stderr and counts it; called from the reader and producer threads. */
final class CliProblems implements Problems {
    private final PrintStream err;
    private final RunCounts counts;
    private volatile ProgressLine progress = ProgressLine.off();

    CliProblems(PrintStream err, RunCounts counts) {
        this.err = err;
        this.counts = counts;
    }

    void progress(ProgressLine progress) {
        this.progress = progress;
    }

    @Override
    public synchronized void error(String message) {
        counts.failed.incrementAndGet();
        progress.clear();
        err.println("error: " + IngestException.oneLine(message));
    }

    @Override
    public synchronized void warn(String message) {
        counts.warnings.incrementAndGet();
        progress.clear();
        err.println("warning: " + IngestException.oneLine(message));
    }
}
