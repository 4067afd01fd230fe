package dev.newsmon.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsmon.common.Severity;
import dev.newsmon.sink.webhook.WebhookFormat;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SinkCommandTest {
    static SinkConfig parse(String... args) {
        SinkCommand cmd = new SinkCommand();
        new CommandLine(cmd).parseArgs(args);
        return cmd.config();
    }

    @Test
    void defaults() {
        SinkConfig c = parse();
        // The build runs without these variables; a developer's shell could set them, so say so.
        if (System.getenv("NEWSMON_SINK_GROUP") == null && System.getenv("NEWSMON_ALERTS_DIR") == null) {
            assertEquals("newsmon-sink", c.groupId());
            assertEquals(Path.of("alerts"), c.alertsDir());
        }
        assertEquals(AlertFilter.ALL, c.filter());
        assertTrue(c.console());
        assertNull(c.webhook());
        assertEquals(Duration.ofMinutes(10), c.webhookGiveUp());
        assertEquals(50, c.atomSize());
        assertNull(c.digest());
    }

    @Test
    void everyOption() {
        SinkConfig c = parse("--bootstrap-servers", "b:9093", "--group-id", "g", "--alerts-dir", "/tmp/x",
                "--themes", "chips,taiwan", "--min-severity", "WARNING", "--webhook", "http://127.0.0.1:1/hook",
                "--webhook-format", "slack", "--webhook-give-up", "90s", "--atom", "feed.xml", "--atom-size", "7",
                "--digest", "1h", "--no-console");
        assertEquals("b:9093", c.kafka().get("bootstrap.servers"));
        assertEquals("g", c.groupId());
        assertEquals(new AlertFilter(Set.of("chips", "taiwan"), Severity.WARNING), c.filter());
        assertEquals(URI.create("http://127.0.0.1:1/hook"), c.webhook());
        assertEquals(WebhookFormat.slack, c.webhookFormat());
        assertEquals(Duration.ofSeconds(90), c.webhookGiveUp());
        assertEquals(Path.of("feed.xml"), c.atomFile());
        assertEquals(7, c.atomSize());
        assertEquals(Duration.ofHours(1), c.digest());
        assertEquals(false, c.console());
    }

    @Test
    void rejectsBadValuesWithAMessage() {
        assertThrows(CommandLine.ParameterException.class, () -> parse("--themes", "Chips!"));
        assertThrows(CommandLine.ParameterException.class, () -> parse("--webhook", "ftp://x/y"));
        assertThrows(CommandLine.ParameterException.class, () -> parse("--digest", "soon"));
        assertThrows(CommandLine.ParameterException.class, () -> parse("--min-severity", "loud"));
        assertThrows(CommandLine.ParameterException.class, () -> parse("--atom-size", "0"));
    }

    @Test
    void helpNamesEveryDefaultAndEnvironmentVariable() {
        String help = new CommandLine(new SinkCommand()).setUsageHelpWidth(400).getUsageMessage();
        for (String s : new String[] {"NEWSMON_SINK_GROUP", "default newsmon-sink", "NEWSMON_ALERTS_DIR",
                "default alerts", "NEWSMON_WEBHOOK_URL", "--webhook-format", "default 10m", "default 50",
                "--digest", "--no-console", "NEWSMON_BOOTSTRAP_SERVERS"}) {
            assertTrue(help.contains(s), "help lacks '" + s + "':\n" + help);
        }
    }
}
