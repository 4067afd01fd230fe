package dev.newsmon.app.topics;

import dev.newsmon.common.KafkaOptions;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "Create newsmon's topics (one alert topic per theme); existing topics are left alone.")
public final class TopicsCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(TopicsCommand.class);

    @Mixin
    KafkaOptions kafka;

    @Mixin
    TopicOptions topics;

    @Override
    public Integer call() throws Exception {
        report(TopicSetup.ensure(kafka.clientProperties(), topics.newTopics()));
        return 0;
    }

    public static void report(TopicSetup.Outcome outcome) {
        if (!outcome.created().isEmpty()) {
            log.info("Created topics: {}", String.join(", ", outcome.created()));
        }
        if (!outcome.existing().isEmpty()) {
            log.info("Left existing topics alone: {}", String.join(", ", outcome.existing()));
        }
    }
}
