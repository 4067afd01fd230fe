package dev.newsmon.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsmon.common.Alert;
import dev.newsmon.common.Article;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reordering inside the grace period does not change which alerts go out. Alerts fire immediately, so the claim is
 * for reorderings that keep the decisive story in its hour; the ids come from theme, kind and window, not arrival.
 */
class OutOfOrderTest {
    static final Instant DAY0 = Instant.parse("2026-09-01T00:00:00Z");

    static Article at(String id, String[] story, int day, int hour, int minute) {
        return TopologyFixture.article(id, story[0], TopologyFixture.distinct(story[1], id),
                DAY0.plus(Duration.ofDays(day)).plus(Duration.ofHours(hour)).plus(Duration.ofMinutes(minute)));
    }

    static List<Article> ordered() {
        List<Article> list = new ArrayList<>();
        for (int d = 0; d < 14; d++) {
            list.add(at("nk-calm-" + d, Stories.NK_HOSPITAL, d, 9, 5));
            list.add(at("tw-calm-" + d, Stories.TAIWAN_ELECTION, d, 9, 35));
        }
        list.add(at("nk-1", Stories.NK_MISSILE, 14, 10, 5));
        list.add(at("nk-2", Stories.NK_MISSILE, 14, 10, 20));
        list.add(at("tw-1", Stories.TAIWAN_DRILLS, 14, 10, 30));
        list.add(at("nk-3", Stories.NK_MISSILE, 14, 10, 40));
        list.add(at("nk-4", Stories.NK_MISSILE, 14, 11, 5));
        list.add(at("tw-calm-20", Stories.TAIWAN_ELECTION, 20, 9, 0));
        return list;
    }

    /** Swaps each pair of days (one day late, inside the 48 h grace) and reverses the decisive hour 10:00-11:00. */
    static List<Article> shuffled() {
        List<Article> o = ordered();
        List<Article> s = new ArrayList<>();
        for (int d = 0; d < 14; d += 2) {
            s.addAll(o.subList(2 * d + 2, 2 * d + 4));
            s.addAll(o.subList(2 * d, 2 * d + 2));
        }
        List<Article> burst = new ArrayList<>(o.subList(28, 32));
        Collections.reverse(burst);
        s.addAll(burst);
        s.addAll(o.subList(32, o.size()));
        return s;
    }

    static List<String> run(List<Article> input) {
        try (TopologyFixture f = new TopologyFixture()) {
            input.forEach(f::send);
            assertEquals(0.0, f.metric("late-records-total"));
            return f.allAlerts().stream().map(a -> a.id() + " " + a.explanation()).toList();
        }
    }

    @Test
    void reorderedInputRaisesTheSameAlerts() {
        assertEquals(ordered().size(), shuffled().size());
        assertTrue(!ordered().equals(shuffled()));
        List<String> inOrder = run(ordered());
        assertTrue(inOrder.stream().anyMatch(s -> s.startsWith("north_korea:tension_spike")), inOrder.toString());
        assertTrue(inOrder.stream().anyMatch(s -> s.startsWith("taiwan:breaking")), inOrder.toString());
        assertTrue(inOrder.stream().anyMatch(s -> s.startsWith("taiwan:reawakening")), inOrder.toString());
        assertEquals(inOrder, run(shuffled()));
    }
}
