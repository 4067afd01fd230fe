package dev.newsmon.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsmon.common.ThemeSignal;
import dev.newsmon.processor.alerts.AlertRules;
import dev.newsmon.processor.signals.SignalSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

/** Windows in event time through the topology: grace, the late metric, and dyad subjects. */
class SignalWindowsTest {
    static final Instant T = Instant.parse("2026-10-05T08:10:00Z");

    static AlertRules withGrace(Duration grace) {
        AlertRules d = AlertRules.loadDefault();
        SignalSettings s = d.signals();
        return new AlertRules(new SignalSettings(s.window(), s.hop(), s.baselineDays(), grace, s.minDeviation(),
                s.dyads()), d.tensionSpike(), d.cooperationSurge(), d.shift(), d.breaking(), d.reawakening());
    }

    @Test
    void lateRecordInsideGraceCountsAndOneOutsideIsOnlyCountedInTheLateMetric() {
        try (TopologyFixture f = new TopologyFixture(withGrace(Duration.ofHours(6)))) {
            f.send(Stories.NK_HOSPITAL, T);
            f.send(Stories.NK_HOSPITAL, T.plus(Duration.ofHours(10)));
            assertEquals(2, last(f).stories());

            f.send(Stories.NK_MISSILE, T.plus(Duration.ofHours(5))); // 5 h behind stream time: inside 6 h grace
            ThemeSignal s = last(f);
            // Judged in its own window (ends 14:00), which holds the 08:10 story but not the later 18:10 one.
            assertEquals(2, s.stories());
            assertEquals(Instant.parse("2026-10-05T14:00:00Z"), s.windowEnd(), "the late article's own window");
            assertTrue(s.meanTension() > 0.1, "the late article's tension counts: " + s.meanTension());
            assertEquals(0.0, f.metric("late-records-total"));

            f.send(Stories.NK_MISSILE, T.minus(Duration.ofHours(1))); // 11 h behind: outside grace
            assertTrue(f.signals.isEmpty(), "no signal for a record outside grace");
            assertEquals(1.0, f.metric("late-records-total"));
            assertEquals(4, f.classified.readValuesToList().size(), "late records are still classified");

            f.send(Stories.NK_HOSPITAL, T.plus(Duration.ofHours(11)));
            assertEquals(4, last(f).stories(), "the record outside grace never entered a window");
        }
    }

    @Test
    void windowHopsHourlyAndForgetsStoriesOlderThanItsLength() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.send(Stories.NK_HOSPITAL, T);
            f.send(Stories.NK_HOSPITAL, T.plus(Duration.ofHours(23)));
            ThemeSignal s = last(f);
            assertEquals(2, s.stories());
            assertEquals(Instant.parse("2026-10-05T08:00:00Z"), s.windowStart());
            assertEquals(Instant.parse("2026-10-06T08:00:00Z"), s.windowEnd());

            f.send(Stories.NK_HOSPITAL, T.plus(Duration.ofHours(24)));
            ThemeSignal next = last(f);
            assertEquals(2, next.stories(), "the first story left the window an hour later");
            assertEquals(1, next.baselineStories(), "and moved into the baseline");
        }
    }

    @Test
    void theChinaSouthKoreaDyadHasItsOwnSignal() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.send(Stories.SUMMIT_PLANS, T);
            List<KeyValue<String, ThemeSignal>> out = f.signals.readKeyValuesToList();
            KeyValue<String, ThemeSignal> dyad = out.stream()
                    .filter(kv -> kv.key.equals("dyad:china>south_korea")).findFirst().orElseThrow(
                            () -> new AssertionError("no dyad signal in " + out));
            assertEquals(dyad.key, dyad.value.subject());
            assertEquals(1, dyad.value.stories());
            assertTrue(dyad.value.meanCooperation() > 0, dyad.value.toString());
            assertTrue(out.stream().anyMatch(kv -> kv.key.equals("trilateral_summit")));
        }
    }

    private static ThemeSignal last(TopologyFixture f) {
        List<KeyValue<String, ThemeSignal>> out = f.signals.readKeyValuesToList();
        return out.stream().filter(kv -> kv.key.equals("north_korea")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no north_korea signal in " + out)).value;
    }
}
