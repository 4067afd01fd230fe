package dev.newsmon.app.topics;

import dev.newsmon.processor.classify.Themes;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import picocli.CommandLine.Option;

/** Partitions, replication and theme list of the topics to create; shared by {@code topics} and {@code up}. */
public final class TopicOptions {
    @Option(names = "--partitions", paramLabel = "N", defaultValue = "${NEWSMON_PARTITIONS:-3}",
            description = "Partitions of each new topic; they bound how many processor instances share the work "
                    + "(env NEWSMON_PARTITIONS; default ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--replication-factor", paramLabel = "N", defaultValue = "${NEWSMON_REPLICATION_FACTOR:-1}",
            description = "Replicas of each new topic, at most the number of brokers "
                    + "(env NEWSMON_REPLICATION_FACTOR; default ${DEFAULT-VALUE}).")
    short replicationFactor;

    @Option(names = "--themes", paramLabel = "FILE", defaultValue = "${NEWSMON_THEMES}",
            description = "Theme definitions naming the alert topics (env NEWSMON_THEMES; default: the built-in themes).")
    Path themesFile;

    /** The themes file given by flag or environment, or null for the built-in themes. */
    public Path themesFile() {
        return themesFile;
    }

    public List<NewTopic> newTopics() {
        if (partitions < 1) {
            throw new IllegalArgumentException("--partitions must be at least 1, not " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("--replication-factor must be at least 1, not " + replicationFactor);
        }
        Themes themes = themesFile != null ? Themes.load(themesFile) : Themes.loadDefault();
        return TopicSetup.newTopics(themes.names(), partitions, replicationFactor);
    }
}
