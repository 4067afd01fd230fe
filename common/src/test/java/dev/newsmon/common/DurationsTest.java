package dev.newsmon.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsTheWayPeopleWriteThem() {
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofSeconds(30), Durations.parse(" 30s "));
        assertEquals(Duration.ofMinutes(15), Durations.parse("15m"));
        assertEquals(Duration.ofHours(2), Durations.parse("2h"));
        assertEquals(Duration.ofDays(1), Durations.parse("1d"));
        assertEquals(Duration.ofHours(2), Durations.parse("PT2H"));
        assertEquals(Duration.ofDays(7), Durations.parse("P7D"));
    }

    @Test
    void rejectsNonsenseAndNonPositiveWithOneLine() {
        for (String bad : new String[] {"soon", "", "5x", "ms", "P"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("not a duration"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("0s"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("PT-1S"));
    }

    @Test
    void formatsBackToTheShortForm() {
        assertEquals("10m", Durations.format(Duration.ofMinutes(10)));
        assertEquals("1d", Durations.format(Duration.ofDays(1)));
        assertEquals("300ms", Durations.format(Duration.ofMillis(300)));
        assertEquals("90s", Durations.format(Duration.ofSeconds(90)));
    }
}
