package dev.newsmon.processor.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsmon.common.Alert;
import dev.newsmon.common.Severity;
import dev.newsmon.processor.signals.HourDetail;
import dev.newsmon.processor.signals.HourStats;
import dev.newsmon.processor.signals.SignalMath;
import dev.newsmon.processor.signals.SignalSettings;
import dev.newsmon.processor.signals.Snapshot;
import dev.newsmon.processor.signals.SubjectEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The rules on one theme, fed article by article the way the signal processor feeds them. */
class RuleEngineTest {
    static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");
    static final AlertRules RULES = AlertRules.loadDefault();

    /** One theme's buckets and alert state; {@link #add} returns the alerts that article raises. */
    static final class Theme {
        final AlertRules rules;
        final RuleEngine engine;
        final NavigableMap<Long, HourStats> buckets = new TreeMap<>();
        final Map<String, AlertState> state = new HashMap<>();
        int n;
        long now = Long.MIN_VALUE;

        Theme(AlertRules rules) {
            this.rules = rules;
            this.engine = new RuleEngine(rules);
        }

        List<Alert> add(Instant at, double tension, double cooperation) {
            SignalSettings s = rules.signals();
            long bucket = Math.floorDiv(at.toEpochMilli(), s.hopMs());
            now = Math.max(now, bucket);
            HourStats before = buckets.getOrDefault(bucket, HourStats.EMPTY);
            buckets.put(bucket, before.plus(tension, cooperation));
            SubjectEvent e = new SubjectEvent("taiwan", "taiwan", "a" + (++n), "Story " + n, "https://x/" + n, at,
                    tension, cooperation, 1.0, false, Map.of("warn", tension), Map.of("talks", cooperation));
            Snapshot snap = SignalMath.snapshot("taiwan", s, now, bucket, buckets, before.stories(),
                    rules.shift().minStories(), rules.shift().lookback().toMillis() / s.hopMs());
            AlertStates states = new AlertStates() {
                public AlertState get(String k) {
                    return state.get(k);
                }

                public void put(String k, AlertState v) {
                    state.put(k, v);
                }
            };
            return engine.evaluate(e, snap, states, () -> HourDetail.EMPTY.plus(e));
        }

        /** One calm story a day for {@code days} days from {@code start}, with a little spread. */
        List<Alert> calmDays(Instant start, int days) {
            List<Alert> all = new ArrayList<>();
            for (int d = 0; d < days; d++) {
                all.addAll(add(start.plus(Duration.ofDays(d)).plusSeconds(3600 * 9), 0.1 + (d % 3) * 0.05,
                        0.1 + (d % 2) * 0.05));
            }
            return all;
        }
    }

    static List<String> kinds(List<Alert> alerts) {
        return alerts.stream().map(Alert::kind).toList();
    }

    @Test
    void tensionSpikeFiresOnceWithASentence() {
        Theme t = new Theme(RULES);
        assertEquals(List.of(), kinds(t.calmDays(T0, 14)));
        Instant day = T0.plus(Duration.ofDays(14)).plusSeconds(9 * 3600); // yesterday's calm story just left

        assertEquals(List.of(), kinds(t.add(day.plusSeconds(3600), 0.7, 0)));
        assertEquals(List.of(), kinds(t.add(day.plusSeconds(7200), 0.7, 0)), "two stories are under minStories");
        List<Alert> third = t.add(day.plusSeconds(10800), 0.7, 0);
        List<Alert> fourth = t.add(day.plusSeconds(14400), 0.75, 0);

        assertEquals(List.of("TENSION_SPIKE"), kinds(third));
        assertEquals(List.of(), kinds(fourth), "still the same episode");
        Alert a = third.get(0);
        assertEquals(Severity.CRITICAL, a.severity());
        assertEquals("taiwan:tension_spike:2026-10-15T13:00:00Z:critical", a.id());
        assertTrue(a.explanation().matches("Taiwan tension 0\\.70 over the last 24 h, \\d+\\.\\dσ above its "
                + "14-day baseline of 0\\.15, from 3 stories\\."), a.explanation());
        assertEquals(3.0, a.metrics().get("stories"));
    }

