package dev.newsmon.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsmon.common.Alert;
import dev.newsmon.common.Severity;
import dev.newsmon.processor.alerts.AlertRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each alert rule through the real topology and classifier: fires once, minimum count, re-arm, cooldown. */
class AlertRulesTopologyTest {
    static final Instant DAY0 = Instant.parse("2026-09-01T09:00:00Z");
    static final AlertRules RULES = AlertRules.loadDefault();

    static Instant day(int d, int hour) {
        return DAY0.plus(Duration.ofDays(d)).plus(Duration.ofHours(hour - 9));
    }

    static List<String> kinds(List<Alert> alerts) {
        return alerts.stream().map(Alert::kind).toList();
    }

    static void calmBaseline(TopologyFixture f, String[] calm, int days) {
        for (int d = 0; d < days; d++) {
            f.send(calm, day(d, 9));
        }
    }

    @Test
    void storiesUsedHereScoreAsTheTestsAssume() {
        assertTrue(tension(Stories.NK_MISSILE) > RULES.tensionSpike().floor(), "missile story must read tense");
        assertTrue(tension(Stories.NK_MISSILE) < RULES.breaking().bar(), "but not breaking-level");
        assertEquals(0.0, tension(Stories.NK_HOSPITAL));
        assertTrue(tension(Stories.TAIWAN_DRILLS) >= RULES.breaking().bar(), "drills story must be breaking-level");
    }

    @Test
    void tensionSpikeFiresOnceAsSoonAsTheThirdStoryArrives() {
        try (TopologyFixture f = new TopologyFixture()) {
            calmBaseline(f, Stories.NK_HOSPITAL, 14);
            f.send(Stories.NK_MISSILE, day(14, 10));
            f.send(Stories.NK_MISSILE, day(14, 11));
            assertEquals(List.of(), f.alerts("north_korea"), "two stories are under minStories");

            Alert a = single(f.alerts("north_korea"), f.send(Stories.NK_MISSILE, day(14, 12)) == null);
            assertEquals("TENSION_SPIKE", a.kind());
            assertEquals("north_korea", a.theme());
            assertEquals(Severity.CRITICAL, a.severity());
            assertTrue(a.explanation().startsWith("North Korea tension 0."), a.explanation());
            assertTrue(a.explanation().contains("above its 14-day baseline of 0.00, from 3 stories."),
                    a.explanation());
            assertEquals(3, a.articles().size());
            assertEquals(Stories.NK_MISSILE[0], a.articles().get(0).title());
            assertFalse(a.topCues().isEmpty());
            assertEquals(day(14, 12), a.raisedAt(), "raised in event time by the triggering article");

            f.send(Stories.NK_MISSILE, day(14, 13));
            f.send(Stories.NK_MISSILE, day(14, 14));
            assertEquals(List.of(), f.alerts("north_korea"), "one episode, one alert");
        }
    }

    /** Like {@link #tensionSpikeFiresOnceAsSoonAsTheThirdStoryArrives} but reads the topic after sending. */
    private static Alert single(List<Alert> before, boolean ignored) {
        throw new UnsupportedOperationException();
    }
}
