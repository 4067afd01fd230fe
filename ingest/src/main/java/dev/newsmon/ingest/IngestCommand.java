package dev.newsmon.ingest;

import dev.newsmon.common.Durations;
import dev.newsmon.common.KafkaOptions;
import dev.newsmon.common.Service;
import dev.newsmon.common.Topics;
import dev.newsmon.common.metrics.MetricsOptions;
import dev.newsmon.common.metrics.MetricsServer;
import dev.newsmon.common.metrics.MetricsSource;
import dev.newsmon.ingest.feed.FeedFetcher;
import dev.newsmon.ingest.publish.ProgressLine;
import dev.newsmon.ingest.publish.RunCounts;
import dev.newsmon.ingest.read.InputReader;
import dev.newsmon.ingest.read.Sizes;
import dev.newsmon.ingest.watch.InboxWatcher;
import dev.newsmon.ingest.watch.SentFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsmon ingest}: files, directories, JSON Lines, feeds, stdin and an inbox folder to news.articles. */
@Command(name = "ingest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Publish news articles to " + Topics.ARTICLES + ", cleaned and keyed by a stable id.",
            "Reads scraped text (.txt: headline on the first line), JSON Lines (.jsonl: title and body required;"
                    + " id, url, source, published, lang optional) and RSS/Atom (.xml, .rss, .atom, or an http(s) URL)."
                    + " Directories are read recursively; '-' reads stdin.",
            "Articles published by an earlier run to the same cluster are skipped (see --state-dir, --force).",
            "Ends with one summary line; exits 1 if any input failed or needed repair, 2 on a usage error."},
        footer = {"", "Examples:",
            "  newsmon ingest ../shared/seeds/",
            "  newsmon ingest export.jsonl --bootstrap-servers kafka:9092",
            "  newsmon ingest https://example.com/world.rss --every 5m",
            "  newsmon ingest --watch ./inbox",
            "  cat story.txt | newsmon ingest -"})
