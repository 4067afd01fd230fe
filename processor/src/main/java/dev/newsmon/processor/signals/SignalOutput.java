package dev.newsmon.processor.signals;

import dev.newsmon.common.Alert;
import dev.newsmon.common.ThemeSignal;

/** What the signal processor emits: exactly one of a signal update or an alert. */
public record SignalOutput(ThemeSignal signal, Alert alert) {
    public static SignalOutput of(ThemeSignal s) {
        return new SignalOutput(s, null);
    }

    public static SignalOutput of(Alert a) {
        return new SignalOutput(null, a);
    }
}
