package dev.newsmon.sink.webhook;

import dev.newsmon.common.Durations;
import dev.newsmon.common.DeadLetter;
import dev.newsmon.common.Json;
import dev.newsmon.sink.Delivery;
import dev.newsmon.sink.digest.AlertDigest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs alerts to one URL from its own thread, so a slow or dead endpoint never holds up the file or console.
 * Each alert is retried with {@link Backoff} until {@code giveUp} after it was queued; then it is handed to
 * {@link FailedDeliveries} with the reason. The returned future completes only once the alert is delivered or
 * handed off, and the sink commits the alert's offset only then, so a crash in between re-delivers it.
 */
public final class WebhookWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookWriter.class);
    public static final String STAGE = "sink.webhook";

    private final URI uri;
    private final WebhookFormat format;
    private final Duration giveUp;
    private final Backoff backoff;
    private final HttpClient http;
    private final DeliveryLog deliveryLog;
    private final FailedDeliveries failed;
    private final Clock clock;
    private final RandomGenerator random = RandomGenerator.getDefault();
    private final Map<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "newsmon-sink-webhook");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean failing;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong gaveUp = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();

    public WebhookWriter(URI uri, WebhookFormat format, Duration giveUp, Backoff backoff, DeliveryLog deliveryLog,
                         FailedDeliveries failed, Clock clock) {
        this.uri = uri;
        this.format = format;
        this.giveUp = giveUp;
        this.backoff = backoff;
        this.deliveryLog = deliveryLog;
        this.failed = failed;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                // Plain HTTP/1.1: no h2c upgrade attempt that a small listener (nc, a script) might not expect.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Alerts posted, alerts given up on (sent to failed deliveries), alerts skipped as already delivered. */
    public record Counts(long delivered, long failed, long duplicates) {
    }

    public Counts counts() {
        return new Counts(delivered.get(), gaveUp.get(), skipped.get());
    }

    /** Scheme, host and port only: webhook paths (Slack's included) are secrets and stay out of logs. */
    public static String redacted(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** Queues one alert; an id already delivered (even in an earlier run) or queued is not sent again. */
    public CompletableFuture<Void> deliver(Delivery d) {
        String id = d.alert().id();
        if (deliveryLog.contains(id)) {
            skipped.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }
        return inFlight.computeIfAbsent(id, k -> submit(List.of(d), WebhookPayloads.body(format, d.alert()), id));
    }

    /** Queues one digest message for the alerts not yet delivered; completes at once if there are none. */
    public CompletableFuture<Void> deliver(String theme, Instant start, Instant end, List<Delivery> deliveries) {
        List<Delivery> fresh = deliveries.stream().filter(d -> !deliveryLog.contains(d.alert().id())).toList();
        if (fresh.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        AlertDigest digest = new AlertDigest(theme, start, end, fresh.stream().map(Delivery::alert).toList());
        return submit(fresh, WebhookPayloads.body(format, digest), "digest:" + theme + ":" + start);
    }

    private CompletableFuture<Void> submit(List<Delivery> items, byte[] body, String key) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Instant deadline = clock.instant().plus(giveUp);
        try {
            worker.execute(() -> run(items, body, key, deadline, done));
        } catch (RuntimeException e) {
            done.completeExceptionally(e); // closed: the offsets stay uncommitted and the next run retries
        }
        done.whenComplete((v, e) -> items.forEach(d -> inFlight.remove(d.alert().id(), done)));
        return done;
    }

    private void run(List<Delivery> items, byte[] body, String key, Instant deadline, CompletableFuture<Void> done) {
        List<String> ids = items.stream().map(d -> d.alert().id()).toList();
        try {
            String reason = attemptUntilDeadline(body, key, deadline);
            if (reason == null) {
                deliveryLog.record(ids, "delivered");
                delivered.addAndGet(ids.size());
            } else {
                log.warn("webhook {} gave up on {} alert(s) ({}): {}; sending them to failed deliveries",
                        redacted(uri), ids.size(), String.join(",", ids), reason);
                handOff(items, reason);
                deliveryLog.record(ids, "failed");
                gaveUp.addAndGet(ids.size());
            }
            done.complete(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.completeExceptionally(e);
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
    }

    /** Returns null once delivered, else why it gave up. */
    private String attemptUntilDeadline(byte[] body, String key, Instant deadline) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("User-Agent", "newsmon-sink")
                // Lets a receiver drop the rare repeat when its 2xx reply was lost and we retried.
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        for (int attempt = 1; ; attempt++) {
            String error;
            Duration wait = backoff.delay(attempt - 1, random);
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    if (failing) {
                        failing = false;
                        log.info("webhook {} is accepting alerts again", redacted(uri));
                    }
                    return null;
                }
                error = "HTTP " + status + snippet(response.body());
                if (!retryable(status)) {
                    return error + " (not retryable)";
                }
                Optional<Duration> asked = retryAfter(response);
                if (asked.isPresent() && asked.get().compareTo(wait) > 0) {
                    wait = asked.get(); // the server knows best when it will be back
                }
            } catch (IOException e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            if (!failing) {
                failing = true;
                log.warn("webhook {} failing ({}); retrying with backoff for up to {}", redacted(uri), error,
                        Durations.format(giveUp));
            }
            if (clock.instant().plus(wait).isAfter(deadline)) {
                return error + " after " + attempt + " attempt(s) within " + Durations.format(giveUp);
            }
            Thread.sleep(wait.toMillis());
        }
    }

    private void handOff(List<Delivery> items, String reason) throws InterruptedException {
        for (Delivery d : items) {
            DeadLetter letter = new DeadLetter(STAGE, "webhook " + redacted(uri) + ": " + reason, d.topic(),
                    d.partition(), d.offset(), d.alert().theme(), json(d), clock.instant());
            // Kafka down as well: keep trying, the offset stays uncommitted meanwhile, so nothing is lost.
            for (int attempt = 0; ; attempt++) {
                try {
                    failed.handOff(letter).get(30, TimeUnit.SECONDS);
                    break;
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    log.warn("cannot record failed delivery of {}: {}; retrying", d.alert().id(), e.getMessage());
                    Thread.sleep(backoff.delay(attempt, random).toMillis());
                }
            }
        }
    }

    /** Timeouts, throttling and server errors may pass; other 4xx mean the request itself is wrong. */
    static boolean retryable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.min(300, Long.parseLong(v.trim()))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static String snippet(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String one = body.replaceAll("\\s+", " ").trim();
        return ": " + (one.length() > 200 ? one.substring(0, 200) + "…" : one);
    }

    private static String json(Delivery d) {
        try {
            return new String(Json.MAPPER.writeValueAsBytes(d.alert()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return String.valueOf(d.alert());
        }
    }

    /** Stops retrying; alerts still queued stay uncommitted and are delivered by the next run. */
    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        inFlight.values().forEach(f -> f.completeExceptionally(new IllegalStateException("webhook closed")));
        deliveryLog.close();
    }
}
