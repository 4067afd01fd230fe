package dev.newsmon.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsmon.common.Alert;
import dev.newsmon.common.Article;
import dev.newsmon.common.Severity;
import dev.newsmon.processor.alerts.AlertRules;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each alert rule through the real topology and classifier: fires once, minimum count, re-arm, cooldown. */
class AlertRulesTopologyTest {
    static final Instant DAY0 = Instant.parse("2026-09-01T00:00:00Z");
    static final AlertRules RULES = AlertRules.loadDefault();

    static Instant day(int d, int hour) {
        return DAY0.plus(Duration.ofDays(d)).plus(Duration.ofHours(hour)).plusSeconds(300);
    }

    static List<String> kinds(List<Alert> alerts) {
        return alerts.stream().map(Alert::kind).toList();
    }

    static void calmDays(TopologyFixture f, String[] calm, int from, int to) {
        for (int d = from; d < to; d++) {
            f.send(calm, day(d, 9));
        }
    }

    static void burst(TopologyFixture f, String[] story, int d, int... hours) {
        for (int h : hours) {
            f.send(story, day(d, h));
        }
    }

    static double tension(String[] story) {
        return TopologyFixture.CLASSIFIER.classify(TopologyFixture.article("x", story[0], story[1], DAY0)).tension();
    }

    static double cooperation(String[] story) {
        return TopologyFixture.CLASSIFIER.classify(TopologyFixture.article("x", story[0], story[1], DAY0))
                .cooperation();
    }

    static AlertRules spikeCooldown(Duration cooldown) {
        AlertRules.ThresholdRule t = RULES.tensionSpike();
        return new AlertRules(RULES.signals(), new AlertRules.ThresholdRule(t.k(), t.floor(), t.minStories(),
                t.rearmZ(), t.criticalZ(), cooldown), RULES.cooperationSurge(), RULES.shift(), RULES.breaking(),
                RULES.reawakening());
    }

    @Test
    void storiesUsedHereScoreAsTheseTestsAssume() {
        assertTrue(tension(Stories.NK_MISSILE) > RULES.tensionSpike().floor(), "missile story must read tense");
        assertTrue(tension(Stories.NK_MISSILE) < RULES.breaking().bar(), "but below the breaking bar");
        assertEquals(0.0, tension(Stories.NK_HOSPITAL));
        assertTrue(tension(Stories.TAIWAN_DRILLS) >= RULES.breaking().bar(), "drills story must be breaking-level");
        assertEquals(0.0, tension(Stories.TAIWAN_ELECTION));
        assertTrue(cooperation(Stories.SUMMIT_PLANS) - cooperation(Stories.SUMMIT_DATE)
                > RULES.cooperationSurge().k() * RULES.signals().minDeviation(), "plans story must surge");
    }

    @Test
    void tensionSpikeFiresOnceAsSoonAsTheThirdStoryArrivesAndSaysWhy() {
        try (TopologyFixture f = new TopologyFixture()) {
            calmDays(f, Stories.NK_HOSPITAL, 0, 14);
            burst(f, Stories.NK_MISSILE, 14, 10, 11);
            assertEquals(List.of(), f.alerts("north_korea"), "two stories are under minStories");

            Article third = f.send(Stories.NK_MISSILE, day(14, 12));
            List<Alert> fired = f.alerts("north_korea");
            assertEquals(List.of("TENSION_SPIKE"), kinds(fired), "raised by the third story itself");
            Alert a = fired.get(0);
            assertEquals("north_korea", a.theme());
            assertEquals(Severity.CRITICAL, a.severity());
            assertEquals("north_korea:tension_spike:2026-09-15T13:00:00Z:critical", a.id());
            assertTrue(a.explanation().matches("North Korea tension 0\\.\\d\\d over the last 24 h, \\d+\\.\\dσ above "
                    + "its 14-day baseline of 0\\.00, from 3 stories\\."), a.explanation());
            assertEquals(3, a.articles().size());
            assertEquals(Stories.NK_MISSILE[0], a.articles().get(0).title());
            assertFalse(a.topCues().isEmpty());
            assertEquals(third.published(), a.raisedAt());
            assertEquals(3.0, a.metrics().get("stories"));

            burst(f, Stories.NK_MISSILE, 14, 13, 14, 15);
            assertEquals(List.of(), f.alerts("north_korea"), "one episode, one alert");
        }
    }

    @Test
    void tensionSpikeStaysQuietUntilRearmedAndRespectsTheCooldown() {
        try (TopologyFixture f = new TopologyFixture(spikeCooldown(Duration.ofDays(3)))) {
            calmDays(f, Stories.NK_HOSPITAL, 0, 14);
            burst(f, Stories.NK_MISSILE, 14, 10, 11, 12);
            assertEquals(List.of("TENSION_SPIKE"), kinds(f.alerts("north_korea")));

            f.send(Stories.NK_HOSPITAL, day(16, 9)); // a calm day: the spike re-arms
            burst(f, Stories.NK_MISSILE, 16, 10, 11, 12);
            assertEquals(List.of(), f.alerts("north_korea"), "re-armed, but two days into a three-day cooldown");

            f.send(Stories.NK_HOSPITAL, day(17, 12)); // calm again, and out of the next window
            burst(f, Stories.NK_MISSILE, 18, 10, 11, 12);
            List<Alert> again = f.alerts("north_korea");
            assertEquals(List.of("TENSION_SPIKE"), kinds(again), "re-armed and out of cooldown");
            assertEquals(Severity.WARNING, again.get(0).severity(), "a busier baseline makes it less extreme");
        }
    }

