package dev.newsmon.app.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsmon.app.broker.EmbeddedBroker;
import dev.newsmon.app.topics.TopicSetup;
import dev.newsmon.common.Topics;
import dev.newsmon.common.metrics.MetricsServer;
import dev.newsmon.ingest.IngestCommand;
import dev.newsmon.processor.ProcessCommand;
import dev.newsmon.processor.ProcessorService;
import dev.newsmon.processor.classify.Themes;
import dev.newsmon.sink.SinkCommand;
import dev.newsmon.sink.SinkService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The sample corpus through processor and sink on a real broker, then a Prometheus scrape of the processor API's
 * /metrics, wired as {@code newsmon up} wires it (sink and ingest counters added), and of the sink's own server.
 */
class MetricsIT {
    private static final Path SAMPLES = Path.of(System.getProperty("newsmon.samples", "../samples/articles"));
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    static EmbeddedBroker broker;
    static ProcessorService processor;
    static SinkService sink;
    static MetricsServer sinkMetrics;

    @BeforeAll
    static void run() throws Exception {
        broker = EmbeddedBroker.start(0, dir.resolve("kafka"), false);
        String bootstrap = broker.bootstrapServers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            TopicSetup.ensure(admin, TopicSetup.newTopics(Themes.loadDefault().names(), 3, (short) 1));
        }
        ProcessCommand process = new ProcessCommand();
        new CommandLine(process).parseArgs("--bootstrap-servers", bootstrap, "--api-port", "0",
                "--state-dir", dir.resolve("streams").toString(), "--application-id", "it-metrics");
        SinkCommand sinkCommand = new SinkCommand();
        new CommandLine(sinkCommand).parseArgs("--bootstrap-servers", bootstrap, "--no-console",
                "--alerts-dir", dir.resolve("alerts").toString(), "--group-id", "it-metrics-sink");
        IngestCommand ingest = new IngestCommand();
        new CommandLine(ingest).parseArgs("--bootstrap-servers", bootstrap,
                "--state-dir", dir.resolve("ingest").toString(), SAMPLES.toString());
        assertEquals(0, ingest.call(), "ingest of the samples");

        processor = process.service();
        sink = sinkCommand.service();
        processor.addMetrics(sink.metrics());
        processor.addMetrics(ingest.metrics());
        processor.start();
        sink.start();
        sinkMetrics = MetricsServer.start("sink", "127.0.0.1", 0, List.of(sink.metrics()), sink::healthy);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.ARTICLES, "it-not-json", "this is { not json"));
        }
    }

    @AfterAll
    static void stop() {
        if (sinkMetrics != null) {
            sinkMetrics.close();
        }
        if (sink != null) {
            sink.close();
        }
        if (processor != null) {
            processor.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void processorMetricsShowTheWholePipelineWithNonZeroValues() throws Exception {
        String text = scrapeUntil("http://127.0.0.1:" + processor.apiPort() + "/metrics",
                t -> value(t, "newsmon_dead_letters_total", "newsmon_id=\"validate\"") >= 1
                        && value(t, "newsmon_sink_alerts_total", "outcome=\"written\"") >= 1
                        && value(t, "newsmon_publish_to_alert_total", "") >= 1);

        assertTrue(text.contains("# TYPE newsmon_alerts_total counter\n"), text);
        assertTrue(value(text, "newsmon_alerts_total", "theme=\"taiwan\"") >= 1, "taiwan alerts");
        assertTrue(value(text, "newsmon_alerts_total", "kind=\"TENSION_SPIKE\"") >= 1, "tension spikes");
        assertTrue(value(text, "newsmon_publish_to_alert_latency_ms_total", "") > 0, "latency summed");
        assertEquals(1, value(text, "newsmon_dead_letters_total", "newsmon_id=\"validate\""), "the one bad record");
        assertTrue(value(text, "newsmon_late_records_total", "") >= 0, "late records are exposed even when none");
        assertTrue(value(text, "kafka_stream_thread_process_total", "") >= 76, "records processed");
        assertTrue(value(text, "kafka_consumer_fetch_manager_records_consumed_total", "") >= 76, "records consumed");
        assertTrue(value(text, "kafka_consumer_fetch_manager_records_lag_max", "client_id=\"newsmon-sink\"") >= 0,
                "the sink's consumer lag");
        assertTrue(value(text, "newsmon_ingest_articles_published_total", "") >= 76, "ingest counters");
    }

    @Test
    void sinkServesItsOwnMetricsAndHealth() throws Exception {
        String base = "http://127.0.0.1:" + sinkMetrics.port();
        String text = scrapeUntil(base + "/metrics",
                t -> value(t, "newsmon_sink_alerts_total", "outcome=\"written\"") >= 1);
        assertTrue(value(text, "kafka_consumer_fetch_manager_records_lag_max", "") >= 0, text);
        assertTrue(value(text, "newsmon_sink_alerts_received_total", "") >= 1, text);
        assertEquals(200, get(base + "/health").statusCode());
    }

    private static String scrapeUntil(String url, Predicate<String> ready) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = get(url);
            assertEquals(200, r.statusCode());
            last = r.body();
            if (ready.test(last)) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(url + " never showed the expected series:\n" + last);
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sum of the samples of {@code family} whose label set contains {@code labelPart}; -1 when there is none. */
    static double value(String text, String family, String labelPart) {
        double sum = 0;
        boolean found = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String series = line.substring(0, space);
            String name = series.contains("{") ? series.substring(0, series.indexOf('{')) : series;
            if (name.equals(family) && series.contains(labelPart)) {
                sum += Double.parseDouble(line.substring(space + 1));
                found = true;
            }
        }
        return found ? sum : -1;
    }
}
