package dev.newsmon.ingest.feed;

import dev.newsmon.ingest.IngestException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches feeds with conditional GET: the ETag and Last-Modified of each URL's last 200 are sent back,
 * so an unchanged feed costs one 304 and no parsing. Failures are {@link IngestException}s naming the URL.
 */
public final class FeedFetcher {

    /** The body of a 200, or {@code notModified} for a 304. */
    public record Fetched(int status, byte[] body) {
        public boolean notModified() {
            return status == 304;
        }
    }

    private record Validators(String etag, String lastModified) {
    }

    private final HttpClient http;
    private final Duration timeout;
    private final long maxBytes;
    private final Map<URI, Validators> validators = new ConcurrentHashMap<>();

    public FeedFetcher(Duration timeout, long maxBytes) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public Fetched fetch(URI uri) {
        HttpRequest.Builder req = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("User-Agent", "newsmon-ingest")
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5")
                .GET();
        Validators v = validators.get(uri);
        if (v != null) {
            if (v.etag() != null) {
                req.header("If-None-Match", v.etag());
            }
            if (v.lastModified() != null) {
                req.header("If-Modified-Since", v.lastModified());
            }
        }
        HttpResponse<InputStream> resp;
        try {
            resp = http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new IngestException(uri + ": unreachable: no connection within " + seconds());
        } catch (HttpTimeoutException e) {
            throw new IngestException(uri + ": no response within " + seconds());
        } catch (ConnectException e) {
            throw new IngestException(uri + ": unreachable: connection refused");
        } catch (IOException e) {
            Throwable root = rootCause(e);
            if (root instanceof UnknownHostException || root instanceof UnresolvedAddressException) {
                throw new IngestException(uri + ": unreachable: unknown host " + uri.getHost());
            }
            throw new IngestException(uri + ": unreachable: " + (root.getMessage() != null ? root.getMessage()
                    : root.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestException(uri + ": interrupted");
        }
        int status = resp.statusCode();
        try (InputStream body = resp.body()) {
            if (status == 304) {
                return new Fetched(304, null);
            }
            if (status < 200 || status > 299) {
                throw new IngestException(uri + ": HTTP " + status);
            }
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new IngestException(uri + ": feed larger than " + maxBytes + " bytes");
            }
            String etag = resp.headers().firstValue("ETag").orElse(null);
            String lastModified = resp.headers().firstValue("Last-Modified").orElse(null);
            if (etag != null || lastModified != null) {
                validators.put(uri, new Validators(etag, lastModified));
            }
            return new Fetched(status, bytes);
        } catch (HttpTimeoutException e) {
            throw new IngestException(uri + ": body not received within " + seconds());
        } catch (IOException e) {
            throw new IngestException(uri + ": reading the response failed: " + e.getMessage());
        }
    }

    private String seconds() {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
