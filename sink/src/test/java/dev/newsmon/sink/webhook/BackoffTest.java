package dev.newsmon.sink.webhook;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void growsExponentiallyWithJitterUpToTheCap() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2));
        Random random = new Random(42);
        for (int attempt = 0; attempt < 12; attempt++) {
            long base = Math.min(2000, 100L << attempt);
            long seen = b.delay(attempt, random).toMillis();
            assertTrue(seen >= base / 2 && seen <= base, "attempt " + attempt + ": " + seen + " outside " + base);
        }
        long distinct = java.util.stream.IntStream.range(0, 50)
                .mapToLong(i -> b.delay(5, random).toMillis()).distinct().count();
        assertTrue(distinct > 10, "jitter spreads retries, got " + distinct + " distinct delays");
    }
}
