package dev.newsmon.ingest;

import dev.newsmon.common.Article;
import dev.newsmon.ingest.publish.ArticleJson;
import dev.newsmon.ingest.publish.ArticlePublisher;
import dev.newsmon.ingest.publish.HandoffStage;
import dev.newsmon.ingest.publish.ProgressLine;
import dev.newsmon.ingest.publish.RunCounts;
import dev.newsmon.ingest.read.Draft;
import dev.newsmon.ingest.read.InputReader;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Ingest inputs as a three-stage pipeline, each stage on its own thread, order kept throughout:
 * the caller reads and parses; an "assemble" thread cleans, dates, identifies and serialises each article;
 * a "send" thread only publishes, because the producer compresses and batches on the thread that calls
 * send(). Problems found while reading travel down the pipeline with the drafts, so error lines come out in
 * input order. Call from one thread at a time.
 */
public final class IngestRun implements Consumer<Draft>, AutoCloseable {
    /** A reading problem, reported from the assemble thread in its place in the input. */
    private record Problem(boolean error, String message) {
    }

    /** An article serialised and ready to send, with the input it came from. */
    private record Assembled(String id, byte[] json, String where) {
    }

    private final InputReader reader;
    private final ArticleAssembler assembler;
    private final RunCounts counts;
    private final Problems problems;
    private final ArticleJson json = new ArticleJson();
    private final HandoffStage<Assembled> send;
    private final HandoffStage<Object> assemble;
    private final Problems queuedProblems;
    private ProgressLine progress = ProgressLine.off();

    public IngestRun(InputReader reader, ArticleAssembler assembler, ArticlePublisher publisher, RunCounts counts,
                     Problems problems) {
        this.reader = reader;
        this.assembler = assembler;
        this.counts = counts;
        this.problems = problems;
        this.send = new HandoffStage<>("newsmon-ingest-send",
                a -> publisher.publish(a.id(), a.json(), a.where()),
                publisher::flush);
        this.assemble = new HandoffStage<>("newsmon-ingest-assemble", this::assemble, send::flush);
        this.queuedProblems = new Problems() {
            @Override
            public void error(String message) {
                assemble.submit(new Problem(true, message));
            }

            @Override
            public void warn(String message) {
                assemble.submit(new Problem(false, message));
            }
        };
    }

    public void progress(ProgressLine progress) {
        this.progress = progress;
    }

    public void path(Path path) {
        reader.readPath(path, this, queuedProblems);
    }

    public void stream(String name, InputStream in) {
        reader.readStream(name, in, this, queuedProblems);
    }

    public void feed(String name, byte[] xml) {
        reader.readFeed(name, xml, this, queuedProblems);
    }

    /** Reports a problem in its place among the inputs (e.g. a feed URL that could not be fetched). */
    public void problem(String message) {
        queuedProblems.error(message);
    }

    @Override
    public void accept(Draft draft) {
        counts.read.incrementAndGet();
        assemble.submit(draft);
        progress.tick();
    }

    /** On the assemble thread. */
    private void assemble(Object item) {
        if (item instanceof Problem) {
            Problem p = (Problem) item;
            if (p.error()) {
                problems.error(p.message());
            } else {
                problems.warn(p.message());
            }
            return;
        }
        Draft draft = (Draft) item;
        Article article = assembler.assemble(draft, Instant.now(), problems);
        if (article != null) {
            send.submit(new Assembled(article.id(), json.write(article), draft.where()));
        }
    }

    /** Returns when everything read so far is acknowledged (or reported as failed). */
    public void flush() {
        assemble.flush();
        progress.clear();
    }

    /** Stops both threads after what is queued; the publisher is closed by whoever opened it. */
    @Override
    public void close() {
        try {
            assemble.close();
        } finally {
            send.close();
        }
    }
}