    @Test
    void tensionSpikeDoesNotRearmWhileTheThemeStaysTense() {
        try (TopologyFixture f = new TopologyFixture(spikeCooldown(Duration.ofHours(1)))) {
            calmDays(f, Stories.NK_HOSPITAL, 0, 14);
            burst(f, Stories.NK_MISSILE, 14, 10, 11, 12);
            assertEquals(List.of("TENSION_SPIKE"), kinds(f.alerts("north_korea")));
            burst(f, Stories.NK_MISSILE, 15, 10, 11, 12, 13);
            assertEquals(List.of(), f.alerts("north_korea"), "past the cooldown, but never below rearmZ");
        }
    }

    @Test
    void breakingFiresOnOneAlarmingArticleAndRearmsWhenTheThemeCalmsDown() {
        try (TopologyFixture f = new TopologyFixture()) {
            Article drills = f.send(Stories.TAIWAN_DRILLS, day(0, 10));
            List<Alert> fired = f.alerts("taiwan");
            assertEquals(List.of("BREAKING"), kinds(fired));
            assertEquals(Severity.CRITICAL, fired.get(0).severity());
            assertEquals(drills.id(), fired.get(0).articles().get(0).id());
            assertTrue(fired.get(0).explanation().startsWith("Breaking on Taiwan: \"" + Stories.TAIWAN_DRILLS[0]
                    + "\" carries tension 0."), fired.get(0).explanation());

            f.send(Stories.TAIWAN_DRILLS, day(0, 13));
            assertEquals(List.of(), f.alerts("taiwan"), "the theme is still tense: not re-armed");

            f.send(Stories.TAIWAN_ELECTION, day(3, 9));
            f.send(Stories.TAIWAN_DRILLS, day(3, 10));
            assertEquals(List.of("BREAKING"), kinds(f.alerts("taiwan")));
        }
    }

    @Test
    void breakingRespectsItsCooldown() {
        AlertRules.BreakingRule b = RULES.breaking();
        AlertRules longCooldown = new AlertRules(RULES.signals(), RULES.tensionSpike(), RULES.cooperationSurge(),
                RULES.shift(), new AlertRules.BreakingRule(b.bar(), b.themes(), b.rearm(), b.severity(),
                Duration.ofDays(4)), RULES.reawakening());
        try (TopologyFixture f = new TopologyFixture(longCooldown)) {
            f.send(Stories.TAIWAN_DRILLS, day(0, 10));
            f.send(Stories.TAIWAN_ELECTION, day(2, 9));
            f.send(Stories.TAIWAN_DRILLS, day(2, 10));
            assertEquals(List.of("BREAKING"), kinds(f.alerts("taiwan")), "re-armed, but inside the cooldown");
        }
    }

    @Test
    void cooperationSurgeNeedsThreeStories() {
        try (TopologyFixture f = new TopologyFixture()) {
            calmDays(f, Stories.SUMMIT_DATE, 0, 14);
            burst(f, Stories.SUMMIT_PLANS, 14, 10, 11);
            assertEquals(List.of(), f.alerts("trilateral_summit"));
            f.send(Stories.SUMMIT_PLANS, day(14, 12));
            List<Alert> fired = f.alerts("trilateral_summit");
            assertEquals(List.of("COOPERATION_SURGE"), kinds(fired));
            assertTrue(fired.get(0).explanation().startsWith("Trilateral Summit cooperation 0."),
                    fired.get(0).explanation());
            f.send(Stories.SUMMIT_PLANS, day(14, 13));
            assertEquals(List.of(), f.alerts("trilateral_summit"));
        }
    }

    @Test
    void shiftWhenTheBalanceFlipsWithStoriesOnBothSides() {
        try (TopologyFixture f = new TopologyFixture()) {
            burst(f, Stories.SUMMIT_PLANS, 0, 8, 9);
            String[] collapse = {"Summit talks collapse amid dispute",
                "Preparations for the China-Japan-South Korea trilateral summit stalled after Beijing protested and "
                    + "warned Tokyo. Officials said the dispute had strained ties and the summit was postponed."};
            f.send(collapse, day(1, 12));
            assertEquals(List.of(), f.alerts("trilateral_summit"), "one tense story is not yet a shift");
            f.send(collapse, day(1, 13));
            List<Alert> fired = f.alerts("trilateral_summit");
            assertEquals(List.of("SHIFT"), kinds(fired));
            assertTrue(fired.get(0).explanation().startsWith(
                    "Trilateral Summit balance flipped from cooperative (+0."), fired.get(0).explanation());
            assertTrue(fired.get(0).explanation().contains("to tense (-0."), fired.get(0).explanation());
            f.send(collapse, day(1, 14));
            assertFalse(kinds(f.alerts("trilateral_summit")).contains("SHIFT"), "same direction: no repeat");
        }
    }

    @Test
    void reawakeningAfterQuietDays() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.send(Stories.NK_HOSPITAL, day(0, 9));
            f.send(Stories.NK_HOSPITAL, day(4, 9));
            assertEquals(List.of(), f.alerts("north_korea"), "only three full quiet days");
            Article back = f.send(Stories.NK_HOSPITAL, day(10, 9));
            List<Alert> fired = f.alerts("north_korea");
            assertEquals(List.of("REAWAKENING"), kinds(fired));
            assertEquals(Severity.INFO, fired.get(0).severity());
            assertEquals("North Korea is back in the news after 5 quiet days: \"" + back.title() + "\".",
                    fired.get(0).explanation());
            f.send(Stories.NK_HOSPITAL, day(10, 10));
            assertEquals(List.of(), f.alerts("north_korea"));
        }
    }
}
