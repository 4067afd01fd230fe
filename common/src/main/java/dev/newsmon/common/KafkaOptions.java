package dev.newsmon.common;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import picocli.CommandLine.Option;

/**
 * Connection settings shared by every command that talks to Kafka (a picocli mixin).
 * Precedence: flag, then NEWSMON_* environment variable, then default.
 */
public final class KafkaOptions {
    public static final String DEFAULT_BOOTSTRAP = "localhost:9092";

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            defaultValue = "${NEWSMON_BOOTSTRAP_SERVERS}",
            description = "Kafka brokers (env NEWSMON_BOOTSTRAP_SERVERS; default " + DEFAULT_BOOTSTRAP + ").")
    String bootstrapServers;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            defaultValue = "${NEWSMON_KAFKA_CONFIG}",
            description = "Java properties passed to every Kafka client, e.g. SASL_SSL settings "
                    + "(env NEWSMON_KAFKA_CONFIG).")
    Path kafkaConfig;

    public KafkaOptions() {
    }

    public KafkaOptions(String bootstrapServers, Path kafkaConfig) {
        this.bootstrapServers = bootstrapServers;
        this.kafkaConfig = kafkaConfig;
    }

    /** The brokers named by flag or environment; empty means "none given". */
    public Optional<String> bootstrapServers() {
        return Optional.ofNullable(bootstrapServers).filter(s -> !s.isBlank());
    }

    public Optional<Path> kafkaConfig() {
        return Optional.ofNullable(kafkaConfig);
    }

    public KafkaOptions withBootstrapServers(String servers) {
        return new KafkaOptions(servers, kafkaConfig);
    }

    /**
     * A fresh map of client properties: the config file first, then the bootstrap servers on top.
     * Callers add their own settings to the returned map; nothing shared is mutated.
     */
    public Map<String, Object> clientProperties() {
        Map<String, Object> props = new HashMap<>();
        kafkaConfig().ifPresent(file -> readInto(file, props));
        bootstrapServers().ifPresent(s -> props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, s));
        props.putIfAbsent(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, DEFAULT_BOOTSTRAP);
        return props;
    }

    private static void readInto(Path file, Map<String, Object> props) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--kafka-config " + file + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("--kafka-config " + file + ": " + e.getMessage(), e);
        }
        p.stringPropertyNames().forEach(k -> props.put(k, p.getProperty(k)));
    }
}
