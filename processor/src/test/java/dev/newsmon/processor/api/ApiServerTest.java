package dev.newsmon.processor.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

/** The HTTP surface before the processor runs; queries against live stores are in app's ProcessorApiIT. */
class ApiServerTest {
    static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersWithStatusCodesThatSayWhatIsWrong() throws Exception {
        StoreQueries q = new StoreQueries(() -> null, () -> new HostInfo("127.0.0.1", 1), List.of("chips", "taiwan"));
        try (ApiServer server = new ApiServer("127.0.0.1", 0, q)) {
            server.start();
            int port = server.port();
            HttpResponse<String> health = get(port, "/health");
            assertEquals(503, health.statusCode());
            assertTrue(health.body().contains("\"state\":\"CREATED\""), health.body());
            HttpResponse<String> themes = get(port, "/api/themes");
            assertEquals(200, themes.statusCode());
            assertEquals("[{\"theme\":\"chips\",\"topic\":\"news.alerts.chips\"},"
                    + "{\"theme\":\"taiwan\",\"topic\":\"news.alerts.taiwan\"}]", themes.body());
            assertEquals(400, get(port, "/api/signals").statusCode());
            assertEquals(400, get(port, "/api/signals?theme=chips&from=yesterday").statusCode());
            assertEquals(503, get(port, "/api/signals?theme=chips").statusCode(), "no processor yet");
            assertEquals(404, get(port, "/api/nothing").statusCode());
            assertEquals("application/json", get(port, "/api/themes").headers().firstValue("Content-Type")
                    .orElse(""));
        }
    }
}
