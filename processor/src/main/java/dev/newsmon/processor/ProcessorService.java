package dev.newsmon.processor;

import dev.newsmon.common.Service;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the topology as a long-lived stage; logs one line per state change and nothing per record. */
public final class ProcessorService implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessorService.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Topology topology;
    private final Properties config;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile KafkaStreams streams;
    private volatile boolean failed;

    public ProcessorService(Topology topology, Properties config) {
        this.topology = topology;
        this.config = config;
    }

    @Override
    public String name() {
        return "processor";
    }

    @Override
    public synchronized void start() {
        if (streams != null) {
            throw new IllegalStateException("processor already started");
        }
        KafkaStreams s = new KafkaStreams(topology, config);
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
        KafkaStreams s = streams;
        if (s != null) {
            s.close(CLOSE_TIMEOUT);
            stopped.countDown();
        }
    }
}
