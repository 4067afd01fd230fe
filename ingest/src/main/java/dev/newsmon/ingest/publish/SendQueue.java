package dev.newsmon.ingest.publish;

import dev.newsmon.common.Article;
import dev.newsmon.common.JsonSerde;
import dev.newsmon.ingest.IngestException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;

/**
 * Hands articles from the reading thread to one sending thread, in batches, so parsing and cleaning the
 * next articles overlaps with serialising, appending and compressing the previous ones. Order is kept.
 * Bounded, so a slow broker holds back reading instead of filling memory.
 */
public final class SendQueue implements AutoCloseable {
    private static final int BATCH = 128;
    private static final int BATCHES_IN_FLIGHT = 16;

    private static final JsonSerde<Article> JSON = JsonSerde.of(Article.class);

    /** One article ready to send, or a flush marker. */
    record Item(Article article, String where, CountDownLatch flushed) {
    }

    private final ArticlePublisher publisher;
    private final BlockingQueue<List<Item>> queue = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
    private final Thread sender;
    private List<Item> batch = new ArrayList<>(BATCH);
    private volatile RuntimeException failure;
    private boolean closed;

    private final String topic;

    public SendQueue(ArticlePublisher publisher, String topic) {
        this.topic = topic;
        this.publisher = publisher;
        this.sender = new Thread(this::sendLoop, "newsmon-ingest-send");
        sender.setDaemon(true);
        sender.start();
    }

    /** Queues one article; throws if sending has failed for good. */
    public void submit(Article article, String where) {
        checkFailure();
        batch.add(new Item(article, where, null));
        if (batch.size() >= BATCH) {
            put(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /** Returns once every queued article has been handed to the producer and acknowledged or failed. */
    public void flush() {
        CountDownLatch done = new CountDownLatch(1);
        batch.add(new Item(null, null, done));
        put(batch);
        batch = new ArrayList<>(BATCH);
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestException("interrupted while publishing");
        }
        checkFailure();
        publisher.flush();
    }

    private void sendLoop() {
        try {
            while (true) {
                List<Item> items = queue.take();
                if (items.isEmpty()) {
                    return;
                }
                for (Item item : items) {
                    if (item.flushed() != null) {
                        item.flushed().countDown();
                    } else if (failure == null) {
                        try {
                            Article a = item.article();
                            publisher.publish(a.id(), JSON.serialize(topic, a), item.where());
                        } catch (RuntimeException e) {
                            failure = e;
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void put(List<Item> items) {
        try {
            while (!queue.offer(items, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                checkFailure();
                if (!sender.isAlive()) {
                    throw new IngestException("the sending thread stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestException("interrupted while publishing");
        }
    }

    private void checkFailure() {
        RuntimeException f = failure;
        if (f != null) {
            throw f;
        }
    }

    /** Stops the sending thread after what is queued; the publisher is closed by its owner. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!batch.isEmpty()) {
            put(batch);
            batch = new ArrayList<>(BATCH);
        }
        try {
            put(List.of());
            sender.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IngestException e) {
            sender.interrupt();
        }
    }
}
