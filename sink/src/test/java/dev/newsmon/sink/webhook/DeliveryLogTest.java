package dev.newsmon.sink.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryLogTest {
    @TempDir
    Path dir;

    @Test
    void remembersFinishedIdsAcrossRestartsAndIgnoresATornLine() throws Exception {
        Path file = dir.resolve("sub/delivered");
        try (DeliveryLog log = new DeliveryLog(file)) {
            log.record(List.of("a", "tab\there\nand newline"), "delivered");
            log.record(List.of("b"), "failed");
        }
        Files.writeString(file, "half-writ", StandardOpenOption.APPEND);
        try (DeliveryLog log = new DeliveryLog(file)) {
            assertTrue(log.contains("a"));
            assertTrue(log.contains("tab\there\nand newline"));
            assertTrue(log.contains("b"), "handed off counts as finished too");
            assertFalse(log.contains("half-writ"));
            log.record(List.of("c"), "delivered");
        }
        assertEquals(4, Files.readAllLines(file).size(), "the torn tail was cut before appending");
        try (DeliveryLog log = new DeliveryLog(file)) {
            assertTrue(log.contains("c"));
        }
    }
}
