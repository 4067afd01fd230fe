package dev.newsmon.app.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsmon.app.broker.EmbeddedBroker;
import dev.newsmon.app.topics.TopicSetup;
import dev.newsmon.common.Article;
import dev.newsmon.common.Json;
import dev.newsmon.common.JsonSerde;
import dev.newsmon.common.Topics;
import dev.newsmon.processor.ProcessCommand;
import dev.newsmon.processor.ProcessorService;
import dev.newsmon.processor.api.StoreQueries;
import dev.newsmon.processor.classify.Themes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Two processor instances share the work on a real broker; each answers every API query, relaying to the owner
 * (found through Streams metadata) for the keys it does not hold.
 */
class ProcessorApiIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<String> THEMES = Themes.loadDefault().names();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String[][] STORIES = {
        {"North Korea fires ballistic missile", "North Korea fired a ballistic missile into the sea, Seoul's "
            + "military said. Pyongyang warned of stronger countermeasures."},
        {"Beijing warns Taipei over drills", "China's defence ministry warned that Taiwan would definitely regret "
            + "any move toward independence, as warships encircled Taiwan."},
        {"Summit planners meet in Seoul", "Officials from China, Japan and South Korea met in Seoul to prepare a "
            + "trilateral summit and pledged to strengthen cooperation."},
        {"US tightens chip export controls on China", "Washington imposed new export controls on advanced chips "
            + "to China, and Beijing threatened retaliation against the semiconductor sanctions."},
    };

    @TempDir
    static Path dir;
    static EmbeddedBroker broker;
    static final List<ProcessorService> instances = new ArrayList<>();
    static final List<String> ids = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedBroker.start(0, dir.resolve("kafka"), false);
        String bootstrap = broker.bootstrapServers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            TopicSetup.ensure(admin, TopicSetup.newTopics(THEMES, 3, (short) 1));
        }
        for (String name : List.of("a", "b")) {
            ProcessCommand cmd = new ProcessCommand();
            new CommandLine(cmd).parseArgs("--bootstrap-servers", bootstrap, "--application-id", "it-api",
                    "--state-dir", dir.resolve("streams-" + name).toString(), "--api-port", "0");
            ProcessorService s = cmd.service();
            s.start();
            instances.add(s);
        }
        JsonSerde<Article> serde = JsonSerde.of(Article.class);
        Instant t = Instant.parse("2026-10-14T08:00:00Z");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 12; i++) {
                String[] s = STORIES[i % STORIES.length];
                String id = "api-" + i;
                ids.add(id);
                Article a = new Article(id, "https://news.example/" + id, "example", s[0],
                        s[1] + " Desk note" + filler(id),
                        t.plus(Duration.ofMinutes(7L * i)), null, "en");
                producer.send(new ProducerRecord<>(Topics.ARTICLES, id, serde.serialize(Topics.ARTICLES, a)));
            }
        }
    }

    /** Words no other article has, so reports of the same story are not taken for syndicated copies. */
    static String filler(String id) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            b.append(' ').append(id).append('w').append(i);
        }
        return b.append('.').toString();
    }

    @AfterAll
    static void stop() {
        instances.forEach(ProcessorService::close);
        if (broker != null) {
            broker.close();
        }
    }

    static HttpResponse<String> get(ProcessorService s, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.apiPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Polls until both instances answer {@code path} with 200 and {@code ready} holds for the body. */
    static String await(String path, java.util.function.Predicate<String> ready) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> a = get(instances.get(0), path);
            HttpResponse<String> b = get(instances.get(1), path);
            last = a.statusCode() + " " + a.body() + " | " + b.statusCode() + " " + b.body();
            // Compared as JSON trees: a relayed answer is re-serialized, so map fields may come in another order.
            if (a.statusCode() == 200 && b.statusCode() == 200 && ready.test(a.body())
                    && Json.MAPPER.readTree(a.body()).equals(Json.MAPPER.readTree(b.body()))) {
                return a.body();
            }
            Thread.sleep(300);
        }
        throw new AssertionError(path + " never settled on both instances: " + last);
    }

    @Test
    void bothInstancesAnswerForEveryKeyWhereverItLives() throws Exception {
        assertTrue(instances.get(0).apiPort() > 0 && instances.get(1).apiPort() > 0);
        for (String id : ids) {
            assertTrue(await("/api/articles/" + id, body -> body.contains("\"id\":\"" + id + "\"")).length() > 0);
        }
        for (String theme : THEMES) {
            await("/api/signals?theme=" + theme, body -> body.contains("\"subject\":\"" + theme + "\""));
        }
        await("/api/alerts?limit=50", body -> body.startsWith("[{"));
        assertEquals(200, get(instances.get(0), "/health").statusCode());
        assertEquals(404, get(instances.get(1), "/api/articles/no-such-id").statusCode());
        assertEquals(400, get(instances.get(1), "/api/signals").statusCode());

        // The routing was really exercised: instance a holds some keys and b holds others.
        KafkaStreams a = instances.get(0).streams();
        HostInfo self = new HostInfo("127.0.0.1", instances.get(0).apiPort());
        long remote = ids.stream().filter(id -> !a.queryMetadataForKey(StoreQueries.ARTICLES_STORE, id,
                new StringSerializer()).activeHost().equals(self)).count();
        assertTrue(remote > 0 && remote < ids.size(), remote + " of " + ids.size() + " articles live on b");
    }
}
