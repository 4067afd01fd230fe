package dev.newsmon.app.up;

import dev.newsmon.common.Topics;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits until the processor and the sink have committed past every record: the corpus is done. */
final class DrainWait {
    private static final Duration POLL = Duration.ofMillis(250);
    /**
     * Zero must hold this many polls in a row: a stage may still be between reading and writing, and the
     * processor's reorder buffer holds events up to a second (four default holds) after it committed their input.
     */
    private static final int STABLE_POLLS = 6;

    private final PendingRecords pending;
    private final String processorGroup;
    private final String sinkGroup;
    private final Supplier<String> failure;

    /** @param failure why a stage died, or null while all are healthy: no point waiting for a dead stage */
    DrainWait(PendingRecords pending, String processorGroup, String sinkGroup, Supplier<String> failure) {
        this.pending = pending;
        this.processorGroup = processorGroup;
        this.sinkGroup = sinkGroup;
        this.failure = failure;
    }

    /** Returns when drained; throws with what is left once {@code deadline} (System.nanoTime) has passed. */
    void await(long deadline, long timeoutSeconds) throws Exception {
        // Streams moves records between sub-topologies through its own repartition topics; they are work too.
        Predicate<String> processorTopics = topic -> topic.equals(Topics.ARTICLES)
                || (topic.startsWith(processorGroup + "-") && topic.endsWith("-repartition"));
        Predicate<String> alertTopics = topic -> Topics.ALERTS_PATTERN.matcher(topic).matches();
        // Every event the signal stage releases writes a signal: a quiet signals topic means nothing is held.
        Predicate<String> signalsTopic = Topics.SIGNALS::equals;
        int zeros = 0;
        long toProcess = -1;
        long toDeliver = -1;
        long signals = -1;
        while (zeros < STABLE_POLLS) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(String.format(
                        "timed out after %d s: %d records not yet processed by %s, %d alerts not yet delivered by %s",
                        timeoutSeconds, toProcess, processorGroup, toDeliver, sinkGroup));
            }
            Thread.sleep(POLL.toMillis());
            String dead = failure.get();
            if (dead != null) {
                throw new IllegalStateException(dead);
            }
            toProcess = pending.pending(processorGroup, processorTopics);
            toDeliver = pending.pending(sinkGroup, alertTopics);
            long signalsNow = pending.written(signalsTopic);
            zeros = toProcess == 0 && toDeliver == 0 && signalsNow == signals ? zeros + 1 : 0;
            signals = signalsNow;
        }
    }
}
