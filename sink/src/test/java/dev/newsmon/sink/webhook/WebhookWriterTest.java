package dev.newsmon.sink.webhook;

import static dev.newsmon.sink.TestAlerts.T0;
import static dev.newsmon.sink.TestAlerts.alert;
import static dev.newsmon.sink.TestAlerts.delivery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.newsmon.common.DeadLetter;
import dev.newsmon.common.Json;
import dev.newsmon.common.Severity;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookWriterTest {
    static final Backoff FAST = new Backoff(Duration.ofMillis(10), Duration.ofMillis(80));

    @TempDir
    Path dir;
    HttpServer server;
    final List<JsonNode> received = Collections.synchronizedList(new ArrayList<>());
    final List<DeadLetter> failed = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger requests = new AtomicInteger();

    /** A local endpoint that answers {@code status} to the first {@code failures} requests, then 200. */
    URI endpoint(int failures, int status) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int n = requests.incrementAndGet();
            int code = n <= failures ? status : 200;
            if (code == 200) {
                received.add(Json.MAPPER.readTree(body));
            }
            exchange.sendResponseHeaders(code, -1);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    WebhookWriter writer(URI uri, WebhookFormat format, Duration giveUp) {
        return new WebhookWriter(uri, format, giveUp, FAST, new DeliveryLog(dir.resolve("delivered")),
                letter -> {
                    failed.add(letter);
                    return CompletableFuture.completedFuture(null);
                }, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void retriesThroughFailuresAndDeliversEveryAlertExactlyOnce() throws Exception {
        URI uri = endpoint(4, 503);
        try (WebhookWriter w = writer(uri, WebhookFormat.json, Duration.ofSeconds(30))) {
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                done.add(w.deliver(delivery(alert("a" + i, "chips", Severity.WARNING), i)));
            }
            done.add(w.deliver(delivery(alert("a0", "chips", Severity.WARNING), 0))); // a repeat while queued
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        }
        assertEquals(List.of("a0", "a1", "a2", "a3", "a4"), received.stream().map(n -> n.get("id").asText()).toList());
        assertEquals(9, requests.get(), "4 failures, then one request per alert");
        assertEquals(List.of(), failed);
    }

    @Test
    void anEndpointThatIsDownThenComesBackGetsEachAlertOnce() throws Exception {
        URI uri = endpoint(0, 200);
        int port = server.getAddress().getPort();
        server.stop(0); // connection refused from now on
        try (WebhookWriter w = writer(uri, WebhookFormat.json, Duration.ofSeconds(30))) {
            CompletableFuture<Void> a = w.deliver(delivery(alert("d1", "chips", Severity.INFO), 1));
            CompletableFuture<Void> b = w.deliver(delivery(alert("d2", "chips", Severity.INFO), 2));
            Thread.sleep(1_500);
            assertTrue(!a.isDone() && !b.isDone(), "still retrying while the endpoint is down");
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.createContext("/hook", exchange -> {
                received.add(Json.MAPPER.readTree(exchange.getRequestBody().readAllBytes()));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            CompletableFuture.allOf(a, b).get(20, TimeUnit.SECONDS);
        }
        assertEquals(List.of("d1", "d2"), received.stream().map(n -> n.get("id").asText()).toList());
        assertEquals(List.of(), failed);
    }

    @Test
    void anEndpointThatNeverRecoversHandsTheAlertToFailedDeliveriesWithTheReason() throws Exception {
        URI uri = endpoint(Integer.MAX_VALUE, 500);
        try (WebhookWriter w = writer(uri, WebhookFormat.json, Duration.ofMillis(300))) {
            w.deliver(delivery(alert("lost", "taiwan", Severity.CRITICAL), 7)).get(10, TimeUnit.SECONDS);
        }
        assertEquals(1, failed.size());
        DeadLetter letter = failed.get(0);
        assertEquals(WebhookWriter.STAGE, letter.stage());
        assertEquals("news.alerts.taiwan", letter.topic());
        assertEquals(7, letter.offset());
        assertTrue(letter.reason().contains("HTTP 500"), letter.reason());
        assertTrue(letter.reason().contains("attempt"), letter.reason());
        assertEquals("lost", Json.MAPPER.readTree(letter.value()).get("id").asText());
        assertTrue(requests.get() > 1, "it retried before giving up");
        assertEquals(List.of(), received);
    }

    @Test
    void aClientErrorIsNotRetried() throws Exception {
        URI uri = endpoint(Integer.MAX_VALUE, 400);
        try (WebhookWriter w = writer(uri, WebhookFormat.slack, Duration.ofSeconds(30))) {
            w.deliver(delivery(alert("bad", "chips", Severity.INFO), 1)).get(10, TimeUnit.SECONDS);
        }
        assertEquals(1, requests.get());
        assertTrue(failed.get(0).reason().contains("not retryable"), failed.get(0).reason());
    }

    @Test
    void aRestartedWriterSkipsAlertsAlreadyDelivered() throws Exception {
        URI uri = endpoint(0, 200);
        try (WebhookWriter w = writer(uri, WebhookFormat.json, Duration.ofSeconds(5))) {
            w.deliver(delivery(alert("once", "chips", Severity.INFO), 1)).get(10, TimeUnit.SECONDS);
        }
        try (WebhookWriter w = writer(uri, WebhookFormat.json, Duration.ofSeconds(5))) {
            assertTrue(w.deliver(delivery(alert("once", "chips", Severity.INFO), 1)).isDone());
        }
        assertEquals(1, received.size());
    }

    @Test
    void slackFormatSendsTextAndBlocks() throws Exception {
        URI uri = endpoint(0, 200);
        try (WebhookWriter w = writer(uri, WebhookFormat.slack, Duration.ofSeconds(5))) {
            w.deliver(delivery(alert("s1", "north_korea", Severity.CRITICAL), 1)).get(10, TimeUnit.SECONDS);
            w.deliver("north_korea", T0, T0.plusSeconds(3600), List.of(
                    delivery(alert("s1", "north_korea", Severity.CRITICAL), 1),
                    delivery(alert("s2", "north_korea", Severity.WARNING), 2))).get(10, TimeUnit.SECONDS);
        }
        JsonNode msg = received.get(0);
        assertEquals("[CRITICAL] north_korea spike: tension z 3.2 over 5 stories (1 article)", msg.get("text").asText());
        assertEquals("section", msg.get("blocks").get(0).get("type").asText());
        assertTrue(msg.get("blocks").get(1).get("text").get("text").asText()
                .contains("<https://example.org/a1|Officials trade warnings over chip curbs>"));
        JsonNode digest = received.get(1);
        assertTrue(digest.get("text").asText().contains("1 alert (1 warning)"),
                "s1 was delivered already, so the digest carries only s2: " + digest.get("text"));
        assertEquals(new String(WebhookPayloads.body(WebhookFormat.slack, alert("s1", "north_korea",
                Severity.CRITICAL)), StandardCharsets.UTF_8), msg.toString());
    }
}
