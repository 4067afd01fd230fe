package dev.newsmon.processor.signals;

import dev.newsmon.common.ThemeSignal;

/**
 * A subject's state as one article sees it: the signal for the current window, the latest stories before it
 * (for balance flips), and the last bucket before the article's own that had stories (for quiet-period rules).
 * Buckets are indices of hop-sized event-time slots since the epoch; {@code bucket} is the article's.
 */
public record Snapshot(
        ThemeSignal signal,
        long bucket,
        HourStats previousPeriod,
        long lastBucketWithStories,
        int storiesInBucketBefore) {

    public static final long NONE = Long.MIN_VALUE;
}
