package dev.newsmon.app.sink;

import static dev.newsmon.app.sink.SinkItSupport.alert;
import static dev.newsmon.app.sink.SinkItSupport.await;
import static dev.newsmon.app.sink.SinkItSupport.fileIds;
import static dev.newsmon.app.sink.SinkItSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.newsmon.app.broker.EmbeddedBroker;
import dev.newsmon.common.Json;
import dev.newsmon.common.Severity;
import dev.newsmon.common.Topics;
import dev.newsmon.sink.SinkCommand;
import dev.newsmon.sink.SinkService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import picocli.CommandLine;

/**
 * The sink as {@code newsmon up} builds it from arguments: filters, a JSON webhook in digest mode and an
 * Atom feed. Each theme's alerts reach the webhook and console as one digest; the file and feed get every one.
 */
class SinkDigestIT {
    @TempDir
    Path tmp;

    @Test
    void digestGroupsPerThemeWhileFileAndFeedGetEveryAlert() throws Exception {
        List<JsonNode> posts = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            posts.add(Json.MAPPER.readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try (EmbeddedBroker broker = EmbeddedBroker.start(0, tmp.resolve("kafka"), true)) {
            String bootstrap = broker.bootstrapServers();
            List<String> topics = new ArrayList<>(SinkItSupport.sinkOutputTopics());
            List.of("chips", "taiwan", "north_korea").forEach(t -> topics.add(Topics.alerts(t)));
            SinkItSupport.createTopics(bootstrap, 1, topics);
            try (KafkaProducer<String, byte[]> producer = SinkItSupport.rawProducer(bootstrap)) {
                send(producer, "chips", "c-1", Severity.WARNING);
                send(producer, "chips", "c-2", Severity.CRITICAL);
                send(producer, "chips", "c-low", Severity.INFO);     // below --min-severity
                send(producer, "taiwan", "t-1", Severity.WARNING);
                send(producer, "north_korea", "n-1", Severity.CRITICAL); // not in --themes
                producer.flush();
            }
            Path alerts = tmp.resolve("alerts");
            Path feed = tmp.resolve("feed/alerts.atom");
            SinkCommand cmd = new SinkCommand();
            new CommandLine(cmd).parseArgs("--bootstrap-servers", bootstrap, "--group-id", "it-digest",
                    "--alerts-dir", alerts.toString(), "--themes", "chips,taiwan", "--min-severity", "warning",
                    "--webhook", "http://127.0.0.1:" + server.getAddress().getPort() + "/hook",
                    "--digest", "5s", "--atom", feed.toString(), "--atom-size", "10");
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            SinkService sink = new SinkService(cmd.config(), new PrintStream(console, true,
                    StandardCharsets.UTF_8), false, Clock.systemUTC());
            sink.start();
            try {
                await("a digest for each theme", java.time.Duration.ofSeconds(60), () -> themesPosted(posts).size() == 2);
                await("every record read", java.time.Duration.ofSeconds(30),
                        () -> sink.stats().received() == 5);
            } finally {
                sink.close();
                server.stop(0);
            }
            assertEquals(2, posts.size(), "one message per theme: " + posts);
            for (JsonNode post : posts) {
                List<String> ids = new ArrayList<>();
                post.get("alerts").forEach(a -> ids.add(a.get("id").asText()));
                assertEquals(post.get("theme").asText().equals("chips") ? List.of("c-1", "c-2") : List.of("t-1"), ids);
            }
            assertEquals(Set.of("c-1", "c-2", "t-1"), new TreeSet<>(fileIds(alerts)));
            assertEquals(3, fileIds(alerts).size());
            String shown = console.toString(StandardCharsets.UTF_8);
            assertEquals(2, shown.lines().filter(l -> l.startsWith("DIGEST")).count(), shown);
            assertTrue(shown.contains("chips digest"), shown);

            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document atom = f.newDocumentBuilder().parse(feed.toFile());
            assertEquals("http://www.w3.org/2005/Atom", atom.getDocumentElement().getNamespaceURI());
            assertEquals(3, atom.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength());
            assertEquals(new SinkService.Stats(5, 3, 0, 2, 0), sink.stats());
        }
    }

    private static Set<String> themesPosted(List<JsonNode> posts) {
        Set<String> themes = new TreeSet<>();
        synchronized (posts) {
            posts.forEach(p -> themes.add(p.get("theme").asText()));
        }
        return themes;
    }

    private static void send(KafkaProducer<String, byte[]> producer, String theme, String id, Severity severity) {
        producer.send(new ProducerRecord<>(Topics.alerts(theme), theme, json(alert(id, theme, severity))));
    }
}
