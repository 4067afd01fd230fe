package dev.newsmon.processor;

import dev.newsmon.processor.errors.DeadLetterDeserializationHandler;
import dev.newsmon.processor.errors.DeadLetterProcessingHandler;
import dev.newsmon.processor.errors.DeadLetterProductionHandler;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/** Kafka Streams configuration for the processor, built apart from the topology so tests can build both. */
public final class StreamsSettings {
    public static final String DEFAULT_APPLICATION_ID = "newsmon-processor";
    /** The state root shared by every command (NEWSMON_STATE_DIR); the processor's stores go in its streams/. */
    public static final String DEFAULT_STATE_DIR = ".newsmon";

    private StreamsSettings() {
    }

    /**
     * @param client    connection properties (bootstrap, SASL/SSL...); copied, never modified
     * @param appServer host:port of this instance's HTTP API for interactive queries, or null
     */
    public static Properties build(Map<String, Object> client, String applicationId, Path stateDir,
                                   String appServer) {
        Properties p = new Properties();
        p.putAll(client);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // An alert must go out once: reads, state changes and outputs commit together or not at all.
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // Read-committed consumers see output only after a commit; 100 ms keeps alerts well inside a second.
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        // Our stores are read at once by the rules; a record cache would only delay the changelog.
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        // Unreadable bytes, processor exceptions and refused outputs become dead letters, never a dead thread.
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class);
        // Kafka 5.0's default; opting in now also stops the warning at every start (we have no global stores).
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        if (appServer != null) {
            p.putAll(withApplicationServer(new Properties(), appServer));
        }
        return p;
    }

    /** A copy of {@code config} that advertises this instance's HTTP API as {@code host:port}. */
    public static Properties withApplicationServer(Properties config, String hostPort) {
        Properties p = new Properties();
        p.putAll(config);
        // Lets other instances find which one owns a theme's state for the HTTP API.
        p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, hostPort);
        return p;
    }
}
