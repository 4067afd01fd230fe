package dev.newsmon.ingest;

import dev.newsmon.common.Article;
import dev.newsmon.ingest.publish.ArticlePublisher;
import dev.newsmon.ingest.publish.ProgressLine;
import dev.newsmon.ingest.publish.RunCounts;
import dev.newsmon.ingest.read.Draft;
import dev.newsmon.ingest.read.InputReader;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

/** One pass of ingest: read inputs, assemble articles, publish them, count what happened. Single-threaded. */
public final class IngestRun implements Consumer<Draft> {
    private final InputReader reader;
    private final ArticleAssembler assembler;
    private final ArticlePublisher publisher;
    private final RunCounts counts;
    private final Problems problems;
    private ProgressLine progress = ProgressLine.off();

    public IngestRun(InputReader reader, ArticleAssembler assembler, ArticlePublisher publisher, RunCounts counts,
                     Problems problems) {
        this.reader = reader;
        this.assembler = assembler;
        this.publisher = publisher;
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
            publisher.publish(article, draft.where());
        }
        progress.tick();
    }

    public void flush() {
        publisher.flush();
        progress.clear();
    }
}