public final class IngestCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka = new KafkaOptions();

    @Parameters(paramLabel = "FILE|DIR|URL|-", arity = "0..*",
            description = "What to ingest: files, directories (recursive), http(s) feed URLs, or - for stdin.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--format", paramLabel = "text|jsonl|feed", converter = FormatConverter.class,
            description = "Read every input as this format instead of deciding by extension and content.")
    Format format;

    @Option(names = "--watch", paramLabel = "DIR",
            description = "Keep running and ingest each new or changed file put in DIR (within 2 s).")
    Path watch;

    @Option(names = "--every", paramLabel = "DURATION", converter = Durations.class,
            defaultValue = "${NEWSMON_INGEST_EVERY}",
            description = "Poll feed URLs at this interval (e.g. 5m) with conditional GET until stopped; "
                    + "default: fetch once (env NEWSMON_INGEST_EVERY).")
    Duration every;

    @Option(names = "--max-body", paramLabel = "SIZE", defaultValue = "${NEWSMON_MAX_BODY:-1MiB}",
            description = "Reject articles whose body is larger (env NEWSMON_MAX_BODY; default ${DEFAULT-VALUE}).")
    String maxBody;

    @Option(names = "--lang", paramLabel = "CODE", defaultValue = "${NEWSMON_LANG}",
            description = "Language of articles that do not name one, e.g. en (env NEWSMON_LANG; default: detected).")
    String lang;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "${NEWSMON_STATE_DIR:-.newsmon}",
            description = "Where the ledger of published ids and the inbox state live "
                    + "(env NEWSMON_STATE_DIR; default ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--force", description = "Publish again articles an earlier run already published.")
    boolean force;

    @Option(names = "--http-timeout", paramLabel = "DURATION", converter = Durations.class,
            defaultValue = "${NEWSMON_HTTP_TIMEOUT:-10s}",
            description = "Give up on a feed URL after this long (env NEWSMON_HTTP_TIMEOUT; default ${DEFAULT-VALUE}).")
    Duration httpTimeout;

    @Option(names = "--watch-poll", paramLabel = "DURATION", converter = Durations.class, defaultValue = "500ms",
            hidden = true, description = "How often --watch scans the inbox.")
    Duration watchPoll;

    @Mixin
    MetricsOptions metricsOptions = new MetricsOptions();

    @Option(names = "--metrics-port", paramLabel = "PORT", defaultValue = "${NEWSMON_INGEST_METRICS_PORT:-9465}",
            description = "With --watch or --every: port of /metrics (Prometheus) and /health, 0 for any free port; "
                    + "if it is taken ingest runs without them (env NEWSMON_INGEST_METRICS_PORT; default ${DEFAULT-VALUE}).")
    int metricsPort;

    private final PrintStream out;
    private final PrintStream err;
    /** The current (or last) run's counters and producer, for {@link #metrics()}. */
    private volatile RunCounts runCounts = new RunCounts();
    private volatile Map<MetricName, ? extends Metric> producerMetrics = Map.of();

    public IngestCommand() {
        this(System.out, System.err);
    }

    /** Summary lines go to {@code out}; errors, warnings and progress to {@code err}. */
    public IngestCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Picocli hands Format options to this, so --help lists the names people type. */
    public static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return Format.parse(value);
        }
    }

    @Override
    public Integer call() {
        if (inputs.isEmpty() && watch == null) {
            err.println("error: nothing to ingest: give FILE, DIR, URL or -, or --watch DIR");
            return 2;
        }
        long maxBodyBytes;
        try {
            maxBodyBytes = Sizes.parse(maxBody);
        } catch (IllegalArgumentException e) {
            err.println("error: --max-body: " + e.getMessage());
            return 2;
        }
        RunCounts counts = new RunCounts();
        runCounts = counts;
        CliProblems problems = new CliProblems(err, counts);
        long started = System.nanoTime();
        try {
            return ingestAll(maxBodyBytes, counts, problems, started);
        } finally {
            finished.countDown();
        }
    }

    /** Counted down when call() has flushed, closed and printed its summary; Ctrl-C waits for it. */
    private final CountDownLatch finished = new CountDownLatch(1);

    private int ingestAll(long maxBodyBytes, RunCounts counts, CliProblems problems, long started) {
        try (IngestPipeline pipeline = IngestPipeline.open(kafka, stateDir, format, lang, force, httpTimeout,
                maxBodyBytes, counts, problems)) {
            IngestRun run = pipeline.run;
            producerMetrics = pipeline.producerMetrics;
            ProgressLine progress = new ProgressLine(err, System.console() != null, counts.read::get,
                    pipeline.reader::bytesRead, totalBytes());
            run.progress(progress);
            problems.progress(progress);
            List<URI> feeds = new ArrayList<>();
            for (String input : inputs) {
                if (input.equals("-")) {
                    run.stream("stdin", System.in);
                } else if (isUrl(input)) {
                    URI uri = URI.create(input);
                    feeds.add(uri);
                    fetchFeed(pipeline, uri);
                } else {
                    run.path(Path.of(input));
                }
            }
            run.flush();
            if (watch != null || (every != null && !feeds.isEmpty())) {
                out.println(summary(counts, started));
                keepRunning(pipeline, feeds);
            }
        } catch (IngestException e) {
            problems.error(e.getMessage());
        }
        out.println(summary(counts, started));
        return counts.clean() ? 0 : 1;
    }

    /** Read, published, skipped and failed counts of the current or last run, and the producer's metrics. */
    public MetricsSource metrics() {
        return out -> IngestMetrics.of(runCounts, () -> producerMetrics).addTo(out);
    }

    /** Serves /metrics and /health for a long-running ingest, unless --no-metrics; null if not serving. */
    private MetricsServer serveMetrics(BooleanSupplier healthy) {
        return metricsOptions.startOrWarn("ingest", metricsPort, List.of(metrics()), healthy, err);
    }

    /** For {@code newsmon up}: the --watch inbox as a stage that runs until closed. */
    public Service service() {
        if (watch == null) {
            throw new IllegalStateException("ingest runs as a service only with --watch DIR");
        }
        long maxBodyBytes = Sizes.parse(maxBody);
        return new Service() {
            private final RunCounts counts = new RunCounts();
            private IngestPipeline pipeline;
            private InboxWatcher watcher;
            private Thread thread;
            private MetricsServer metrics;

            @Override
            public String name() {
                return "ingest";
            }

            @Override
            public synchronized void start() {
                pipeline = IngestPipeline.open(kafka, stateDir, format, lang, force, httpTimeout, maxBodyBytes, counts,
                        new CliProblems(err, counts));
                watcher = inboxWatcher(pipeline);
                thread = new Thread(watcher, "newsmon-ingest-watch");
                thread.setDaemon(true);
                thread.start();
                runCounts = counts;
                producerMetrics = pipeline.producerMetrics;
                Thread watching = thread;
                metrics = serveMetrics(watching::isAlive);
            }

            @Override
            public synchronized void close() {
                if (pipeline == null) {
                    return;
                }
                stopWatching(watcher, thread);
                if (metrics != null) {
                    metrics.close();
                }
                pipeline.close();
                pipeline = null;
                out.println("ingest: " + counts.summary());
            }
        };
    }

    private void keepRunning(IngestPipeline pipeline, List<URI> feeds) {
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                // The JVM halts when hooks return: let the main thread flush the producer and print the summary.
                finished.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "newsmon-ingest-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        InboxWatcher watcher = watch != null ? inboxWatcher(pipeline) : null;
        Thread watching = null;
        if (watcher != null) {
            watching = new Thread(watcher, "newsmon-ingest-watch");
            watching.start();
        }
        Thread watched = watching;
        MetricsServer metrics = serveMetrics(() -> watched == null || watched.isAlive());
        try {
            while (true) {
                Duration wait = every != null && !feeds.isEmpty() ? every : Duration.ofDays(365);
                if (stop.await(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    break;
                }
                synchronized (pipeline) {
                    for (URI uri : feeds) {
                        fetchFeed(pipeline, uri);
                    }
                    pipeline.run.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (metrics != null) {
                metrics.close();
            }
            if (watcher != null) {
                stopWatching(watcher, watching);
            }
        }
    }

    /** Asks the inbox watcher to stop and waits a bounded time for its thread. */
    private static void stopWatching(InboxWatcher watcher, Thread thread) {
        watcher.stop();
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private InboxWatcher inboxWatcher(IngestPipeline pipeline) {
        Path inbox = watch.toAbsolutePath().normalize();
        String key = Integer.toHexString(inbox.toString().hashCode());
        SentFiles sent = new SentFiles(stateDir.resolve("inbox").resolve(pipeline.clusterId + "-" + key + ".sent"));
        pipeline.closeLater(sent);
        return new InboxWatcher(inbox, sent, file -> {
            synchronized (pipeline) {
                pipeline.run.path(file);
                pipeline.run.flush();
            }
        }, watchPoll);
    }

    private void fetchFeed(IngestPipeline pipeline, URI uri) {
        FeedFetcher.Fetched fetched;
        try {
            fetched = pipeline.feeds.fetch(uri);
        } catch (IngestException e) {
            // Through the pipeline, so the line appears in input order with the others.
            pipeline.run.problem(e.getMessage());
            return;
        }
        if (!fetched.notModified()) {
            pipeline.run.feed(uri.toString(), fetched.body());
        }
    }

    private long totalBytes() {
        long total = 0;
        for (String input : inputs) {
            if (input.equals("-") || isUrl(input)) {
                return 0;
            }
            try {
                for (Path p : InputReader.expand(Path.of(input))) {
                    total += Files.size(p);
                }
            } catch (IOException | RuntimeException e) {
                // Missing inputs are reported when they are read; the ETA just ignores them.
            }
        }
        return total;
    }

    private static boolean isUrl(String input) {
        String s = input.toLowerCase(Locale.ROOT);
        return s.startsWith("http://") || s.startsWith("https://");
    }

    private static String summary(RunCounts counts, long startedNanos) {
        double secs = (System.nanoTime() - startedNanos) / 1e9;
        return "ingest: " + counts.summary() + String.format(Locale.ROOT, " (%.1f s)", secs);
    }
}
