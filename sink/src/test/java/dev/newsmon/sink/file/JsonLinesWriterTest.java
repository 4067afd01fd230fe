package dev.newsmon.sink.file;

import static dev.newsmon.sink.TestAlerts.alert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.common.Json;
import dev.newsmon.common.Severity;
import dev.newsmon.sink.TestAlerts.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesWriterTest {
    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-10-03T23:59:58Z"));

    @Test
    void writesOneJsonLinePerAlertToTheUtcDayFile() throws Exception {
        try (JsonLinesWriter w = JsonLinesWriter.open(dir, clock)) {
            assertTrue(w.append(alert("a1", "chips", Severity.WARNING)));
            assertTrue(w.append(alert("a2", "taiwan", Severity.CRITICAL)));
            assertEquals(0, JsonLinesWriter.files(dir).size(), "nothing reaches disk before flush");
            assertEquals(2, w.flush());
        }
        List<String> lines = Files.readAllLines(dir.resolve("2026-10-03.jsonl"));
        assertEquals(2, lines.size());
        JsonNode first = Json.MAPPER.readTree(lines.get(0));
        assertEquals("a1", first.get("id").asText());
        assertEquals("warning", first.get("severity").asText());
    }

    @Test
    void rotatesAtUtcMidnight() throws Exception {
        try (JsonLinesWriter w = JsonLinesWriter.open(dir, clock)) {
            w.append(alert("before", "chips", Severity.INFO));
            w.flush();
            clock.advance(Duration.ofSeconds(5));
            w.append(alert("after", "chips", Severity.INFO));
            w.flush();
        }
        assertEquals(List.of("before"), ids(dir.resolve("2026-10-03.jsonl")));
        assertEquals(List.of("after"), ids(dir.resolve("2026-10-04.jsonl")));
    }

    @Test
    void refusesIdsAlreadyWrittenInThisOrAnEarlierRun() throws Exception {
        try (JsonLinesWriter w = JsonLinesWriter.open(dir, clock)) {
            assertTrue(w.append(alert("a1", "chips", Severity.INFO)));
            assertFalse(w.append(alert("a1", "chips", Severity.INFO)), "same id twice in one batch");
            w.flush();
        }
        clock.advance(Duration.ofDays(1)); // a restart on another day must still know yesterday's ids
        try (JsonLinesWriter w = JsonLinesWriter.open(dir, clock)) {
            assertEquals(1, w.indexedIds());
            assertFalse(w.append(alert("a1", "chips", Severity.INFO)));
            assertTrue(w.append(alert("a2", "chips", Severity.INFO)));
            w.flush();
        }
        assertEquals(2, JsonLinesWriter.files(dir).size());
    }

    @Test
    void repairsALineTornByAKillMidWrite() throws Exception {
        try (JsonLinesWriter w = JsonLinesWriter.open(dir, clock)) {
            w.append(alert("whole", "chips", Severity.INFO));
            w.flush();
        }
        Path file = dir.resolve("2026-10-03.jsonl");
        String torn = Json.MAPPER.writeValueAsString(alert("torn", "chips", Severity.INFO));
        Files.writeString(file, torn.substring(0, torn.length() / 2), StandardOpenOption.APPEND);

        try (JsonLinesWriter w = JsonLinesWriter.open(dir, clock)) {
            assertFalse(w.contains("torn"), "half a record is not a delivery");
            assertTrue(w.append(alert("torn", "chips", Severity.INFO)), "so the re-read alert is written again");
            w.flush();
        }
        assertEquals(List.of("whole", "torn"), ids(file));
        assertTrue(Files.readString(file).endsWith("\n"));
    }

    @Test
    void tailReturnsTheLastAlertsOldestFirstAcrossDays() throws Exception {
        try (JsonLinesWriter w = JsonLinesWriter.open(dir, clock)) {
            for (int i = 0; i < 5; i++) {
                w.append(alert("x" + i, "chips", Severity.INFO));
                w.flush();
                clock.advance(Duration.ofSeconds(1)); // crosses midnight after x1
            }
            assertEquals(List.of("x2", "x3", "x4"), w.tail(3).stream().map(a -> a.id()).toList());
        }
    }

    @Test
    void aSecondSinkOnTheSameDirectoryIsRefusedUntilTheFirstCloses() {
        JsonLinesWriter first = JsonLinesWriter.open(dir, clock);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> JsonLinesWriter.open(dir, clock));
        assertTrue(e.getMessage().contains("in use by another running sink"), e.getMessage());
        first.close();
        JsonLinesWriter.open(dir, clock).close();
    }

    @Test
    void aSinkThatMayShareReadsTheOwnersIdsAndWritesNothing() throws Exception {
        try (JsonLinesWriter owner = JsonLinesWriter.open(dir, clock)) {
            owner.append(alert("a1", "chips", Severity.WARNING));
            owner.flush();
            try (JsonLinesWriter reader = JsonLinesWriter.open(dir, clock, true)) {
                assertFalse(reader.owner());
                assertFalse(reader.append(alert("a1", "chips", Severity.WARNING)), "known id is a duplicate");
                assertTrue(reader.append(alert("a2", "chips", Severity.WARNING)));
                assertEquals(0, reader.flush());
                assertFalse(reader.append(alert("a2", "chips", Severity.WARNING)), "seen in this run");
            }
            assertTrue(owner.owner());
        }
        assertEquals(List.of("a1"), ids(dir.resolve("2026-10-03.jsonl")));
    }

    static List<String> ids(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(l -> {
                    try {
                        return Json.MAPPER.readTree(l).get("id").asText();
                    } catch (Exception e) {
                        throw new AssertionError("not JSON: " + l, e);
                    }
                }).toList();
    }
}
