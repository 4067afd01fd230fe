package dev.newsmon.app.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsmon.app.Newsmon;
import dev.newsmon.app.broker.EmbeddedBroker;
import dev.newsmon.app.topics.TopicSetup;
import dev.newsmon.common.Article;
import dev.newsmon.common.Json;
import dev.newsmon.common.JsonSerde;
import dev.newsmon.common.ThemeSignal;
import dev.newsmon.common.Topics;
import dev.newsmon.ingest.ArticleFiles;
import dev.newsmon.processor.ProcessCommand;
import dev.newsmon.processor.ProcessorService;
import dev.newsmon.processor.alerts.AlertRules;
import dev.newsmon.processor.classify.Themes;
import dev.newsmon.processor.signals.SignalSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The acceptance check: the live processor's /api/signals?theme=T serves the series the backtest CSV shows for T. */
class LiveApiMatchesBacktestIT {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void liveApiServesTheBacktestSeries() throws Exception {
        Path csv = dir.resolve("csv");
        StringWriter err = new StringWriter();
        CommandLine cli = Newsmon.commandLine();
        cli.setErr(new PrintWriter(err, true));
        assertEquals(0, cli.execute("backtest", BacktestTest.SAMPLES.toString(), "--csv", csv.toString()),
                err.toString());
        List<String> themes = Themes.loadDefault().names();
        assertTrue(themes.contains("taiwan"));
        try (EmbeddedBroker broker = EmbeddedBroker.start(0, dir.resolve("kafka"), false)) {
            String bootstrap = broker.bootstrapServers();
            // One partition: the broker then hands the processor the articles in the order they were sent.
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                TopicSetup.ensure(admin, TopicSetup.newTopics(themes, 1, (short) 1));
            }
            ProcessCommand cmd = new ProcessCommand();
            new CommandLine(cmd).parseArgs("--bootstrap-servers", bootstrap, "--application-id", "it-backtest",
                    "--state-dir", dir.resolve("streams").toString(), "--api-port", "0");
            ProcessorService processor = cmd.service();
            try {
                processor.start();
                JsonSerde<Article> serde = JsonSerde.of(Article.class);
                try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                        Map.of("bootstrap.servers", bootstrap), new StringSerializer(), new ByteArraySerializer())) {
                    for (Article a : Backtest.inEventTimeOrder(ArticleFiles.read(BacktestTest.SAMPLES))) {
                        producer.send(new ProducerRecord<>(Topics.ARTICLES, a.id(),
                                serde.serialize(Topics.ARTICLES, a)));
                    }
                }
                for (String theme : themes) {
                    List<String> expected = Files.readAllLines(csv.resolve("signals-" + theme + ".csv"));
                    expected = expected.subList(1, expected.size());
                    assertFalse(expected.isEmpty(), theme);
                    assertServed(processor, theme, expected);
                }
            } finally {
                processor.close();
            }
        }
    }

    /** The API serves the CSV's series, except points the live store has already aged out. */
    private static void assertServed(ProcessorService processor, String theme, List<String> expected)
            throws Exception {
        List<String> served = awaitSeries(processor, theme, expected.get(expected.size() - 1));
        // The live store forgets points older than baseline + window + grace; the CSV keeps the whole run.
        assertEquals(expected.subList(expected.size() - served.size(), expected.size()), served, theme);
        SignalSettings s = AlertRules.loadDefault().signals();
        Instant horizon = windowEnd(expected.get(expected.size() - 1))
                .minus(Duration.ofDays(s.baselineDays() + 1)).minus(s.window()).minus(s.grace());
        for (String dropped : expected.subList(0, expected.size() - served.size())) {
            assertTrue(windowEnd(dropped).isBefore(horizon), "API lost a point it should keep: " + dropped);
        }
    }

    private static Instant windowEnd(String csvRow) {
        return Instant.parse(csvRow.split(",")[2]);
    }

    /** Polls the API until the theme's latest point is the backtest's last row; returns the series as CSV rows. */
    private static List<String> awaitSeries(ProcessorService processor, String theme, String lastRow)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + processor.apiPort() + "/api/signals?theme=" + theme);
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<String> rows = List.of();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                rows = List.of(Json.MAPPER.readValue(r.body(), ThemeSignal[].class)).stream()
                        .map(SignalCsv::row).toList();
                if (!rows.isEmpty() && rows.get(rows.size() - 1).equals(lastRow)) {
                    return rows;
                }
            }
            Thread.sleep(300);
        }
        throw new AssertionError("/api/signals?theme=" + theme + " never reached the backtest's last point "
                + lastRow
                + "; last answer: " + rows);
    }
}
