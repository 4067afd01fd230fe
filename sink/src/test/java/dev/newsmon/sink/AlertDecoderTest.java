package dev.newsmon.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsmon.common.Json;
import dev.newsmon.common.Severity;
import dev.newsmon.sink.AlertDecoder.MalformedAlertException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AlertDecoderTest {
    static final String TOPIC = "news.alerts.chips";

    @Test
    void decodesAnAlert() throws Exception {
        byte[] json = Json.MAPPER.writeValueAsBytes(TestAlerts.alert("a1", "chips", Severity.CRITICAL));
        assertEquals(TestAlerts.alert("a1", "chips", Severity.CRITICAL), AlertDecoder.decode(TOPIC, json));
    }

    @Test
    void saysWhyARecordIsNotAnAlert() {
        assertReason("{not json", "not a valid Alert JSON record on news.alerts.chips");
        assertReason("{\"theme\":\"chips\",\"severity\":\"info\"}", "no id");
        assertReason("{\"id\":\"x\",\"severity\":\"info\"}", "no valid theme");
        assertReason("{\"id\":\"x\",\"theme\":\"chips\"}", "no severity");
        assertReason("{\"id\":\"x\",\"theme\":\"chips\",\"severity\":\"apocalyptic\"}", "apocalyptic");
        assertReason("null", "JSON null");
        MalformedAlertException e = assertThrows(MalformedAlertException.class, () -> AlertDecoder.decode(TOPIC, null));
        assertTrue(e.getMessage().contains("null value"));
    }

    static void assertReason(String value, String expected) {
        MalformedAlertException e = assertThrows(MalformedAlertException.class,
                () -> AlertDecoder.decode(TOPIC, value.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
