package dev.newsmon.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsmon.common.ClassifiedArticle;
import dev.newsmon.common.ThemeSignal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

/**
 * Syndicated copies through the topology. Fingerprints go through the by-LSH-band repartition topic and the
 * answers come back through a second one keyed by id, which is what lets copies on different partitions meet.
 */
class SyndicationTest {
    static final Instant T = Instant.parse("2026-10-11T00:50:00Z");
    static final String WIRE = "North Korea fired an intercontinental ballistic missile into the East Sea early on "
            + "Sunday, the Joint Chiefs of Staff said, the first such launch in eleven months. The missile flew for "
            + "about seventy minutes before falling outside Japan's exclusive economic zone, officials in Tokyo said. "
            + "Pyongyang warned it would take stronger countermeasures against joint drills by Seoul and Washington.";

    @Test
    void aCopyOnAnotherSiteIsMarkedAndCountedOnce() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.send(TopologyFixture.article("wire-1", "N. Korea fires ICBM into East Sea", "SEOUL (Wire) -- " + WIRE,
                    T));
            f.send(TopologyFixture.article("site-2", "North Korea fires ICBM; Seoul convenes security meeting",
                    "(Other Site) -- " + WIRE.replace("early on Sunday", "on Sunday morning")
                            + "\nRead More: Seoul convenes security meeting", T.plus(Duration.ofMinutes(45))));
            f.send(TopologyFixture.article("other", Stories.NK_MISSILE[0], Stories.NK_MISSILE[1],
                    T.plus(Duration.ofMinutes(50))));

            Map<String, ClassifiedArticle> out = f.classified.readKeyValuesToList().stream()
                    .collect(Collectors.toMap(kv -> kv.key, kv -> kv.value));
            assertEquals(3, out.size());
            assertNull(out.get("wire-1").duplicateOf());
            assertEquals("wire-1", out.get("site-2").duplicateOf());
            assertNull(out.get("other").duplicateOf());
            assertEquals(1.0, f.metric("syndicated-copies-total"));

            List<ThemeSignal> nk = f.signals.readKeyValuesToList().stream()
                    .filter(kv -> kv.key.equals("north_korea")).map(kv -> kv.value).toList();
            assertEquals(List.of(1, 2), nk.stream().map(ThemeSignal::stories).toList(),
                    "the copy moves no signal: two stories, not three");
        }
    }

    @Test
    void theEarlierPublishedCopyIsTheOriginalWhateverTheArrivalOrder() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.send(TopologyFixture.article("late-site", "t", "(Other Site) -- " + WIRE, T.plus(Duration.ofHours(1))));
            f.send(TopologyFixture.article("wire-first", "t", "SEOUL (Wire) -- " + WIRE, T));
            Map<String, ClassifiedArticle> out = f.classified.readKeyValuesToList().stream()
                    .collect(Collectors.toMap(kv -> kv.key, kv -> kv.value));
            // The later copy was already released when the earlier one arrived; neither points at a later story.
            assertNull(out.get("late-site").duplicateOf());
            assertNull(out.get("wire-first").duplicateOf());
        }
    }

    @Test
    void copiesOutsideTheHorizonAreNewStories() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.send(TopologyFixture.article("w1", "t", WIRE, T));
            f.send(TopologyFixture.article("w2", "t", WIRE, T.plus(NewsTopology.DEFAULT_DEDUPE_HORIZON)
                    .plusSeconds(60)));
            List<KeyValue<String, ClassifiedArticle>> out = f.classified.readKeyValuesToList();
            assertNull(out.get(1).value.duplicateOf());
            assertTrue(f.metric("syndicated-copies-total") == 0.0);
        }
    }
}
