package dev.newsmon.ingest.bench;

import dev.newsmon.ingest.ArticleAssembler;
import dev.newsmon.ingest.ArticleFiles;
import dev.newsmon.ingest.IngestException;
import dev.newsmon.ingest.IngestRun;
import dev.newsmon.ingest.Problems;
import dev.newsmon.ingest.publish.ArticlePublisher;
import dev.newsmon.ingest.publish.IngestProducerConfig;
import dev.newsmon.ingest.publish.PublishedLedger;
import dev.newsmon.ingest.publish.RunCounts;
import dev.newsmon.ingest.read.ByteLines;
import dev.newsmon.ingest.read.InputReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * JSON Lines ingest against the raw producer, same bytes, same broker, same producer settings, same run.
 * The raw side sends each line of the file as it is; the ingest side parses, cleans, dates, identifies and
 * re-serialises every article before sending. Rounds alternate so neither side gets a warmer JVM or broker.
 * Usage: IngestBench BOOTSTRAP_SERVERS [COUNT=100000] [ROUNDS=3]
 */
public final class IngestBench {
    static final String RAW_TOPIC = "newsmon.bench.raw";
    static final String INGEST_TOPIC = "newsmon.bench.ingest";

    /**
     * Best round of each side; {@code ratio} is ingest over raw throughput in MB/s of input, {@code medianRatio}
     * the median of the rounds' own ratios. The CPU figures are this process's CPU seconds in those rounds, and
     * of that the part spent by threads that outlive a round: an in-process broker's, the JIT's and GC's.
     * They show where the time goes when the machine, not the pipeline, is the limit.
     */
    public record Result(int records, long inputBytes, double rawSeconds, double ingestSeconds, double rawCpuSeconds,
                         double ingestCpuSeconds, double rawBrokerCpuSeconds, double ingestBrokerCpuSeconds,
                         double medianRatio) {
        public double rawMBps() {
            return inputBytes / 1e6 / rawSeconds;
        }

        public double ingestMBps() {
            return inputBytes / 1e6 / ingestSeconds;
        }

        public double ratio() {
            return rawSeconds / ingestSeconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "raw producer: %,d records in %.2f s = %,.0f records/s, %.1f MB/s%n"
                            + "ingest:       %,d records in %.2f s = %,.0f records/s, %.1f MB/s%n"
                            + "ingest / raw: %.1f%% best rounds, %.1f%% median of rounds (%,d bytes of JSON Lines,"
                            + " %.0f bytes per line)%n"
                            + "process CPU per record: raw %.1f us, ingest %.1f us"
                            + " (of which threads that outlive a round, an in-process broker's, the JIT's and GC's:"
                            + " %.1f us, %.1f us)",
                    records, rawSeconds, records / rawSeconds, rawMBps(),
                    records, ingestSeconds, records / ingestSeconds, ingestMBps(),
                    100 * ratio(), 100 * medianRatio, inputBytes, (double) inputBytes / records,
                    rawCpuSeconds * 1e6 / records, ingestCpuSeconds * 1e6 / records,
                    rawBrokerCpuSeconds * 1e6 / records, ingestBrokerCpuSeconds * 1e6 / records);
        }
    }

    private IngestBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: IngestBench BOOTSTRAP_SERVERS [COUNT=100000] [ROUNDS=3]");
            System.exit(2);
        }
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Result r = run(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, args[0]), count, rounds, System.out);
        System.out.println(r);
    }

    /** Runs the benchmark with {@code clientProps} (copied, not modified); progress goes to {@code log}. */
    public static Result run(Map<String, Object> clientProps, int count, int rounds, PrintStream log)
            throws IOException, InterruptedException {
        if (count < 1 || rounds < 1) {
            throw new IllegalArgumentException("need at least one article and one round");
        }
        Path work = Files.createTempDirectory("newsmon-bench");
        try {
            Path corpus = work.resolve("bench.jsonl");
            long bytes = BenchCorpus.write(corpus, count, 42);
            log.printf(Locale.ROOT, "corpus: %,d articles, %,d bytes (%.0f per line)%n", count, bytes,
                    (double) bytes / count);
            createTopics(clientProps);
            Map<String, Object> producerProps = IngestProducerConfig.of(clientProps);
            // Warm both paths (JIT, connections, topic metadata) on a slice before timing.
            int warm = Math.min(count, 10_000);
            Path warmFile = work.resolve("warm.jsonl");
            BenchCorpus.write(warmFile, warm, 7);
            raw(producerProps, warmFile);
            ingest(producerProps, warmFile, work, "warm");
            Round bestRaw = null;
            Round bestIngest = null;
            double[] ratios = new double[rounds];
            for (int round = 1; round <= rounds; round++) {
                Round r = Round.time(() -> raw(producerProps, corpus));
                String ledger = "round" + round;
                Round i = Round.time(() -> ingest(producerProps, corpus, work, ledger));
                ratios[round - 1] = r.seconds / i.seconds;
                log.printf(Locale.ROOT, "round %d: raw %.2f s (CPU %.2f s, broker %.2f s), ingest %.2f s (CPU %.2f s,"
                                + " broker %.2f s), ingest / raw %.1f%% (load average %.1f on %d cores)%n", round,
                        r.seconds, r.cpu, r.brokerCpu, i.seconds, i.cpu, i.brokerCpu, 100 * ratios[round - 1],
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                        Runtime.getRuntime().availableProcessors());
                if (bestRaw == null || r.seconds < bestRaw.seconds) {
                    bestRaw = r;
                }
                if (bestIngest == null || i.seconds < bestIngest.seconds) {
                    bestIngest = i;
                }
            }
            Arrays.sort(ratios);
            double median = rounds % 2 == 1 ? ratios[rounds / 2] : (ratios[rounds / 2 - 1] + ratios[rounds / 2]) / 2;
            return new Result(count, bytes, bestRaw.seconds, bestIngest.seconds, bestRaw.cpu, bestIngest.cpu,
                    bestRaw.brokerCpu, bestIngest.brokerCpu, median);
        } finally {
            deleteTree(work);
            deleteTopics(clientProps);
        }
    }

    /** Seconds to send every line of {@code file} as it is and have it acknowledged. */
    static double raw(Map<String, Object> producerProps, Path file) throws IOException {
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(),
                new ByteArraySerializer());
             InputStream in = Files.newInputStream(file)) {
            new ByteLines(in, Integer.MAX_VALUE - 16).forEach((n, buf, off, len, tooLong) ->
                    producer.send(new ProducerRecord<>(RAW_TOPIC, Arrays.copyOfRange(buf, off, off + len)),
                            (md, e) -> {
                                if (e != null) {
                                    failed.incrementAndGet();
                                }
                            }));
            producer.flush();
        }
        double secs = (System.nanoTime() - start) / 1e9;
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " raw sends failed");
        }
        return secs;
    }

    /** Seconds for the full ingest path over {@code file}: read, parse, clean, id, serialise, send, ack. */
    static double ingest(Map<String, Object> producerProps, Path file, Path work, String ledgerName) {
        RunCounts counts = new RunCounts();
        Problems problems = new Problems() {
            @Override
            public void error(String message) {
                throw new IngestException(message);
            }

            @Override
            public void warn(String message) {
                throw new IngestException(message);
            }
        };
        long max = ArticleFiles.DEFAULT_MAX_BODY;
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps, new StringSerializer(),
                new ByteArraySerializer());
             ArticlePublisher publisher = new ArticlePublisher(producer, INGEST_TOPIC,
                     PublishedLedger.open(work.resolve("state"), ledgerName), false, counts, problems);
             IngestRun run = new IngestRun(new InputReader(max, null), new ArticleAssembler(max, null), publisher,
                     counts, problems)) {
            run.path(file);
            run.flush();
        }
        double secs = (System.nanoTime() - start) / 1e9;
        if (counts.published.get() != counts.read.get()) {
            throw new IllegalStateException("ingest published " + counts.summary());
        }
        return secs;
    }

    /**
     * One timed side of a round: wall seconds, process CPU seconds, and CPU seconds of the threads that outlive it
     * (an in-process broker's, and the JIT compiler's and GC's).
     */
    private record Round(double seconds, double cpu, double brokerCpu) {
        interface Side {
            double run() throws IOException;
        }

        /**
         * Threads alive both before and after the side ran, other than this one, are the broker's when it runs
         * in-process, the JIT's and GC's (the producer's and ingest's own threads start and stop within the side).
         */
        static Round time(Side side) throws IOException {
            Map<Long, Long> before = threadCpu();
            double cpu0 = processCpuSeconds();
            double seconds = side.run();
            double cpu = processCpuSeconds() - cpu0;
            long broker = 0;
            for (Map.Entry<Long, Long> e : threadCpu().entrySet()) {
                Long was = before.get(e.getKey());
                if (was != null && e.getKey() != Thread.currentThread().getId()) {
                    broker += e.getValue() - was;
                }
            }
            return new Round(seconds, cpu, broker / 1e9);
        }

        private static Map<Long, Long> threadCpu() {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Map<Long, Long> cpu = new HashMap<>();
            for (long id : threads.getAllThreadIds()) {
                long ns = threads.getThreadCpuTime(id);
                if (ns >= 0) {
                    cpu.put(id, ns);
                }
            }
            return cpu;
        }
    }

    /** CPU seconds of this whole process so far; NaN where the JVM does not report it. */
    private static double processCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    private static void createTopics(Map<String, Object> clientProps) throws InterruptedException {
        try (Admin admin = Admin.create(new HashMap<>(clientProps))) {
            List<NewTopic> topics = List.of(new NewTopic(RAW_TOPIC, 1, (short) 1), new NewTopic(INGEST_TOPIC, 1, (short) 1));
            try {
                admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                    throw new IllegalStateException("cannot create bench topics: " + e.getCause().getMessage(), e);
                }
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("cannot create bench topics within 30 s", e);
            }
        }
    }

    /** Several GB were written; leave the cluster as it was. Best effort: the figures are already taken. */
    private static void deleteTopics(Map<String, Object> clientProps) {
        try (Admin admin = Admin.create(new HashMap<>(clientProps))) {
            admin.deleteTopics(List.of(RAW_TOPIC, INGEST_TOPIC)).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("warning: could not delete bench topics: " + e.getMessage());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
