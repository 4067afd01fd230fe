package dev.newsmon.sink;

import dev.newsmon.common.Durations;
import dev.newsmon.common.KafkaOptions;
import dev.newsmon.common.Severity;
import dev.newsmon.common.Topics;
import dev.newsmon.common.metrics.MetricsOptions;
import dev.newsmon.common.metrics.MetricsServer;
import dev.newsmon.sink.console.ConsoleWriter;
import dev.newsmon.sink.webhook.Backoff;
import dev.newsmon.sink.webhook.WebhookFormat;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code newsmon sink}: delivers alerts until Ctrl-C. {@link #service()} builds the stage for {@code newsmon up}. */
@Command(name = "sink", mixinStandardHelpOptions = true,
        description = {"Delivers every alert from the news.alerts.* topics, once, to a dated JSON Lines file, "
                + "the console, and optionally a webhook and an Atom feed. Runs until Ctrl-C.",
                "Theme topics created later are picked up within seconds, without a restart."})
public final class SinkCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Spec
    CommandSpec spec;

    @Option(names = "--group-id", paramLabel = "ID", defaultValue = "${NEWSMON_SINK_GROUP:-newsmon-sink}",
            description = "Kafka consumer group; its committed offsets say where delivery resumes "
                    + "(env NEWSMON_SINK_GROUP; default newsmon-sink).")
    String groupId;

    @Option(names = "--alerts-dir", paramLabel = "DIR", defaultValue = "${NEWSMON_ALERTS_DIR:-alerts}",
            description = "Where YYYY-MM-DD.jsonl files (UTC) are written; their alert ids also drive "
                    + "de-duplication across restarts (env NEWSMON_ALERTS_DIR; default alerts, in the working directory).")
    Path alertsDir;

    @Option(names = "--themes", paramLabel = "THEME", split = ",",
            defaultValue = "${NEWSMON_SINK_THEMES}",
            description = "Deliver only these themes (env NEWSMON_SINK_THEMES; default all).")
    List<String> themes;

    @Option(names = "--min-severity", paramLabel = "LEVEL", defaultValue = "${NEWSMON_SINK_MIN_SEVERITY:-info}",
            converter = SeverityConverter.class,
            description = "Deliver alerts at least this severe: info, warning or critical "
                    + "(env NEWSMON_SINK_MIN_SEVERITY; default info).")
    Severity minSeverity;

    @Option(names = "--webhook", paramLabel = "URL", defaultValue = "${NEWSMON_WEBHOOK_URL}",
            description = "POST each alert to this http(s) URL (env NEWSMON_WEBHOOK_URL; default none). "
                    + "Only its host is ever logged.")
    URI webhook;

    @Option(names = "--webhook-format", paramLabel = "json|slack",
            defaultValue = "${NEWSMON_WEBHOOK_FORMAT:-json}",
            description = "Body: the alert JSON, or a Slack message with text and blocks "
                    + "(env NEWSMON_WEBHOOK_FORMAT; default json).")
    WebhookFormat webhookFormat;

    @Option(names = "--webhook-give-up", paramLabel = "DURATION",
            defaultValue = "${NEWSMON_WEBHOOK_GIVE_UP:-10m}", converter = Durations.class,
            description = "Retry a failing webhook (exponential backoff with jitter) this long, then send the "
                    + "alert to " + Topics.FAILED_DELIVERIES + " with the reason "
                    + "(env NEWSMON_WEBHOOK_GIVE_UP; default 10m).")
    Duration webhookGiveUp;

    @Option(names = "--atom", paramLabel = "FILE", defaultValue = "${NEWSMON_ATOM_FILE}",
            description = "Also keep an Atom feed of the latest alerts in FILE (env NEWSMON_ATOM_FILE; default none).")
    Path atomFile;

    @Option(names = "--atom-size", paramLabel = "N", defaultValue = "${NEWSMON_ATOM_SIZE:-50}",
            description = "Entries in the Atom feed (env NEWSMON_ATOM_SIZE; default 50).")
    int atomSize;

    @Option(names = "--digest", paramLabel = "DURATION", defaultValue = "${NEWSMON_DIGEST}",
            converter = Durations.class,
            description = "Group each theme's alerts per period (e.g. 1h, whole UTC hours) into one console/webhook "
                    + "message; the file still gets every alert (env NEWSMON_DIGEST; default off).")
    Duration digest;

    @Option(names = "--no-console", negatable = false,
            description = "Do not print alerts to standard output.")
    boolean noConsole;

    @Mixin
    MetricsOptions metricsOptions = new MetricsOptions();

    @Option(names = "--metrics-port", paramLabel = "PORT", defaultValue = "${NEWSMON_SINK_METRICS_PORT:-9464}",
            description = "Port of /metrics (Prometheus) and /health, 0 for any free port; if it is taken the sink "
                    + "runs without them (env NEWSMON_SINK_METRICS_PORT; default ${DEFAULT-VALUE}).")
    int metricsPort;


    /** The stage described by the parsed options, not yet started. */
    public SinkService service() {
        return new SinkService(config(), System.out, !noConsole && ConsoleWriter.terminalWantsColour(),
                Clock.systemUTC());
    }

    /** The settings the parsed options resolve to (flags, then environment, then defaults). */
    public SinkConfig config() {
        KafkaOptions k = kafka != null ? kafka : new KafkaOptions();
        Set<String> themeSet = new HashSet<>();
        if (themes != null) {
            for (String t : themes) {
                String theme = t.trim();
                if (theme.isEmpty()) {
                    continue;
                }
                if (!Topics.THEME_NAME.matcher(theme).matches()) {
                    throw bad("--themes: '" + theme + "' is not a theme name (" + Topics.THEME_NAME.pattern() + ")");
                }
                themeSet.add(theme);
            }
        }
        if (webhook != null && !("http".equals(webhook.getScheme()) || "https".equals(webhook.getScheme()))) {
            throw bad("--webhook: expected an http:// or https:// URL");
        }
        if (atomSize < 1) {
            throw bad("--atom-size must be at least 1, got " + atomSize);
        }
        if (digest != null && digest.toSeconds() < 1) {
            throw bad("--digest must be at least 1s, got " + digest);
        }
        if (webhookGiveUp == null || webhookGiveUp.isNegative()) {
            throw bad("--webhook-give-up must not be negative");
        }
        return new SinkConfig(k.clientProperties(), groupId, alertsDir == null ? Path.of("alerts") : alertsDir,
                new AlertFilter(themeSet, minSeverity), !noConsole, webhook,
                webhookFormat == null ? WebhookFormat.json : webhookFormat, webhookGiveUp, Backoff.DEFAULT,
                atomFile, atomSize, digest);
    }

    @Override
    public Integer call() throws InterruptedException {
        SinkService sink;
        try {
            sink = service();
            sink.start();
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException
                 | KafkaException e) {
            System.err.println("newsmon sink: " + e.getMessage());
            return 2;
        }
        MetricsServer server = metricsOptions.startOrWarn("sink", metricsPort, List.of(sink.metrics()), sink::healthy,
                System.err);
        Thread hook = new Thread(() -> {
            sink.close();
            if (server != null) {
                server.close();
            }
        }, "newsmon-sink-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        sink.awaitTermination();
        if (server != null) {
            server.close();
        }
        return sink.failure() == null ? 0 : 1;
    }

    private RuntimeException bad(String message) {
        return spec != null ? new ParameterException(spec.commandLine(), message) : new IllegalArgumentException(message);
    }

    /** Accepts any case ("WARNING", "warning"). */
    static final class SeverityConverter implements ITypeConverter<Severity> {
        @Override
        public Severity convert(String value) {
            return Severity.parse(value);
        }
    }
}
