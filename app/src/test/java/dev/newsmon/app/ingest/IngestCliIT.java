package dev.newsmon.app.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.newsmon.app.broker.EmbeddedBroker;
import dev.newsmon.common.Article;
import dev.newsmon.ingest.IngestCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The ingest command end to end on a real broker: every bad-input case gives one error line naming the
 * input and a non-zero exit while the good inputs are published; a second run publishes nothing new.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestCliIT {

    @TempDir
    static Path tmp;

    private EmbeddedBroker broker;
    private HttpServer http;

    @BeforeAll
    void start() throws Exception {
        broker = EmbeddedBroker.start(0, tmp.resolve("broker"), true);
        IngestItSupport.createArticlesTopic(broker.bootstrapServers());
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        http.start();
    }

    @AfterAll
    void stop() {
        http.stop(0);
        broker.close();
    }

    /** Exit code, stdout and stderr of one {@code newsmon ingest} run. */
    record Run(int exit, String out, List<String> errLines) {
    }

    private Run ingest(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("--bootstrap-servers", broker.bootstrapServers(),
                "--state-dir", tmp.resolve("state").toString()));
        all.addAll(Arrays.asList(args));
        int exit = new CommandLine(new IngestCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).execute(all.toArray(String[]::new));
        List<String> errLines = err.toString(StandardCharsets.UTF_8).lines().collect(Collectors.toList());
        return new Run(exit, out.toString(StandardCharsets.UTF_8), errLines);
    }

    @Test
    void badInputsEachGiveOneLineWhileGoodFilesArePublishedAndARerunPublishesNothing() throws Exception {
        Path good = Files.createDirectories(tmp.resolve("good"));
        Files.writeString(good.resolve("01-wire.txt"), String.join("\n",
                "Seoul and Beijing agree to restart port talks",
                "Published: Jul 25, 2022 09:43 PM",
                "[ad_1]",
                "(Lantern Wire) -- Negotiators agreed on Thursday to restart talks on shipping rules.",
                "Most Read from Lantern Wire",
                "Rainy Season Arrives Early",
                "Five Ways Exporters Cope",
                "Officials said a first round would take place next month.",
                "Read More: Port Operators Brace for Autumn",
                "Leave a Comment"));
        Files.writeString(good.resolve("02-feed-style.txt"), "Envoys pledge closer research ties\n\n"
                + "The envoys signed a memorandum on joint laboratories.\n\nSource link\n");
        Files.writeString(good.resolve("03-export.jsonl"),
                "{\"title\":\"Coast guards hold joint drill\",\"body\":\"The two coast guards held a drill.\"}\n"
                        + "{\"title\":\"Chip talks resume\",\"body\":\"Officials resumed talks on chip export controls.\","
                        + "\"url\":\"https://news.test/chips?utm_source=x\"}\n");

        Path bad = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(bad.resolve("empty.txt"), "");
        Files.write(bad.resolve("binary.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2});
        Files.write(bad.resolve("latin1.txt"),
                "Caf\u00e9 diplomacy headline\nThe envoys met at a caf\u00e9 to talk.\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(bad.resolve("big.txt"), "A very long story\n" + "All talk. ".repeat(600));
        Files.writeString(bad.resolve("lines.jsonl"),
                "{\"title\":\"Good line in a bad file\",\"body\":\"Ministers met in Busan.\"}\n{\"title\": oops}\n");
        Files.writeString(bad.resolve("broken.xml"), "<rss><channel><item><title>x</title></channel></rss>");
        Files.writeString(bad.resolve("xxe.xml"), "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE rss [ <!ENTITY xxe SYSTEM \"file:///etc/hostname\"> ]>\n"
                + "<rss><channel><item><title>t</title><description>&xxe;</description></item></channel></rss>\n");
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        String unreachable = "http://127.0.0.1:" + closedPort + "/feed.rss";
        String notFound = "http://127.0.0.1:" + http.getAddress().getPort() + "/missing.rss";
        Path missing = tmp.resolve("no-such-file.txt");

        Run first = ingest("--max-body", "4KiB", good.toString(), bad.toString(), missing.toString(), unreachable,
                notFound);

        assertEquals(1, first.exit(), first.toString());
        List<String> expectedStarts = List.of(
                "error: " + bad.resolve("big.txt") + ": body is ",
                "error: " + bad.resolve("binary.txt") + ": binary file, not text",
                "error: " + bad.resolve("broken.xml") + ":1: malformed feed: ",
                "error: " + bad.resolve("empty.txt") + ": empty file",
                "warning: " + bad.resolve("latin1.txt") + ":1: invalid UTF-8, replaced with U+FFFD",
                "error: " + bad.resolve("lines.jsonl") + ":2: malformed JSON: ",
                "error: " + bad.resolve("xxe.xml") + ":2: feed declares a DTD; refused",
                "error: " + missing + ": no such file or directory",
                "error: " + unreachable + ": unreachable",
                "error: " + notFound + ": HTTP 404");
        assertEquals(expectedStarts.size(), first.errLines().size(), () -> String.join("\n", first.errLines()));
        for (int i = 0; i < expectedStarts.size(); i++) {
            assertTrue(first.errLines().get(i).startsWith(expectedStarts.get(i)),
                    "line " + i + ": " + first.errLines().get(i));
        }
        // 4 good-dir articles + latin1 (repaired) + the good line of lines.jsonl.
        assertTrue(first.out().contains("read 7, published 6, skipped as duplicate 0, failed 9, warnings 1"),
                first.out());

        List<Article> published = IngestItSupport.readAll(broker.bootstrapServers(), 6, Duration.ofSeconds(30));
        assertEquals(Set.of("Seoul and Beijing agree to restart port talks", "Envoys pledge closer research ties",
                        "Coast guards hold joint drill", "Chip talks resume", "Caf\ufffd diplomacy headline",
                        "Good line in a bad file"),
                published.stream().map(Article::title).collect(Collectors.toSet()));
        Article wire = published.stream().filter(a -> a.title().startsWith("Seoul")).findFirst().orElseThrow();
        assertEquals(Instant.parse("2022-07-25T21:43:00Z"), wire.published());
        assertEquals("Lantern Wire", wire.source());
        for (String junk : List.of("[ad_1]", "Read More", "Most Read from", "Leave a", "Rainy Season")) {
            assertFalse(wire.body().contains(junk), junk + " in " + wire.body());
        }

        Run again = ingest(good.toString());
        assertEquals(0, again.exit(), again.toString());
        assertTrue(again.out().contains("read 4, published 0, skipped as duplicate 4 (4 published by an earlier run"),
                again.out());
        assertEquals(6, IngestItSupport.readAll(broker.bootstrapServers(), 7, Duration.ofSeconds(3)).size());

        Run forced = ingest("--force", good.resolve("02-feed-style.txt").toString());
        assertTrue(forced.out().contains("read 1, published 1, skipped as duplicate 0"), forced.out());
    }

    @Test
    void aMissingTopicOrBrokerIsOneLineNotAHang() throws Exception {
        Run noArgs = ingest();
        assertEquals(2, noArgs.exit());
        assertEquals(List.of("error: nothing to ingest: give FILE, DIR, URL or -, or --watch DIR"), noArgs.errLines());

        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Path f = Files.writeString(tmp.resolve("one.txt"), "Title\nBody text.\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new CommandLine(new IngestCommand(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8)))
                .execute("--bootstrap-servers", "127.0.0.1:" + closedPort, "--state-dir", tmp.resolve("s2").toString(),
                        f.toString());
        assertEquals(1, exit);
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("error: cannot reach Kafka at 127.0.0.1:" + closedPort), lines.get(0));
    }
}
