package dev.newsmon.app.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsmon.app.broker.EmbeddedBroker;
import dev.newsmon.common.Topics;
import dev.newsmon.processor.classify.Themes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicSetupIT {
    @TempDir
    static Path dataDir;
    static EmbeddedBroker broker;
    static Admin admin;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start(0, dataDir, false);
        admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
    }

    @AfterAll
    static void stopBroker() {
        admin.close();
        broker.close();
    }

    @Test
    void createsEveryTopicOnceAndLeavesExistingOnesAlone() throws Exception {
        // A topic someone made by hand with other settings must survive set-up untouched.
        admin.createTopics(List.of(new NewTopic(Topics.SIGNALS, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        List<String> themes = Themes.loadDefault().names();
        List<NewTopic> wanted = TopicSetup.newTopics(themes, 3, (short) 1);

        TopicSetup.Outcome first = TopicSetup.ensure(admin, wanted);
        TopicSetup.Outcome second = TopicSetup.ensure(admin, wanted);

        assertEquals(List.of(Topics.SIGNALS), first.existing());
        assertEquals(wanted.size() - 1, first.created().size());
        assertEquals(List.of(), second.created());
        assertEquals(wanted.size(), second.existing().size());
        Map<String, TopicDescription> described = admin.describeTopics(TopicSetup.topicNames(themes))
                .allTopicNames().get(30, TimeUnit.SECONDS);
        for (String theme : themes) {
            assertEquals(3, described.get(Topics.alerts(theme)).partitions().size(), theme);
        }
        assertEquals(3, described.get(Topics.ARTICLES).partitions().size());
        assertEquals(1, described.get(Topics.SIGNALS).partitions().size(), "pre-existing topic kept its partitions");

        // Backfilled records carry old event times; retention must count from arrival, not from those.
        ConfigResource classified = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CLASSIFIED);
        Config config = admin.describeConfigs(List.of(classified)).all().get(30, TimeUnit.SECONDS).get(classified);
        assertEquals("LogAppendTime", config.get(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG).value());
    }

    @Test
    void alertTopicsFollowTheThemeList() {
        List<String> names = TopicSetup.topicNames(List.of("chips", "ports"));
        assertTrue(names.containsAll(List.of(Topics.ARTICLES, Topics.DEAD_LETTER, Topics.CLASSIFIED, Topics.SIGNALS,
                Topics.FAILED_DELIVERIES, "news.alerts.chips", "news.alerts.ports")), names::toString);
        assertEquals(7, names.size());
    }
}
