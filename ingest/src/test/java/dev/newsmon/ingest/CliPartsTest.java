package dev.newsmon.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.newsmon.ingest.publish.RunCounts;
import dev.newsmon.ingest.read.Sizes;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CliPartsTest {

    @Test
    void sizesReadTheWayPeopleWriteThem() {
        assertEquals(1024 * 1024, Sizes.parse("1MiB"));
        assertEquals(512 * 1024, Sizes.parse("512k"));
        assertEquals(2_000_000, Sizes.parse("2 MB"));
        assertEquals(100, Sizes.parse("100"));
        assertThrows(IllegalArgumentException.class, () -> Sizes.parse("lots"));
        assertThrows(IllegalArgumentException.class, () -> Sizes.parse("0"));
    }

    @Test
    void formatFromExtensionElseFirstBytes() {
        assertEquals(Format.JSONL, Format.byName("a.ndjson"));
        assertEquals(Format.FEED, Format.byName("world.atom"));
        assertEquals(null, Format.byName("notes.md"));
        byte[] json = "\ufeff  {\"title\":1}".getBytes(StandardCharsets.UTF_8);
        assertEquals(Format.JSONL, Format.sniff(json, json.length));
        byte[] xml = "\n<?xml version='1.0'?>".getBytes(StandardCharsets.UTF_8);
        assertEquals(Format.FEED, Format.sniff(xml, xml.length));
        byte[] text = "Headline\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(Format.TEXT, Format.sniff(text, text.length));
    }

    @Test
    void summarySaysWhatHappened() {
        RunCounts c = new RunCounts();
        c.read.set(5);
        c.alreadyPublished.set(5);
        assertEquals("read 5, published 0, skipped as duplicate 5 (5 published by an earlier run; --force resends), "
                + "failed 0", c.summary());
        c.failed.set(2);
        c.warnings.set(1);
        c.duplicates.set(1);
        assertEquals("read 5, published 0, skipped as duplicate 6 (5 published by an earlier run; --force resends), "
                + "failed 2, warnings 1", c.summary());
    }

    @Test
    void helpShowsDefaultsAndEnvironmentVariables() {
        // Without whitespace, so picocli's line wrapping does not matter.
        String help = new CommandLine(new IngestCommand()).getUsageMessage(CommandLine.Help.Ansi.OFF)
                .replaceAll("\\s+", "");
        for (String expected : new String[] {"--max-body", "NEWSMON_MAX_BODY", "default1MiB", "--state-dir",
                "NEWSMON_STATE_DIR", "default.newsmon", "--watch", "--every", "--format", "--force", "--lang",
                "--bootstrap-servers", "NEWSMON_BOOTSTRAP_SERVERS", "--kafka-config"}) {
            org.junit.jupiter.api.Assertions.assertTrue(help.contains(expected), expected + " missing from:\n" + help);
        }
    }
}
