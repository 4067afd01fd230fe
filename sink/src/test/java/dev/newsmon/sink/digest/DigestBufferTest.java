package dev.newsmon.sink.digest;

import static dev.newsmon.sink.TestAlerts.alert;
import static dev.newsmon.sink.TestAlerts.delivery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsmon.common.Severity;
import dev.newsmon.sink.Delivery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DigestBufferTest {
    record Emitted(String theme, Instant start, Instant end, List<String> ids) {
    }

    final List<Emitted> emitted = new ArrayList<>();
    final DigestBuffer.Emitter emitter = (theme, start, end, ds) -> {
        emitted.add(new Emitted(theme, start, end, ds.stream().map(d -> d.alert().id()).toList()));
        return CompletableFuture.completedFuture(null);
    };

    @Test
    void groupsEachThemesAlertsPerWholeHourAndEmitsWhenTheHourEnds() {
        DigestBuffer buffer = new DigestBuffer(Duration.ofHours(1));
        Instant t = Instant.parse("2026-10-03T08:10:00Z");
        CompletableFuture<Void> c1 = buffer.add(d("c1", "chips"), t);
        CompletableFuture<Void> c2 = buffer.add(d("c2", "chips"), t.plusSeconds(600));
        CompletableFuture<Void> t1 = buffer.add(d("t1", "taiwan"), t.plusSeconds(700));
        CompletableFuture<Void> c3 = buffer.add(d("c3", "chips"), t.plusSeconds(3000)); // 09:00, next hour

        buffer.emitDue(Instant.parse("2026-10-03T08:59:59Z"), emitter);
        assertEquals(List.of(), emitted);
        assertFalse(c1.isDone(), "offsets wait for the digest");

        buffer.emitDue(Instant.parse("2026-10-03T09:00:00Z"), emitter);
        Instant h8 = Instant.parse("2026-10-03T08:00:00Z");
        Instant h9 = Instant.parse("2026-10-03T09:00:00Z");
        assertEquals(List.of(new Emitted("chips", h8, h9, List.of("c1", "c2")),
                new Emitted("taiwan", h8, h9, List.of("t1"))), emitted);
        assertTrue(c1.isDone() && c2.isDone() && t1.isDone());
        assertSame(c1, c2, "one digest, one completion");
        assertFalse(c3.isDone());
        assertEquals(1, buffer.pending());
    }

    @Test
    void aRepeatedIdJoinsItsExistingDigest() {
        DigestBuffer buffer = new DigestBuffer(Duration.ofMinutes(10));
        Instant t = Instant.parse("2026-10-03T08:00:00Z");
        CompletableFuture<Void> first = buffer.add(d("x", "chips"), t);
        assertSame(first, buffer.add(d("x", "chips"), t.plusSeconds(1)));
        buffer.emitDue(t.plusSeconds(600), emitter);
        assertEquals(List.of("x"), emitted.get(0).ids());
    }

    @Test
    void aFailedDeliveryFailsTheAlertsSoTheirOffsetsAreNotCommitted() {
        DigestBuffer buffer = new DigestBuffer(Duration.ofMinutes(1));
        Instant t = Instant.parse("2026-10-03T08:00:00Z");
        CompletableFuture<Void> f = buffer.add(d("x", "chips"), t);
        buffer.emitDue(t.plusSeconds(60), (theme, s, e, ds) -> CompletableFuture.failedFuture(new RuntimeException("down")));
        assertTrue(f.isCompletedExceptionally());
    }

    @Test
    void rejectsPeriodsShorterThanASecond() {
        assertThrows(IllegalArgumentException.class, () -> new DigestBuffer(Duration.ofMillis(10)));
    }

    static Delivery d(String id, String theme) {
        return delivery(alert(id, theme, Severity.WARNING), 0);
    }
}
