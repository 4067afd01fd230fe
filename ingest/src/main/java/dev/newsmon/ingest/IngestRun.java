package dev.newsmon.ingest;

import dev.newsmon.common.Article;
import dev.newsmon.ingest.publish.ArticlePublisher;
import dev.newsmon.ingest.publish.ProgressLine;
import dev.newsmon.ingest.publish.RunCounts;
import dev.newsmon.ingest.publish.SendQueue;
import dev.newsmon.ingest.read.Draft;
import dev.newsmon.ingest.read.InputReader;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Ingest inputs: read and assemble articles on the calling thread, serialise and publish them from a
 * second thread (see {@link SendQueue}), counting what happened. Call from one thread at a time.
 */
public final class IngestRun implements Consumer<Draft>, AutoCloseable {

    private final InputReader reader;
    private final ArticleAssembler assembler;
    private final SendQueue sends;
    private final RunCounts counts;
    private final Problems problems;
    private ProgressLine progress = ProgressLine.off();

    public IngestRun(InputReader reader, ArticleAssembler assembler, ArticlePublisher publisher, RunCounts counts,
                     Problems problems) {
        this.reader = reader;
        this.assembler = assembler;
        this.sends = new SendQueue(publisher, publisher.topic());
        this.counts = counts;
        this.problems = problems;
    }

    public void progress(ProgressLine progress) {
        this.progress = progress;
    }

    public void path(Path path) {
        reader.readPath(path, this, problems);
    }

    public void stream(String name, InputStream in) {
        reader.readStream(name, in, this, problems);
    }

    public void feed(String name, byte[] xml) {
        reader.readFeed(name, xml, this, problems);
    }

    @Override
    public void accept(Draft draft) {
        counts.read.incrementAndGet();
        Article article = assembler.assemble(draft, Instant.now(), problems);
        if (article != null) {
            sends.submit(article, draft.where());
        }
        progress.tick();
    }

    /** Returns when everything read so far is acknowledged (or reported as failed). */
    public void flush() {
        sends.flush();
        progress.clear();
    }

    /** Stops the sending thread; the publisher is closed by whoever opened it. */
    @Override
    public void close() {
        sends.close();
    }
}
