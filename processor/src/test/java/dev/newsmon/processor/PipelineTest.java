package dev.newsmon.processor;

import static dev.newsmon.processor.TopologyFixture.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsmon.common.ClassifiedArticle;
import dev.newsmon.common.DeadLetter;
import dev.newsmon.common.Topics;
import dev.newsmon.processor.validate.ArticleValidator;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** Validation, dead letters, classification, exact-repeat dropping and event time through the real topology. */
class PipelineTest {
    static final Instant T = Instant.parse("2026-10-05T08:00:00Z");

    @Test
    void invalidRecordsGoToTheDeadLetterTopicWithReasonAndPosition() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.sendRaw("a1", "this is not json", T);
            f.sendRaw("a2", "{\"id\":\"a2\",\"body\":\"text\",\"published\":\"2026-10-05T08:00:00Z\"}", T);
            f.sendRaw("a3", "{\"id\":\"a3\",\"title\":\"t\",\"body\":\"  \"}", T);
            f.sendRaw("a4", "{\"id\":\"a4\",\"title\":\"t\",\"body\":\"b\",\"published\":\"last Tuesday\"}", T);
            f.sendRaw("a5", "{\"title\":\"t\",\"body\":\"b\"}", T);
            f.sendRaw("a6", "{\"id\":\"a6\",\"title\":\"t\",\"body\":\"" + "x".repeat(ArticleValidator.MAX_BODY_CHARS + 1)
                    + "\"}", T);
            f.sendRaw("other", "{\"id\":\"a7\",\"title\":\"t\",\"body\":\"b\"}", T);
            f.sendRaw("a8", null, T);
            f.send(article("ok", Stories.NK_MISSILE[0], Stories.NK_MISSILE[1], T));

            List<TestRecord<String, DeadLetter>> dead = f.dlq.readRecordsToList();
            assertEquals(8, dead.size());
            String[] reasons = {"not a valid Article JSON", "missing title", "missing body", "published",
                "missing id", "over the 200000 limit", "is not the article id", "empty record value"};
            for (int i = 0; i < reasons.length; i++) {
                DeadLetter d = dead.get(i).value();
                assertEquals("validate", d.stage());
                assertTrue(d.reason().contains(reasons[i]), d.reason() + " should contain " + reasons[i]);
                assertEquals(Topics.ARTICLES, d.topic());
                assertEquals(i, d.offset());
                assertEquals(0, d.partition());
                assertEquals(dead.get(i).key(), d.key(), "dead letters are keyed like the original");
            }
            assertEquals("this is not json", dead.get(0).value().value());
            assertTrue(dead.get(5).value().value().length() < 70_000, "oversized payloads are cut");
            assertEquals(List.of("ok"), f.classified.readKeyValuesToList().stream().map(kv -> kv.key).toList());
        }
    }

    @Test
    void classifiesKeyedByIdInEventTimeAndDropsExactRepeats() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.send(article("nk1", Stories.NK_MISSILE[0], Stories.NK_MISSILE[1], T));
            f.send(article("nk1", Stories.NK_MISSILE[0], Stories.NK_MISSILE[1], T));
            f.send(article("cal", Stories.CHIP_EXPORTS[0], Stories.CHIP_EXPORTS[1], T.plusSeconds(60)));

            List<TestRecord<String, ClassifiedArticle>> out = f.classified.readRecordsToList();
            assertEquals(List.of("nk1", "cal"), out.stream().map(TestRecord::key).toList());
            ClassifiedArticle nk = out.get(0).value();
            assertTrue(nk.about("north_korea"), nk.themes().toString());
            assertTrue(nk.tension() > 0.5, "missile launch reads as tension: " + nk.tension());
            assertNull(nk.duplicateOf());
            assertEquals(T, out.get(0).getRecordTime(), "records carry the published time, not the record's");
            assertEquals(1.0, f.metric("dropped-repeats-total"));
        }
    }

    @Test
    void eventTimeFallsBackFromPublishedToIngestedToRecordTime() {
        try (TopologyFixture f = new TopologyFixture()) {
            Instant ingested = T.plusSeconds(3600);
            f.send(new dev.newsmon.common.Article("i1", null, null, Stories.CHIP_EXPORTS[0], Stories.CHIP_EXPORTS[1],
                    null, ingested, "en"));
            f.articles.pipeInput(new TestRecord<>("r1", TopologyFixture.ARTICLE.serialize(Topics.ARTICLES,
                    new dev.newsmon.common.Article("r1", null, null, Stories.CHIP_EXPORTS[0], Stories.CHIP_EXPORTS[1],
                            null, null, "en")), T.plusSeconds(7200)));

            List<TestRecord<String, ClassifiedArticle>> out = f.classified.readRecordsToList();
            assertEquals(ingested, out.get(0).getRecordTime());
            assertEquals(ingested, out.get(0).value().eventTime());
            assertEquals(T.plusSeconds(7200), out.get(1).getRecordTime());
        }
    }

    @Test
    void everyThemeHasItsAlertTopicInTheTopology() {
        String described = NewsTopology.build(TopologyFixture.CLASSIFIER::classify,
                TopologyFixture.THEMES.names(), dev.newsmon.processor.alerts.AlertRules.loadDefault(),
                NewsTopology.DEFAULT_DEDUPE_HORIZON).describe().toString();
        for (String theme : TopologyFixture.THEMES.names()) {
            assertTrue(described.contains(Topics.alerts(theme)), theme);
        }
    }
}
