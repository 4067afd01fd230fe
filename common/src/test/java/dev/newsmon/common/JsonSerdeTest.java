package dev.newsmon.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

    private static final Instant T = Instant.parse("2026-10-03T08:15:00Z");

    @Test
    void articleRoundTripsWithIsoTimesAndOmitsNulls() {
        JsonSerde<Article> serde = JsonSerde.of(Article.class);
        Article a = new Article("a1", null, "Yonhap", "Title", "Body", T, T.plusSeconds(60), "en");

        byte[] bytes = serde.serialize(Topics.ARTICLES, a);
        String json = new String(bytes, StandardCharsets.UTF_8);

        assertTrue(json.contains("\"published\":\"2026-10-03T08:15:00Z\""), json);
        assertFalse(json.contains("\"url\""), "null fields are omitted: " + json);
        assertEquals(a, serde.deserialize(Topics.ARTICLES, bytes));
    }

    @Test
    void alertRoundTripsWithLowercaseSeverity() {
        JsonSerde<Alert> serde = JsonSerde.of(Alert.class);
        Alert alert = new Alert("id1", "taiwan", "TENSION_SPIKE", Severity.CRITICAL, T, T.plusSeconds(3600),
                Map.of("tension", 0.62), "Taiwan tension rose.",
                List.of(new Alert.AlertArticle("a1", "t", "https://x", 0.9)), List.of("warned"), T);

        byte[] bytes = serde.serialize(Topics.alerts("taiwan"), alert);

        assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("\"severity\":\"critical\""));
        assertEquals(alert, serde.deserialize("t", bytes));
    }

    @Test
    void unknownFieldsAreIgnoredForForwardCompatibility() {
        byte[] bytes = "{\"id\":\"x\",\"title\":\"t\",\"body\":\"b\",\"addedLater\":42}".getBytes(StandardCharsets.UTF_8);

        Article a = JsonSerde.of(Article.class).deserialize("t", bytes);

        assertEquals("x", a.id());
        assertNull(a.published());
    }

    @Test
    void badBytesRaiseSerializationExceptionNamingTheTypeAndTopic() {
        JsonSerde<Article> serde = JsonSerde.of(Article.class);

        SerializationException e = assertThrows(SerializationException.class,
                () -> serde.deserialize("news.articles", "{not json".getBytes(StandardCharsets.UTF_8)));

        assertTrue(e.getMessage().contains("Article"), e.getMessage());
        assertTrue(e.getMessage().contains("news.articles"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one-line reason for the dead-letter record");
    }

    @Test
    void nullStaysNullForTombstones() {
        JsonSerde<Article> serde = JsonSerde.of(Article.class);
        assertNull(serde.serialize("t", null));
        assertNull(serde.deserialize("t", null));
    }
}
