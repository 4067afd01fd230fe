package dev.newsmon.common.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /metrics} (Prometheus text) and {@code GET /health} (200 "ok" or 503 "down") for one stage. */
public final class MetricsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);

    private final HttpServer server;
    private final ExecutorService pool;

    private MetricsServer(HttpServer server, ExecutorService pool) {
        this.server = server;
        this.pool = pool;
    }

    /**
     * Binds {@code host:port} (0 picks a free port) and serves until closed.
     *
     * @param healthy what /health reports; false gives 503 so a container healthcheck fails
     */
    public static MetricsServer start(String stage, String host, int port, List<MetricsSource> sources,
                                      BooleanSupplier healthy) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        // One daemon thread: scrapes are rare and cheap, and must never keep the JVM alive.
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "newsmon-" + stage + "-metrics");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/metrics", ex -> answer(ex, 200, PrometheusText.CONTENT_TYPE, () -> render(sources)));
        server.createContext("/health", ex -> {
            boolean up = healthy.getAsBoolean();
            answer(ex, up ? 200 : 503, "text/plain; charset=utf-8", () -> up ? "ok\n" : "down\n");
        });
        server.start();
        LOG.info("{} metrics on http://{}:{}/metrics", stage, host, server.getAddress().getPort());
        return new MetricsServer(server, pool);
    }

    /** The exposition of all sources, for servers that have their own HTTP endpoint (the processor API). */
    public static String render(List<MetricsSource> sources) {
        PrometheusText text = new PrometheusText();
        sources.forEach(s -> s.addTo(text));
        return text.toString();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private interface Body {
        String get();
    }

    private static void answer(HttpExchange ex, int status, String type, Body body) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod())) {
                ex.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes;
            try {
                bytes = body.get().getBytes(StandardCharsets.UTF_8);
            } catch (RuntimeException e) {
                LOG.warn("{} failed: {}", ex.getRequestURI(), e.toString());
                status = 500;
                bytes = (String.valueOf(e.getMessage()) + "\n").getBytes(StandardCharsets.UTF_8);
            }
            ex.getResponseHeaders().set("Content-Type", type);
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
