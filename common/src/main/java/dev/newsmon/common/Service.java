package dev.newsmon.common;

/**
 * A long-running stage (processor, sink, inbox watcher) that a command runs on its own
 * and that {@code newsmon up} runs in-process beside the others.
 */
public interface Service extends AutoCloseable {

    /** Short name for lifecycle log lines, e.g. "processor". */
    String name();

    /** Starts the stage's threads and returns; failures to start are thrown. */
    void start();

    /** Stops the stage and waits for it, committing what it has finished. Idempotent. */
    @Override
    void close();
}
