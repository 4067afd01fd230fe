package dev.newsmon.processor.api;

import dev.newsmon.common.Alert;
import dev.newsmon.common.ClassifiedArticle;
import dev.newsmon.common.Json;
import dev.newsmon.common.ThemeSignal;
import dev.newsmon.common.Topics;
import dev.newsmon.processor.signals.SignalProcessor;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Answers API queries from the local state stores, or, when another instance owns the key, by asking that
 * instance (found through Kafka Streams metadata) and relaying its answer.
 */
public final class StoreQueries {
    /** Marks a relayed request, so the owner answers from its own stores instead of relaying again. */
    static final String LOCAL_HEADER = "X-Newsmon-Local";
    static final int DEFAULT_ALERTS = 20;
    public static final String ARTICLES_STORE = "articles-by-id";

    public record Answer(int status, Object body) {
    }

    private final Supplier<KafkaStreams> streams;
    private final Supplier<HostInfo> self;
    private final List<String> themes;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @param self this instance's advertised API address, known once the server is bound */
    public StoreQueries(Supplier<KafkaStreams> streams, Supplier<HostInfo> self, List<String> themes) {
        this.streams = streams;
        this.self = self;
        this.themes = List.copyOf(themes);
    }

    Answer health() {
        KafkaStreams s = streams.get();
        KafkaStreams.State state = s == null ? KafkaStreams.State.CREATED : s.state();
        boolean ok = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
        return new Answer(ok ? 200 : 503, Map.of("status", ok ? "up" : "down", "state", state.name()));
    }

    Answer themes() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String t : themes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("theme", t);
            m.put("topic", Topics.alerts(t));
            out.add(m);
        }
        return new Answer(200, out);
    }

    Answer signals(String theme, String from, String to, String limit, boolean local) {
        if (theme == null || theme.isBlank()) {
            return bad("theme is required, e.g. /api/signals?theme=taiwan");
        }
        Instant f;
        Instant t;
        int n;
        try {
            f = from == null ? Instant.EPOCH : Instant.parse(from);
            t = to == null ? Instant.parse("9999-12-31T00:00:00Z") : Instant.parse(to);
            n = limit == null ? Integer.MAX_VALUE : Integer.parseInt(limit);
        } catch (DateTimeParseException | NumberFormatException e) {
            return bad("from and to are ISO instants such as 2026-10-14T00:00:00Z; limit is a number");
        }
        String path = "/api/signals?theme=" + enc(theme) + (from == null ? "" : "&from=" + enc(from))
                + (to == null ? "" : "&to=" + enc(to)) + (limit == null ? "" : "&limit=" + enc(limit));
        return routed(SignalProcessor.SIGNAL_HISTORY_STORE, theme, path, local, () -> {
            List<ThemeSignal> list = range(SignalProcessor.SIGNAL_HISTORY_STORE, theme, f.toEpochMilli(),
                    Math.min(t.toEpochMilli(), 9_999_999_999_999L));
            return new Answer(200, list.subList(Math.max(0, list.size() - n), list.size()));
        });
    }

    Answer alerts(String theme, String limit, boolean local) {
        int n;
        try {
            n = limit == null ? DEFAULT_ALERTS : Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            return bad("limit must be a number");
        }
        if (theme == null || theme.isBlank()) {
            List<Alert> all = new ArrayList<>();
            for (String th : themes) {
                Answer a = alerts(th, String.valueOf(n), local);
                if (a.status() != 200) {
                    return a;
                }
                all.addAll(asAlerts(a.body()));
            }
            all.sort(Comparator.comparing(Alert::raisedAt).reversed().thenComparing(Alert::id));
            return new Answer(200, all.subList(0, Math.min(n, all.size())));
        }
        String path = "/api/alerts?theme=" + enc(theme) + "&limit=" + n;
        return routed(SignalProcessor.ALERT_HISTORY_STORE, theme, path, local, () -> {
            List<Alert> list = range(SignalProcessor.ALERT_HISTORY_STORE, theme, 0, 9_999_999_999_999L);
            List<Alert> latest = new ArrayList<>(list.subList(Math.max(0, list.size() - n), list.size()));
            java.util.Collections.reverse(latest);
            return new Answer(200, latest);
        });
    }

    Answer article(String id, boolean local) {
        if (id.isBlank()) {
            return bad("article id missing: /api/articles/{id}");
        }
        return routed(ARTICLES_STORE, id, "/api/articles/" + enc(id), local, () -> {
            ClassifiedArticle a = this.<ClassifiedArticle>store(ARTICLES_STORE).get(id);
            return a == null ? new Answer(404, Map.of("error", "no article " + id)) : new Answer(200, a);
        });
    }

    /** Answers locally when this instance owns {@code key} in {@code store}, else relays to the owner. */
    private Answer routed(String store, String key, String path, boolean local, Supplier<Answer> here) {
        KafkaStreams s = streams.get();
        if (s == null) {
            return new Answer(503, Map.of("error", "processor not started"));
        }
        try {
            if (!local) {
                KeyQueryMetadata meta = s.queryMetadataForKey(store, key, new StringSerializer());
                HostInfo owner = meta.activeHost();
                if (owner.equals(HostInfo.unavailable())) {
                    return new Answer(503, Map.of("error", "no instance owns '" + key + "' yet (rebalancing)"));
                }
                if (!owner.equals(self.get())) {
                    return relay(owner, path);
                }
            }
            return here.get();
        } catch (InvalidStateStoreException e) {
            return new Answer(503, Map.of("error", "state not queryable yet: " + e.getMessage()));
        }
    }

    private Answer relay(HostInfo owner, String path) {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://" + owner.host() + ":" + owner.port() + path))
                .header(LOCAL_HEADER, "1").timeout(Duration.ofSeconds(5)).GET().build();
        try {
            HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            return new Answer(502, Map.of("error", "owner " + owner.host() + ":" + owner.port() + " unreachable: "
                    + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(503, Map.of("error", "interrupted"));
        }
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        return streams.get().store(StoreQueryParameters.fromNameAndType(name,
                QueryableStoreTypes.<String, V>keyValueStore()));
    }

    private <V> List<V> range(String store, String subject, long from, long to) {
        List<V> out = new ArrayList<>();
        try (KeyValueIterator<String, V> it = this.<V>store(store).range(
                SignalProcessor.historyKey(subject, from, ""), SignalProcessor.historyKey(subject, to, "\uffff"))) {
            while (it.hasNext()) {
                KeyValue<String, V> kv = it.next();
                out.add(kv.value);
            }
        }
        return out;
    }

    private static List<Alert> asAlerts(Object body) {
        if (body instanceof byte[] raw) {
            try {
                return List.of(Json.MAPPER.readValue(raw, Alert[].class));
            } catch (IOException e) {
                throw new IllegalStateException("unreadable answer from another instance: " + e.getMessage(), e);
            }
        }
        @SuppressWarnings("unchecked")
        List<Alert> list = (List<Alert>) body;
        return list;
    }

    private static Answer bad(String message) {
        return new Answer(400, Map.of("error", message));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
