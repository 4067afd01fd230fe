package dev.newsmon.processor;

import dev.newsmon.common.KafkaOptions;
import dev.newsmon.processor.alerts.AlertRules;
import dev.newsmon.processor.classify.Classifier;
import dev.newsmon.processor.classify.Themes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.Topology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsmon process}: runs the classify / signals / alerts topology until Ctrl-C. */
@Command(name = "process", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Classify articles from news.articles, keep per-theme signals and raise alerts, "
                + "until Ctrl-C.",
                "Reads news.articles; writes news.classified, news.signals, news.alerts.<theme> and news.dlq.",
                "Serves /health, /metrics (Prometheus), /api/themes, /api/signals, /api/alerts and /api/articles/{id} over HTTP."})
public final class ProcessCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka = new KafkaOptions();

    @Option(names = "--application-id", paramLabel = "ID",
            defaultValue = "${NEWSMON_APPLICATION_ID:-" + StreamsSettings.DEFAULT_APPLICATION_ID + "}",
            description = "Kafka Streams application.id: consumer group and internal topic prefix "
                    + "(env NEWSMON_APPLICATION_ID; default ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--state-dir", paramLabel = "DIR",
            defaultValue = "${NEWSMON_STATE_DIR:-" + StreamsSettings.DEFAULT_STATE_DIR + "}",
            description = "Root for local state, the same for every newsmon command; the processor keeps its "
                    + "Kafka Streams stores in DIR/streams across restarts "
                    + "(env NEWSMON_STATE_DIR; default ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--themes", paramLabel = "FILE", defaultValue = "${NEWSMON_THEMES}",
            description = "Themes file (env NEWSMON_THEMES; default: the bundled themes.json).")
    Path themesFile;

    @Option(names = "--rules", paramLabel = "FILE", defaultValue = "${NEWSMON_RULES}",
            description = "Signal windows and alert rules (env NEWSMON_RULES; default: the bundled rules.json).")
    Path rulesFile;

    @Option(names = "--dedupe-horizon", paramLabel = "DURATION",
            defaultValue = "${NEWSMON_DEDUPE_HORIZON:-P7D}",
            description = "How long an article id is remembered to drop exact repeats, ISO-8601 "
                    + "(env NEWSMON_DEDUPE_HORIZON; default ${DEFAULT-VALUE}).")
    Duration dedupeHorizon;

    @Option(names = "--reorder-hold", paramLabel = "DURATION",
            defaultValue = "${NEWSMON_REORDER_HOLD:-PT0.25S}",
            description = "How long signal events wait (wall clock) to be sorted into event-time order before the "
                    + "alert rules see them, at most four times this during a burst; ISO-8601, PT0S turns it off "
                    + "(env NEWSMON_REORDER_HOLD; default ${DEFAULT-VALUE}).")
    Duration reorderHold;

    @Option(names = "--api-host", paramLabel = "HOST", defaultValue = "${NEWSMON_API_HOST:-127.0.0.1}",
            description = "Address the HTTP API binds and advertises to other instances "
                    + "(env NEWSMON_API_HOST; default ${DEFAULT-VALUE}).")
    String apiHost;

    @Option(names = "--api-port", paramLabel = "PORT", defaultValue = "${NEWSMON_API_PORT:-8080}",
            description = "HTTP API port, 0 for any free port; if it is taken the processor runs without the API "
                    + "(env NEWSMON_API_PORT; default ${DEFAULT-VALUE}).")
    int apiPort;

    @Option(names = "--no-api", defaultValue = "${NEWSMON_NO_API:-false}",
            description = "Run without the HTTP API (env NEWSMON_NO_API=true).")
    boolean noApi;

    @Override
    public Integer call() throws Exception {
        ProcessorService service;
        try {
            service = service();
        } catch (RuntimeException e) {
            System.err.println("newsmon process: " + e.getMessage());
            return 2;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "newsmon-process-shutdown"));
        try {
            service.start();
        } catch (RuntimeException e) {
            System.err.println("newsmon process: cannot start: " + e.getMessage());
            service.close();
            return 1;
        }
        return service.awaitStop() ? 1 : 0;
    }

    /** The processor stage from the parsed options, not yet started; {@code newsmon up} runs it in-process. */
    public ProcessorService service() {
        Themes themes = themesFile == null ? Themes.loadDefault() : Themes.load(themesFile);
        AlertRules rules = rulesFile == null ? AlertRules.loadDefault() : AlertRules.load(rulesFile);
        if (dedupeHorizon.isNegative() || dedupeHorizon.isZero()) {
            throw new IllegalArgumentException("--dedupe-horizon must be positive, got " + dedupeHorizon);
        }
        if (reorderHold.isNegative()) {
            throw new IllegalArgumentException("--reorder-hold must not be negative, got " + reorderHold);
        }
        Classifier classifier = new Classifier(themes);
        Topology topology = NewsTopology.build(classifier::classify, themes.names(), rules, dedupeHorizon,
                reorderHold);
        return new ProcessorService(topology,
                StreamsSettings.build(kafka.clientProperties(), applicationId, stateDir.resolve("streams"), null),
                noApi ? null : apiHost, apiPort, themes.names());
    }
}
