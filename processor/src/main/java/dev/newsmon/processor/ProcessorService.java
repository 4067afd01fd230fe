package dev.newsmon.processor;

import dev.newsmon.common.Service;
import dev.newsmon.common.metrics.MetricsServer;
import dev.newsmon.common.metrics.MetricsSource;
import dev.newsmon.processor.api.ApiServer;
import dev.newsmon.processor.api.StoreQueries;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the topology as a long-lived stage; logs one line per state change and nothing per record. */
public final class ProcessorService implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessorService.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Topology topology;
    private final Properties config;
    private final String apiHost;
    private final int apiPort;
    private final List<String> themes;
    private volatile ApiServer api;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile KafkaStreams streams;
    private volatile boolean failed;
    /** What /metrics shows: Kafka Streams' metrics (with newsmon's sensors), plus what {@code up} adds. */
    private final List<MetricsSource> metricsSources = new CopyOnWriteArrayList<>(List.of(out -> {
        KafkaStreams s = streams;
        if (s != null) {
            out.kafka(s.metrics());
        }
    }));

    /**
     * @param apiHost address the HTTP API binds and advertises, or null for no API
     * @param apiPort its port; 0 picks a free one
     */
    public ProcessorService(Topology topology, Properties config, String apiHost, int apiPort, List<String> themes) {
        this.topology = topology;
        this.config = config;
        this.apiHost = apiHost;
        this.apiPort = apiPort;
        this.themes = List.copyOf(themes);
    }

    @Override
    public String name() {
        return "processor";
    }

    /**
     * A wildcard bind (0.0.0.0, as in a container) cannot be given to other instances as an address to call,
     * so they are told this host's own address instead.
     */
    static String advertisedHost(String bindHost) {
        if (!bindHost.equals("0.0.0.0") && !bindHost.equals("::")) {
            return bindHost;
        }
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("--api-host " + bindHost + ": cannot find this host's own address to "
                    + "advertise to other instances; give --api-host an address they can reach", e);
        }
    }

    @Override
    public synchronized void start() {
        if (streams != null) {
            throw new IllegalStateException("processor already started");
        }
        Properties props = config;
        if (apiHost != null) {
            String advertised = advertisedHost(apiHost);
            ApiServer server = new ApiServer(apiHost, apiPort, new StoreQueries(this::streams,
                    () -> new HostInfo(advertised, api.port()), themes), () -> MetricsServer.render(metricsSources));
            try {
                server.start();
                api = server;
                // Other instances learn from the group metadata where to send queries for keys we own.
                props = StreamsSettings.withApplicationServer(config, advertised + ":" + server.port());
            } catch (IOException e) {
                LOG.warn("processor API not started, {}:{} unavailable: {}", apiHost, apiPort, e.getMessage());
            }
        }
        KafkaStreams s = new KafkaStreams(topology, props);
        s.setStateListener((now, before) -> {
            LOG.info("processor {} -> {}", before, now);
            if (now == KafkaStreams.State.ERROR) {
                failed = true;
            }
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
        // Poison records are dead-lettered by the handlers; whatever still escapes is a bug or a broker problem,
        // and replacing the thread would just loop on it.
        s.setUncaughtExceptionHandler(e -> {
            LOG.error("processor stopping after an unexpected error: {}", e.toString());
            failed = true;
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams = s;
        s.start();
    }

    /** The running Kafka Streams client, for interactive queries; null before {@link #start()}. */
    public KafkaStreams streams() {
        return streams;
    }

    /** Adds series to this processor's /metrics, e.g. the in-process sink's under {@code newsmon up}. */
    public void addMetrics(MetricsSource source) {
        metricsSources.add(source);
    }

    /** The port the HTTP API listens on, or -1 when it is not running. */
    public int apiPort() {
        ApiServer a = api;
        return a == null ? -1 : a.port();
    }

    /** Blocks until the processor stops; true when it stopped because of an error. */
    public boolean awaitStop() throws InterruptedException {
        stopped.await();
        return failed;
    }

    public boolean awaitStop(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean failed() {
        return failed;
    }

    @Override
    public synchronized void close() {
        ApiServer a = api;
        if (a != null) {
            a.close();
            api = null;
        }
        KafkaStreams s = streams;
        if (s != null) {
            // Leaving the group lets a restarted or surviving instance take over now, not after the session timeout.
            s.close(CloseOptions.timeout(CLOSE_TIMEOUT)
                    .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
            stopped.countDown();
        }
    }
}
