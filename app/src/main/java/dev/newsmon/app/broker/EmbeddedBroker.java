package dev.newsmon.app.broker;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka node (combined broker + KRaft controller) running inside this JVM.
 * One node by default; a loopback cluster is several of these sharing a cluster id and voter list.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);
    static final String CLIENT_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String TRANSACTION_VERSION = "transaction.version";
    /*
     * Transactions v1. With 4.3.1's default v2, Streams committing every 100 ms on one node sets off
     * CONCURRENT_TRANSACTIONS and OUT_OF_ORDER_SEQUENCE retry storms (broker ERROR lines, slower runs);
     * v1 still gives exactly-once, as it did before 4.0.
     */
    private static final short TRANSACTION_VERSION_LEVEL = 1;

    private final Settings settings;
    private final Path logDir;
    private final Map<String, Object> config;
    private KafkaRaftServer server;

    /**
     * Where and how one node runs.
     *
     * @param quorumVoters  "id@host:port,..." of every controller; null means this node alone
     * @param clusterId     needed only to format a node of a multi-node cluster; null reuses or creates one
     * @param replication   replication factor of internal and default topics, and the min ISR is one less (at least 1)
     */
    public record Settings(int nodeId, int port, int controllerPort, Path dataDir, boolean fresh,
                           String quorumVoters, String clusterId, int replication, Map<String, String> overrides) {
        public Settings {
            overrides = Map.copyOf(overrides);
        }

        public static Settings singleNode(int port, Path dataDir, boolean fresh) {
            return new Settings(1, port, 0, dataDir, fresh, null, null, 1, Map.of());
        }
    }

    private EmbeddedBroker(Settings s) {
        this.settings = new Settings(s.nodeId(), resolve(s.port()), resolve(s.controllerPort()), s.dataDir(),
                s.fresh(), s.quorumVoters(), s.clusterId(), s.replication(), s.overrides());
        // One subfolder per node so "--fresh" never deletes anything the user keeps beside it.
        this.logDir = s.dataDir().toAbsolutePath().resolve("kafka-" + s.nodeId());
        this.config = serverConfig(settings, logDir);
    }

    /** Starts a single node on {@code port} (0 picks a free one) keeping its data under {@code dataDir}. */
    public static EmbeddedBroker start(int port, Path dataDir, boolean fresh) {
        return start(Settings.singleNode(port, dataDir, fresh));
    }

    public static EmbeddedBroker start(Settings settings) {
        EmbeddedBroker broker = create(settings);
        broker.startup();
        return broker;
    }

    /** Formats storage if needed but does not start: nodes of a cluster must start concurrently to elect a leader. */
    public static EmbeddedBroker create(Settings settings) {
        EmbeddedBroker broker = new EmbeddedBroker(settings);
        broker.prepareStorage();
        return broker;
    }

    /**
     * Starts {@code nodes} combined nodes on loopback as one cluster, each with its data under
     * {@code dataDir}/kafka-&lt;id&gt;; internal topics get min(3, nodes) replicas. Ports are picked free.
     */
    public static List<EmbeddedBroker> startCluster(int nodes, Path dataDir, boolean fresh) {
        List<int[]> ports = new ArrayList<>();
        StringBuilder voters = new StringBuilder();
        for (int id = 1; id <= nodes; id++) {
            int[] pair = {freePort(), freePort()};
            ports.add(pair);
            voters.append(id > 1 ? "," : "").append(id).append("@localhost:").append(pair[1]);
        }
        String clusterId = Uuid.randomUuid().toString();
        List<EmbeddedBroker> cluster = new ArrayList<>();
        for (int id = 1; id <= nodes; id++) {
            cluster.add(create(new Settings(id, ports.get(id - 1)[0], ports.get(id - 1)[1], dataDir, fresh,
                    voters.toString(), clusterId, Math.min(3, nodes), Map.of())));
        }
        try {
            // A quorum needs a majority up before any node finishes starting, so they start side by side.
            onThreads(cluster, EmbeddedBroker::startup, "newsmon-kafka-start-");
        } catch (CompletionException e) {
            closeCluster(cluster);
            throw e;
        }
        return cluster;
    }

    /**
     * Stops every node at once. One by one, the last nodes lose their quorum and their controlled
     * shutdown waits minutes for a controller that is gone.
     */
    public static void closeCluster(List<EmbeddedBroker> cluster) {
        onThreads(cluster, EmbeddedBroker::close, "newsmon-kafka-stop-");
    }

    private static void onThreads(List<EmbeddedBroker> nodes, java.util.function.Consumer<EmbeddedBroker> action,
                                  String threadName) {
        List<CompletableFuture<Void>> done = nodes.stream()
                .map(node -> CompletableFuture.runAsync(() -> action.accept(node), runnable -> {
                    Thread t = new Thread(runnable, threadName + node.nodeId());
                    t.setDaemon(true);
                    t.start();
                }))
                .toList();
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
    }

    /** "localhost:p1,localhost:p2,..." for clients of a cluster. */
    public static String bootstrapServers(List<EmbeddedBroker> cluster) {
        return String.join(",", cluster.stream().map(EmbeddedBroker::bootstrapServers).toList());
    }

    /** Blocks until this node has joined the quorum and is unfenced, i.e. accepts clients. */
    public synchronized void startup() {
        if (server != null) {
            return;
        }
        long t0 = System.nanoTime();
        requireFree(settings.port(), "client");
        requireFree(settings.controllerPort(), "controller");
        KafkaRaftServer s = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
        try {
            s.startup();
        } catch (RuntimeException e) {
            s.shutdown();
            s.awaitShutdown();
            throw e;
        }
        server = s;
        log.info("Kafka node {} up on {} in {} ms (data {})", settings.nodeId(), bootstrapServers(),
                (System.nanoTime() - t0) / 1_000_000, logDir);
    }

    public String bootstrapServers() {
        return "localhost:" + settings.port();
    }

    public int port() {
        return settings.port();
    }

    public int controllerPort() {
        return settings.controllerPort();
    }

    public int nodeId() {
        return settings.nodeId();
    }

    public Path logDir() {
        return logDir;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Stops the node and waits for it; data stays on disk for the next start. Idempotent. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
        log.info("Kafka node {} on {} stopped", settings.nodeId(), bootstrapServers());
    }

    /** A port that was free a moment ago; static quorum voters must name the controller port up front. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port: " + e.getMessage(), e);
        }
    }

    /** Kafka reports a taken port as a fatal error with a page of stack trace; this says it in one line. */
    private static void requireFree(int port, String role) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IllegalStateException(role + " port " + port + " on localhost is already in use"
                    + (role.equals("client") ? " (another broker running? pick one with --port)" : ""));
        }
    }

    private static int resolve(int port) {
        return port == 0 ? freePort() : port;
    }

    private void prepareStorage() {
        try {
            if (settings.fresh()) {
                deleteRecursively(logDir);
            }
            if (Files.exists(logDir.resolve("meta.properties"))) {
                return; // formatted before: meta.properties holds the cluster id, so the data is kept
            }
            Files.createDirectories(logDir);
            String clusterId = settings.clusterId() != null ? settings.clusterId() : Uuid.randomUuid().toString();
            new Formatter()
                    .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                    .setNodeId(settings.nodeId())
                    .setClusterId(clusterId)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(logDir.toString())
                    .setFeatureLevel(TRANSACTION_VERSION, TRANSACTION_VERSION_LEVEL)
                    .addDirectory(logDir.toString())
                    .run();
            log.info("Formatted Kafka storage {} (cluster {})", logDir, clusterId);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + logDir + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot format " + logDir + ": " + e.getMessage(), e);
        }
    }

    static Map<String, Object> serverConfig(Settings s, Path logDir) {
        String voters = s.quorumVoters() != null ? s.quorumVoters()
                : s.nodeId() + "@localhost:" + s.controllerPort();
        String replication = Integer.toString(s.replication());
        String minIsr = Integer.toString(Math.max(1, s.replication() - 1));
        Map<String, Object> c = new HashMap<>();
        c.put("process.roles", "broker,controller");
        c.put("node.id", Integer.toString(s.nodeId()));
        c.put("controller.quorum.voters", voters);
        // Bound to loopback and advertised as localhost: this broker is for this machine only.
        c.put("listeners", CLIENT_LISTENER + "://localhost:" + s.port()
                + "," + CONTROLLER_LISTENER + "://localhost:" + s.controllerPort());
        c.put("advertised.listeners", CLIENT_LISTENER + "://localhost:" + s.port());
        c.put("listener.security.protocol.map", CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        c.put("controller.listener.names", CONTROLLER_LISTENER);
        c.put("inter.broker.listener.name", CLIENT_LISTENER);
        c.put("log.dirs", logDir.toString());
        c.put("metadata.log.dir", logDir.toString());
        // Internal topics must fit the node count, or group and transaction coordinators never load.
        c.put("offsets.topic.replication.factor", replication);
        c.put("transaction.state.log.replication.factor", replication);
        c.put("transaction.state.log.min.isr", minIsr);
        c.put("share.coordinator.state.topic.replication.factor", replication);
        c.put("share.coordinator.state.topic.min.isr", minIsr);
        c.put("default.replication.factor", replication);
        c.put("min.insync.replicas", minIsr);
        // Fewer coordinator partitions: each one is loaded at start-up, and 50 only slows a laptop down.
        c.put("offsets.topic.num.partitions", "5");
        c.put("transaction.state.log.num.partitions", "5");
        // A lone consumer should not wait 3 s for company before its first assignment.
        c.put("group.initial.rebalance.delay.ms", "0");
        // Topics are created on purpose with the right partitions; a typo must not invent a topic.
        c.put("auto.create.topics.enable", "false");
        // Faster unfencing at start-up; the defaults are tuned for big clusters.
        c.put("broker.heartbeat.interval.ms", "500");
        c.put("num.network.threads", "2");
        c.put("num.io.threads", "2");
        c.put("log.segment.bytes", Integer.toString(16 * 1024 * 1024));
        c.put("offsets.topic.segment.bytes", Integer.toString(16 * 1024 * 1024));
        c.put("transaction.state.log.segment.bytes", Integer.toString(16 * 1024 * 1024));
        c.putAll(s.overrides());
        return c;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
