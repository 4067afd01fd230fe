package dev.newsmon.ingest.publish;

import dev.newsmon.ingest.IngestException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One pipeline stage on its own thread: items submitted by one upstream thread are handled in order,
 * handed over in batches so the hand-off costs little per item. Bounded, so a slow stage holds back the
 * ones before it instead of filling memory. A handler failure stops the stage and is rethrown upstream.
 */
public final class HandoffStage<T> implements AutoCloseable {
    private static final int BATCH = 128;
    private static final int BATCHES_IN_FLIGHT = 16;

    private final Consumer<T> handler;
    private final Runnable onFlush;
    private final BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
    private final Thread thread;
    private List<Object> batch = new ArrayList<>(BATCH);
    private volatile RuntimeException failure;
    private boolean closed;

    /** {@code onFlush} runs on the stage's thread once everything before a {@link #flush()} is handled. */
    public HandoffStage(String threadName, Consumer<T> handler, Runnable onFlush) {
        this.handler = handler;
        this.onFlush = onFlush;
        this.thread = new Thread(this::loop, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues one item; throws the stage's failure if it has failed. Call from one thread only. */
    public void submit(T item) {
        checkFailure();
        batch.add(item);
        if (batch.size() >= BATCH) {
            put(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /** Returns once every submitted item is handled and {@code onFlush} has run. */
    public void flush() {
        CountDownLatch done = new CountDownLatch(1);
        batch.add(done);
        put(batch);
        batch = new ArrayList<>(BATCH);
        try {
            while (!done.await(100, TimeUnit.MILLISECONDS)) {
                if (!thread.isAlive()) {
                    throw new IngestException("the " + thread.getName() + " thread stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestException("interrupted while publishing");
        }
        checkFailure();
    }

    @SuppressWarnings("unchecked")
    private void loop() {
        try {
            while (true) {
                List<Object> items = queue.take();
                if (items.isEmpty()) {
                    return;
                }
                for (Object item : items) {
                    if (item instanceof CountDownLatch) {
                        if (failure == null) {
                            run(onFlush);
                        }
                        ((CountDownLatch) item).countDown();
                    } else if (failure == null) {
                        try {
                            handler.accept((T) item);
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

    private void run(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private void put(List<Object> items) {
        try {
            while (!queue.offer(items, 100, TimeUnit.MILLISECONDS)) {
                checkFailure();
                if (!thread.isAlive()) {
                    throw new IngestException("the " + thread.getName() + " thread stopped");
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

    /** Handles what is queued, then stops the thread. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!batch.isEmpty()) {
                put(batch);
                batch = new ArrayList<>(BATCH);
            }
            put(List.of());
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IngestException e) {
            thread.interrupt();
        }
    }
}
