package dev.newsmon.common.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class MetricsServerTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void servesMetricsAndHealthOnAFreePort() throws Exception {
        AtomicBoolean healthy = new AtomicBoolean(true);
        MetricsSource counts = out -> out.counter("newsmon_things_total", "Things", Map.of(), 3);
        try (MetricsServer server = MetricsServer.start("test", "127.0.0.1", 0, List.of(counts), healthy::get)) {
            HttpResponse<String> metrics = get(server, "/metrics");
            assertEquals(200, metrics.statusCode());
            assertEquals(PrometheusText.CONTENT_TYPE, metrics.headers().firstValue("Content-Type").orElse(""));
            assertTrue(metrics.body().contains("\nnewsmon_things_total 3\n"), metrics.body());

            assertEquals(200, get(server, "/health").statusCode());
            healthy.set(false);
            assertEquals(503, get(server, "/health").statusCode());
        }
    }

    private static HttpResponse<String> get(MetricsServer server, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
