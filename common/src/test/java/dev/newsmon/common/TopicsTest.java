package dev.newsmon.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void alertTopicDerivesFromThemeAndBack() {
        String topic = Topics.alerts("north_korea");
        assertEquals("news.alerts.north_korea", topic);
        assertEquals("north_korea", Topics.themeOf(topic));
    }

    @Test
    void patternMatchesAlertTopicsOnly() {
        assertTrue(Topics.ALERTS_PATTERN.matcher("news.alerts.chips").matches());
        assertFalse(Topics.ALERTS_PATTERN.matcher(Topics.FAILED_DELIVERIES).matches());
        assertFalse(Topics.ALERTS_PATTERN.matcher("news.alertsXchips").matches());
        assertNull(Topics.themeOf(Topics.SIGNALS));
    }

    @Test
    void themeNamesThatWouldMakeOddTopicNamesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Topics.alerts("North Korea"));
        assertThrows(IllegalArgumentException.class, () -> Topics.alerts("a.b"));
    }
}
