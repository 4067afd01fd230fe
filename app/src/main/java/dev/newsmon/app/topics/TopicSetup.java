package dev.newsmon.app.topics;

import dev.newsmon.common.Topics;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates newsmon's topics; ones that already exist are left exactly as they are. */
public final class TopicSetup {
    private static final long TIMEOUT_SECONDS = 60;

    /** What {@link #ensure} did: names created and names that were already there. */
    public record Outcome(List<String> created, List<String> existing) {
    }

    private TopicSetup() {
    }

    /** Every topic the pipeline reads or writes, alert topics derived from the theme list. */
    public static List<String> topicNames(List<String> themes) {
        Set<String> names = new LinkedHashSet<>(List.of(Topics.ARTICLES, Topics.DEAD_LETTER, Topics.CLASSIFIED,
                Topics.SIGNALS, Topics.FAILED_DELIVERIES));
        themes.forEach(theme -> names.add(Topics.alerts(theme)));
        return List.copyOf(names);
    }

    /**
     * Records carry the story's event time, which for a backfill is weeks old: with CreateTime retention the broker
     * would delete fresh output at its next retention pass. Retention counts from when the broker got the record.
     */
    static final Map<String, String> TOPIC_CONFIG = Map.of(
            TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");

    public static List<NewTopic> newTopics(List<String> themes, int partitions, short replicationFactor) {
        return topicNames(themes).stream()
                .map(name -> new NewTopic(name, partitions, replicationFactor).configs(TOPIC_CONFIG))
                .toList();
    }

    public static Outcome ensure(Map<String, Object> adminConfig, List<NewTopic> wanted)
            throws InterruptedException, ExecutionException, TimeoutException {
        try (Admin admin = Admin.create(adminConfig)) {
            return ensure(admin, wanted);
        } catch (ExecutionException e) {
            // Kafka's own wording ("Timed out waiting for a node assignment") does not say which cluster.
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw new IllegalStateException("cannot reach Kafka at "
                        + adminConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG) + ": " + e.getCause().getMessage(), e);
            }
            throw e;
        }
    }

    public static Outcome ensure(Admin admin, List<NewTopic> wanted)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> present = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<NewTopic> missing = wanted.stream().filter(t -> !present.contains(t.name())).toList();
        List<String> created = new ArrayList<>();
        List<String> existing = new ArrayList<>(wanted.stream().map(NewTopic::name).filter(present::contains).toList());
        var futures = admin.createTopics(missing).values();
        for (NewTopic topic : missing) {
            try {
                futures.get(topic.name()).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                created.add(topic.name());
            } catch (ExecutionException e) {
                // Another process (a second "up", a compose "topics" job) may have won the race; that is fine.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                existing.add(topic.name());
            }
        }
        return new Outcome(List.copyOf(created), List.copyOf(existing));
    }
}
