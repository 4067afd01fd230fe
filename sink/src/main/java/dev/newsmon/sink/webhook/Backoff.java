package dev.newsmon.sink.webhook;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": the n-th wait is half of min(max, initial * 2^n) plus a random
 * share of the other half, so many sinks retrying one endpoint do not hit it in lock-step.
 */
public record Backoff(Duration initial, Duration max) {
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));

    public Duration delay(int attempt, RandomGenerator random) {
        long cap = max.toMillis();
        long base = Math.min(cap, initial.toMillis() << Math.min(attempt, 30));
        long half = Math.max(1, base / 2);
        return Duration.ofMillis(half + random.nextLong(half + 1));
    }
}
