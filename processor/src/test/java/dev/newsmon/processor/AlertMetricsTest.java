package dev.newsmon.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsmon.common.Alert;
import dev.newsmon.common.Article;
import dev.newsmon.processor.alerts.AlertRules;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The alert counters per theme and kind, the ingest-to-alert latency and the validation dead-letter count. */
class AlertMetricsTest {
    static final Instant T = Instant.parse("2026-10-05T10:00:00Z");

    /** 0 ms: the alert leaves with the triggering record (header); 250 ms: from the reorder buffer's punctuator. */
    @ParameterizedTest
    @ValueSource(longs = {0, 250})
    void countsAlertsPerThemeAndKindAndTimesThemFromIngest(long holdMs) {
        try (TopologyFixture f = new TopologyFixture(AlertRules.loadDefault(), Duration.ofMillis(holdMs))) {
            // The driver's mocked wall clock starts at the real time of its creation, a little before now.
            Instant ingested = Instant.now().minus(Duration.ofHours(1));
            f.send(new Article("ingested-" + holdMs, "https://news.example/a", "example", Stories.TAIWAN_DRILLS[0],
                    Stories.TAIWAN_DRILLS[1], T, ingested, "en"));
            f.advance(Duration.ofSeconds(1));
            List<Alert> fired = f.alerts("taiwan");
            assertEquals(List.of("BREAKING"), fired.stream().map(Alert::kind).toList());

            assertEquals(1.0, tagged(f, "alerts-total", "taiwan", "BREAKING"));
            assertEquals(0.0, tagged(f, "alerts-total", "taiwan", "SHIFT"), "no series for kinds never raised");
            assertEquals(1.0, f.metric("publish-to-alert-total"));
            double ms = f.metric("publish-to-alert-latency-ms-total");
            assertTrue(Math.abs(ms - 3_600_000) < 300_000, "ingested an hour before the alert: " + ms);
            assertEquals(ms, f.metric("publish-to-alert-latency-last"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{not json", "{\"id\":\"x\"}"})
    void countsValidationDeadLetters(String bad) {
        try (TopologyFixture f = new TopologyFixture()) {
            f.sendRaw("x", bad, T);
            assertEquals(1, f.dlq.readValuesToList().size());
            assertEquals(1.0, f.metric("dead-letters-total"));
        }
    }

    private static double tagged(TopologyFixture f, String name, String theme, String kind) {
        return f.driver.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals(name) && theme.equals(e.getKey().tags().get("theme"))
                        && kind.equals(e.getKey().tags().get("kind")))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .sum();
    }
}
