package dev.newsmon.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.newsmon.ingest.feed.FeedFetcher;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Conditional GET against a real local HTTP server on an ephemeral port. */
class FeedFetcherTest {
    private static final String ETAG = "\"v1\"";

    private HttpServer server;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch release = new CountDownLatch(1);
    private byte[] feed;

    @BeforeEach
    void start() throws IOException {
        feed = Files.readAllBytes(Fixtures.path("rss.xml"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feed.rss", ex -> {
            String inm = ex.getRequestHeaders().getFirst("If-None-Match");
            requests.add(inm == null ? "GET" : "GET If-None-Match " + inm);
            if (ETAG.equals(inm)) {
                ex.sendResponseHeaders(304, -1);
            } else {
                ex.getResponseHeaders().add("ETag", ETAG);
                ex.getResponseHeaders().add("Last-Modified", "Tue, 14 May 2024 08:00:00 GMT");
                ex.sendResponseHeaders(200, feed.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(feed);
                }
            }
            ex.close();
        });
        server.createContext("/slow.rss", ex -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.createContext("/", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void firstFetchIs200ThenAnUnchangedFeedCostsOne304() {
        FeedFetcher fetcher = new FeedFetcher(Duration.ofSeconds(5), 1 << 20);
        FeedFetcher.Fetched first = fetcher.fetch(uri("/feed.rss"));
        assertEquals(200, first.status());
        assertArrayEquals(feed, first.body());
        FeedFetcher.Fetched second = fetcher.fetch(uri("/feed.rss"));
        assertTrue(second.notModified());
        assertNull(second.body());
        assertEquals(List.of("GET", "GET If-None-Match " + ETAG), requests);
    }

    @Test
    void httpErrorNamesUrlAndStatus() {
        FeedFetcher fetcher = new FeedFetcher(Duration.ofSeconds(5), 1 << 20);
        IngestException e = assertThrows(IngestException.class, () -> fetcher.fetch(uri("/missing.rss")));
        assertEquals(uri("/missing.rss") + ": HTTP 404", e.getMessage());
    }

    @Test
    void slowServerTimesOut() {
        FeedFetcher fetcher = new FeedFetcher(Duration.ofMillis(300), 1 << 20);
        IngestException e = assertThrows(IngestException.class, () -> fetcher.fetch(uri("/slow.rss")));
        assertEquals(uri("/slow.rss") + ": no response within 300 ms", e.getMessage());
    }

    @Test
    void unreachableUrl() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        URI gone = URI.create("http://127.0.0.1:" + closedPort + "/feed.rss");
        IngestException e = assertThrows(IngestException.class,
                () -> new FeedFetcher(Duration.ofSeconds(2), 1 << 20).fetch(gone));
        assertTrue(e.getMessage().startsWith(gone + ": unreachable"), e.getMessage());
    }

    @Test
    void fetchedFeedParsesIntoArticles() {
        FeedFetcher.Fetched f = new FeedFetcher(Duration.ofSeconds(5), 1 << 20).fetch(uri("/feed.rss"));
        CollectedProblems p = new CollectedProblems();
        List<String> titles = new ArrayList<>();
        new dev.newsmon.ingest.read.InputReader(1 << 20, null).readFeed(uri("/feed.rss").toString(), f.body(),
                d -> titles.add(d.title()), p);
        assertEquals(List.of("Foreign ministers to meet in Busan", "Talks date stated in the text"), titles);
    }
}
