package dev.newsmon.sink;

import dev.newsmon.common.Alert;
import dev.newsmon.common.Severity;
import dev.newsmon.sink.digest.AlertDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Plain-text renderings of alerts shared by the console, Slack and Atom writers. */
public final class AlertText {
    private AlertText() {
    }

    /** "taiwan spike: explanation (3 articles)" — one line, no time, no severity. */
    public static String headline(Alert a) {
        StringBuilder s = new StringBuilder().append(a.theme()).append(' ').append(nonNull(a.kind(), "alert"));
        if (a.explanation() != null && !a.explanation().isBlank()) {
            s.append(": ").append(oneLine(a.explanation()));
        }
        int n = a.articles().size();
        if (n > 0) {
            s.append(" (").append(n).append(n == 1 ? " article)" : " articles)");
        }
        return s.toString();
    }

    /** "taiwan digest 2026-11-24T20:00Z..21:00Z: 3 alerts (1 critical, 2 warning)". */
    public static String headline(AlertDigest d) {
        StringBuilder s = new StringBuilder().append(d.theme()).append(" digest ")
                .append(minute(d.periodStart())).append("..").append(minute(d.periodEnd())).append(": ")
                .append(d.alerts().size()).append(d.alerts().size() == 1 ? " alert" : " alerts");
        String sep = " (";
        for (Severity sev : Severity.values()) {
            long c = d.count(sev);
            if (c > 0) {
                s.append(sep).append(c).append(' ').append(sev.wire());
                sep = ", ";
            }
        }
        return sep.equals(", ") ? s.append(')').toString() : s.toString(); // close the "(" if one was opened
    }

    public static String severity(Alert a) {
        return a.severity() == null ? "INFO" : a.severity().name().toUpperCase(Locale.ROOT);
    }

    /** When the alert happened: raisedAt (event time), else the end of its window. */
    public static Instant when(Alert a) {
        return a.raisedAt() != null ? a.raisedAt() : a.windowEnd();
    }

    public static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    private static String minute(Instant t) {
        return t.truncatedTo(ChronoUnit.MINUTES).toString().replace(":00Z", "Z");
    }

    private static String nonNull(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }
}
