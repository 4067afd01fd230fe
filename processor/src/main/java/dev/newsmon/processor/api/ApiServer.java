package dev.newsmon.processor.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.newsmon.common.Json;
import dev.newsmon.common.metrics.PrometheusText;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processor's read-only HTTP API on the JDK server: /health, /metrics, /api/themes, /api/signals, /api/alerts,
 * /api/articles/{id}. Answers come from the state stores through {@link StoreQueries}.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    private final String host;
    private final int port;
    private final StoreQueries queries;
    private final Supplier<String> metrics;
    private HttpServer server;
    private ExecutorService pool;

    public ApiServer(String host, int port, StoreQueries queries) {
        this(host, port, queries, null);
    }

    /** @param metrics renders /metrics (Prometheus text), or null for none */
    public ApiServer(String host, int port, StoreQueries queries, Supplier<String> metrics) {
        this.host = host;
        this.port = port;
        this.queries = queries;
        this.metrics = metrics;
    }

    /** Binds and serves; throws if the address is taken. */
    public synchronized void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        // Two threads: queries are small reads, and a forwarded query must not wait behind the one forwarding it.
        pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "newsmon-api");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
        LOG.info("processor API listening on http://{}:{}", host, server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod())) {
                send(ex, 405, Map.of("error", "only GET is supported"));
                return;
            }
            String path = ex.getRequestURI().getPath();
            if (metrics != null && "/metrics".equals(path)) {
                byte[] text = metrics.get().getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", PrometheusText.CONTENT_TYPE);
                ex.sendResponseHeaders(200, text.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(text);
                }
                return;
            }
            Map<String, String> q = query(ex.getRequestURI().getRawQuery());
            boolean local = ex.getRequestHeaders().containsKey(StoreQueries.LOCAL_HEADER);
            StoreQueries.Answer a = switch (path) {
                case "/health" -> queries.health();
                case "/api/themes" -> queries.themes();
                case "/api/signals" -> queries.signals(q.get("theme"), q.get("from"), q.get("to"), q.get("limit"),
                        local);
                case "/api/alerts" -> queries.alerts(q.get("theme"), q.get("limit"), local);
                default -> path.startsWith("/api/articles/")
                        ? queries.article(path.substring("/api/articles/".length()), local)
                        : new StoreQueries.Answer(404, Map.of("error", "no such endpoint: " + path));
            };
            send(ex, a.status(), a.body());
        } catch (RuntimeException e) {
            LOG.warn("API request {} failed: {}", ex.getRequestURI(), e.toString());
            try {
                send(ex, 500, Map.of("error", String.valueOf(e.getMessage())));
            } catch (IOException ignored) {
                // the client is gone
            }
        }
    }

    private static void send(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = body instanceof byte[] raw ? raw : Json.MAPPER.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> m = new HashMap<>();
        if (raw == null) {
            return m;
        }
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                m.put(URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return m;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            pool.shutdownNow();
            server = null;
        }
    }
}
