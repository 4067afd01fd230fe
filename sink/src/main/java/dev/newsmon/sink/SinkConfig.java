package dev.newsmon.sink;

import dev.newsmon.sink.webhook.Backoff;
import dev.newsmon.sink.webhook.WebhookFormat;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Everything a {@link SinkService} needs, resolved from flags, environment and defaults.
 * {@code webhook}, {@code atomFile} and {@code digest} are null when not configured.
 */
public record SinkConfig(
        Map<String, Object> kafka,
        String groupId,
        Path alertsDir,
        AlertFilter filter,
        boolean console,
        URI webhook,
        WebhookFormat webhookFormat,
        Duration webhookGiveUp,
        Backoff webhookBackoff,
        Path atomFile,
        int atomSize,
        Duration digest) {

    public SinkConfig {
        kafka = Map.copyOf(kafka);
    }

    /** Files and console only: the smallest useful sink (what {@code newsmon up} runs by default). */
    public static SinkConfig basic(Map<String, Object> kafka, String groupId, Path alertsDir) {
        return new SinkConfig(kafka, groupId, alertsDir, AlertFilter.ALL, true, null, WebhookFormat.json,
                Duration.ofMinutes(10), Backoff.DEFAULT, null, 50, null);
    }
}
