package dev.newsmon.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {
    @Test
    void exactlyOnceShortCommitsAndTheCallersMapIsLeftAlone() {
        Map<String, Object> client = new HashMap<>(Map.of("bootstrap.servers", "b:9092",
                "security.protocol", "SASL_SSL"));
        Map<String, Object> before = Map.copyOf(client);

        Properties p = StreamsSettings.build(client, "app", Path.of("/tmp/state"), "127.0.0.1:8080");

        assertEquals(before, client);
        assertEquals(StreamsConfig.EXACTLY_ONCE_V2, p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
        assertEquals(100, p.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG));
        assertEquals("SASL_SSL", p.get("security.protocol"), "client settings pass through");
        assertEquals("app", p.get(StreamsConfig.APPLICATION_ID_CONFIG));
        assertEquals("127.0.0.1:8080", p.get(StreamsConfig.APPLICATION_SERVER_CONFIG));
        new StreamsConfig(p); // every value has a type Kafka accepts
        assertFalse(StreamsSettings.build(client, "app", Path.of("s"), null)
                .containsKey(StreamsConfig.APPLICATION_SERVER_CONFIG));
    }
}