    @Test
    void spikeNeedsTheAbsoluteFloorToo() {
        Theme t = new Theme(RULES);
        t.calmDays(T0, 14);
        Instant day = T0.plus(Duration.ofDays(14)).plusSeconds(9 * 3600);
        List<Alert> all = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            all.addAll(t.add(day.plusSeconds(3600L * i), 0.29, 0)); // well above baseline, under the 0.3 floor
        }
        assertEquals(List.of(), kinds(all));
    }

    @Test
    void spikeRearmsOnlyAfterFallingBelowTheRearmLevelAndAfterTheCooldown() {
        Theme t = new Theme(RULES);
        t.calmDays(T0, 14);
        Instant day = T0.plus(Duration.ofDays(14)).plusSeconds(9 * 3600);
        for (int i = 1; i <= 3; i++) {
            t.add(day.plusSeconds(3600L * i), 0.6, 0);
        }
        assertEquals(Boolean.FALSE, t.state.get("taiwan|TENSION_SPIKE").armed());

        // Calm news two days later: z falls under rearmZ and the rule re-arms.
        Instant later = day.plus(Duration.ofDays(2));
        assertEquals(List.of(), kinds(t.add(later, 0.0, 0.1)));
        assertEquals(Boolean.TRUE, t.state.get("taiwan|TENSION_SPIKE").armed());

        List<Alert> again = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            again.addAll(t.add(later.plusSeconds(3600L * i), 0.9, 0));
        }
        assertTrue(kinds(again).contains("TENSION_SPIKE"), kinds(again).toString());
    }

    @Test
    void cooldownHoldsBackARearmedRuleButNotAnEscalation() {
        AlertRules longCooldown = new AlertRules(RULES.signals(),
                new AlertRules.ThresholdRule(2.0, 0.3, 3, 1.0, 4.0, Duration.ofDays(5)),
                RULES.cooperationSurge(), RULES.shift(),
                new AlertRules.BreakingRule(1.0, List.of(), 0.3, Severity.CRITICAL, Duration.ofHours(6)),
                RULES.reawakening());
        Theme t = new Theme(longCooldown);
        t.calmDays(T0, 14);
        Instant day = T0.plus(Duration.ofDays(14)).plusSeconds(9 * 3600);
        List<Alert> first = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            first.addAll(t.add(day.plusSeconds(3600L * i), 0.45, 0));
        }
        assertEquals(List.of("TENSION_SPIKE"), kinds(first));
        assertEquals(Severity.WARNING, first.get(0).severity());

        Instant later = day.plus(Duration.ofDays(2));
        t.add(later, 0.0, 0.0);
        assertEquals(Boolean.TRUE, t.state.get("taiwan|TENSION_SPIKE").armed());
        List<Alert> second = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            second.addAll(t.add(later.plusSeconds(3600L * i), 0.45, 0));
        }
        assertEquals(List.of(), kinds(second), "re-armed, but within the 5-day cooldown");

        List<Alert> escalated = new ArrayList<>();
        for (int i = 4; i <= 8; i++) {
            escalated.addAll(t.add(later.plusSeconds(3600L * i), 0.95, 0));
        }
        assertEquals(List.of("TENSION_SPIKE"), kinds(escalated), "critical beats the cooldown");
        assertEquals(Severity.CRITICAL, escalated.get(0).severity());
    }

    @Test
    void cooperationSurge() {
        Theme t = new Theme(RULES);
        t.calmDays(T0, 14);
        Instant day = T0.plus(Duration.ofDays(14)).plusSeconds(9 * 3600);
        List<Alert> all = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            all.addAll(t.add(day.plusSeconds(3600L * i), 0.05, 0.6));
        }
        assertEquals(List.of("COOPERATION_SURGE"), kinds(all));
        assertTrue(all.get(0).explanation().startsWith("Taiwan cooperation 0.60 over the last 24 h"));
    }

    @Test
    void shiftNeedsEnoughStoriesOnBothSidesAndFiresOncePerDirection() {
        Theme t = new Theme(RULES);
        Instant day = T0.plus(Duration.ofDays(3));
        t.add(day.plusSeconds(3600), 0.0, 0.5);
        t.add(day.plusSeconds(7200), 0.1, 0.5);
        Instant next = day.plus(Duration.ofDays(1));
        assertEquals(List.of(), kinds(t.add(next.plusSeconds(3600), 0.25, 0.1)), "one tense story is not a shift");
        List<Alert> flip = t.add(next.plusSeconds(7200), 0.25, 0.0);
        assertEquals(List.of("SHIFT"), kinds(flip));
        assertEquals("Taiwan balance flipped from cooperative (+0.45 over the previous 2 stories) to tense "
                + "(-0.20 from 2 stories) over the last 24 h.", flip.get(0).explanation());
        assertEquals(List.of(), kinds(t.add(next.plusSeconds(10800), 0.25, 0.0)), "same direction: no repeat");
    }

    @Test
    void breakingFiresOnOneAlarmingArticleAndWaitsForCalm() {
        Theme t = new Theme(RULES);
        List<Alert> first = t.add(T0, 0.85, 0);
        assertEquals(List.of("BREAKING"), kinds(first));
        assertEquals(Severity.CRITICAL, first.get(0).severity());
        assertTrue(first.get(0).explanation().startsWith("Breaking on Taiwan: \"Story 1\" carries tension 0.85"));
        assertEquals(List.of(), kinds(t.add(T0.plusSeconds(8 * 3600), 0.9, 0)), "theme still tense: not re-armed");

        Instant calm = T0.plus(Duration.ofDays(2));
        t.add(calm, 0.0, 0.2);
        assertEquals(List.of("BREAKING"), kinds(t.add(calm.plusSeconds(3600), 0.9, 0)));
    }

    @Test
    void breakingOnlyInWatchedThemes() {
        AlertRules watchChips = new AlertRules(RULES.signals(), RULES.tensionSpike(), RULES.cooperationSurge(),
                RULES.shift(), new AlertRules.BreakingRule(0.8, List.of("chips"), 0.3, Severity.CRITICAL,
                Duration.ofHours(6)), RULES.reawakening());
        assertEquals(List.of(), kinds(new Theme(watchChips).add(T0, 0.95, 0)));
    }

    @Test
    void reawakeningAfterQuietDaysButNotOnTheFirstStoryEver() {
        Theme t = new Theme(RULES);
        assertEquals(List.of(), kinds(t.add(T0, 0.1, 0.1)));
        assertEquals(List.of(), kinds(t.add(T0.plus(Duration.ofDays(4)), 0.1, 0.1)), "four quiet days");
        List<Alert> back = t.add(T0.plus(Duration.ofDays(10)), 0.1, 0.1);
        assertEquals(List.of("REAWAKENING"), kinds(back));
        assertEquals(Severity.INFO, back.get(0).severity());
        assertEquals("Taiwan is back in the news after 5 quiet days: \"Story 3\".", back.get(0).explanation());
        assertEquals(List.of(), kinds(t.add(T0.plus(Duration.ofDays(10)).plusSeconds(60), 0.1, 0.1)));
    }
}
