package dev.newsmon.sink.console;

import static dev.newsmon.sink.TestAlerts.T0;
import static dev.newsmon.sink.TestAlerts.alert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsmon.common.Severity;
import dev.newsmon.sink.digest.AlertDigest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleWriterTest {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void printsOneHumanLinePerAlertOncePerRun() {
        ConsoleWriter console = new ConsoleWriter(out, false);
        assertTrue(console.print(alert("a1", "taiwan", Severity.CRITICAL)));
        assertFalse(console.print(alert("a1", "taiwan", Severity.CRITICAL)));
        List<String> lines = output().lines().toList();
        assertEquals(1, lines.size());
        assertEquals("2026-10-03T08:15:00Z CRITICAL taiwan spike: tension z 3.2 over 5 stories (1 article)",
                lines.get(0));
    }

    @Test
    void coloursSeverityOnlyWhenAskedTo() {
        new ConsoleWriter(out, false).print(alert("a1", "chips", Severity.WARNING));
        assertFalse(output().contains("\u001b["), "no escape codes when not on a terminal");
        bytes.reset();
        new ConsoleWriter(out, true).print(alert("a1", "chips", Severity.WARNING));
        assertTrue(output().contains("\u001b[33mWARNING"));
        assertTrue(output().contains("\u001b[0m"));
    }

    @Test
    void digestIsOneMessageWithAHeaderAndTheAlertsNotShownYet() {
        ConsoleWriter console = new ConsoleWriter(out, false);
        console.print(alert("seen", "chips", Severity.INFO));
        bytes.reset();
        console.print(new AlertDigest("chips", T0, T0.plus(Duration.ofHours(1)), List.of(
                alert("seen", "chips", Severity.INFO), alert("d1", "chips", Severity.CRITICAL),
                alert("d2", "chips", Severity.WARNING))));
        List<String> lines = output().lines().toList();
        assertEquals(3, lines.size(), output());
        assertEquals("DIGEST   chips digest 2026-10-03T08:15Z..2026-10-03T09:15Z: 2 alerts (1 warning, 1 critical)",
                lines.get(0));
        assertTrue(lines.get(1).startsWith("    2026-10-03T08:15:00Z CRITICAL chips spike"));
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
