package dev.newsmon.sink;

import dev.newsmon.common.Alert;
import dev.newsmon.common.JsonSerde;
import dev.newsmon.common.Topics;
import org.apache.kafka.common.errors.SerializationException;

/** Turns an alert record's bytes into an {@link Alert}, or says in one line why it is not one. */
final class AlertDecoder {
    private static final JsonSerde<Alert> SERDE = JsonSerde.of(Alert.class);

    static final class MalformedAlertException extends Exception {
        MalformedAlertException(String reason) {
            super(reason);
        }
    }

    private AlertDecoder() {
    }

    static Alert decode(String topic, byte[] value) throws MalformedAlertException {
        if (value == null) {
            throw new MalformedAlertException("empty record (null value)");
        }
        Alert a;
        try {
            a = SERDE.deserialize(topic, value);
        } catch (SerializationException e) {
            throw new MalformedAlertException(e.getMessage());
        } catch (RuntimeException e) {
            // e.g. an unknown severity rejected by Severity.parse inside Jackson
            throw new MalformedAlertException("not a valid Alert JSON record on " + topic + ": " + e.getMessage());
        }
        if (a == null) {
            throw new MalformedAlertException("JSON null instead of an alert");
        }
        if (a.id() == null || a.id().isBlank()) {
            throw new MalformedAlertException("alert has no id, so it cannot be de-duplicated");
        }
        if (a.theme() == null || !Topics.THEME_NAME.matcher(a.theme()).matches()) {
            throw new MalformedAlertException("alert " + a.id() + " has no valid theme: " + a.theme());
        }
        if (a.severity() == null) {
            throw new MalformedAlertException("alert " + a.id() + " has no severity");
        }
        return a;
    }
}
