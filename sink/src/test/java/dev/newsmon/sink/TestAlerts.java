package dev.newsmon.sink;

import dev.newsmon.common.Alert;
import dev.newsmon.common.Severity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Alert fixtures and a settable clock for the sink's unit tests. */
public final class TestAlerts {
    public static final Instant T0 = Instant.parse("2026-10-03T08:15:00Z");

    private TestAlerts() {
    }

    public static Alert alert(String id, String theme, Severity severity) {
        return new Alert(id, theme, "spike", severity, T0.minus(Duration.ofHours(6)), T0,
                Map.of("tensionZ", 3.2), "tension z 3.2 over 5 stories",
                List.of(new Alert.AlertArticle("a1", "Officials trade warnings over chip curbs",
                        "https://example.org/a1", 0.8)),
                List.of("warned"), T0);
    }

    public static Delivery delivery(Alert a, long offset) {
        return new Delivery(a, "news.alerts." + a.theme(), 0, offset);
    }

    /** A clock the test moves by hand. */
    public static final class MutableClock extends Clock {
        private Instant now;

        public MutableClock(Instant start) {
            this.now = start;
        }

        public void set(Instant t) {
            now = t;
        }

        public void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
