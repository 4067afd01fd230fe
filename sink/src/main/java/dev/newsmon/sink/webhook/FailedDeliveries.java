package dev.newsmon.sink.webhook;

import dev.newsmon.common.DeadLetter;
import java.util.concurrent.CompletableFuture;

/** Where an alert goes when the webhook gives up: news.failed-deliveries in production, a list in tests. */
@FunctionalInterface
public interface FailedDeliveries {
    /** Completes once the failure is durably recorded (for Kafka: acknowledged by the broker). */
    CompletableFuture<Void> handOff(DeadLetter failure);
}
