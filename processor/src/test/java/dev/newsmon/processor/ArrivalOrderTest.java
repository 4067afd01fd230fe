package dev.newsmon.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsmon.common.Alert;
import dev.newsmon.common.Article;
import dev.newsmon.ingest.ArticleFiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The sample corpus in event-time order, shuffled with bounded skew, and as three interleaved partitions (the
 * way a backfill reaches the processor): the alert ids that go out depend on the data, not on arrival order.
 */
class ArrivalOrderTest {
    static final List<Article> CORPUS = ArticleFiles.read(SampleCorpusTest.CORPUS).stream()
            .sorted(Comparator.comparing(Article::eventTime).thenComparing(Article::id)).toList();
    /** Inside the default 7-day grace, and far more disorder than the 250 ms buffer sees live. */
    static final Duration SKEW = Duration.ofDays(3);

    /** Each article arrives at its event time plus a random delay of up to {@code skew}. */
    static List<Article> skewed(long seed, Duration skew) {
        Random r = new Random(seed);
        record Arrival(Article a, long at) {
        }
        return CORPUS.stream()
                .map(a -> new Arrival(a, a.eventTime().toEpochMilli() + (long) (r.nextDouble() * skew.toMillis())))
                .sorted(Comparator.comparingLong(Arrival::at)).map(Arrival::a).toList();
    }

    /**
     * Round-robin into three ordered partitions, consumed in random chunks of 1 to 6, as one consumer would; a
     * partition more than {@link #SKEW} ahead of the slowest waits, as a backfill inside grace would.
     */
    static List<Article> partitions(long seed) {
        List<List<Article>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < CORPUS.size(); i++) {
            parts.get(i % 3).add(CORPUS.get(i));
        }
        Random r = new Random(seed);
        int[] next = new int[3];
        List<Article> out = new ArrayList<>();
        while (out.size() < CORPUS.size()) {
            int p = r.nextInt(3);
            if (next[p] == parts.get(p).size() || parts.get(p).get(next[p]).eventTime()
                    .isAfter(slowest(parts, next).plus(SKEW))) {
                continue;
            }
            for (int n = 1 + r.nextInt(6); n > 0 && next[p] < parts.get(p).size(); n--) {
                out.add(parts.get(p).get(next[p]++));
            }
        }
        return out;
    }

    private static java.time.Instant slowest(List<List<Article>> parts, int[] next) {
        java.time.Instant min = java.time.Instant.MAX;
        for (int p = 0; p < parts.size(); p++) {
            if (next[p] < parts.get(p).size() && parts.get(p).get(next[p]).eventTime().isBefore(min)) {
                min = parts.get(p).get(next[p]).eventTime();
            }
        }
        return min;
    }

    /** Feeds {@code input}, the mocked wall clock moving {@code gap} per article; returns the alert ids. */
    static Set<String> alertIds(List<Article> input, Duration hold, Duration gap) {
        try (TopologyFixture f = new TopologyFixture(dev.newsmon.processor.alerts.AlertRules.loadDefault(), hold)) {
            for (Article a : input) {
                f.send(a);
                f.advance(gap);
            }
            f.advance(hold.plusSeconds(1));
            assertEquals(0.0, f.metric("late-records-total"), "skew stays inside grace");
            return f.allAlerts().stream().map(Alert::id).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    static Set<String> themes(Set<String> ids) {
        return ids.stream().map(id -> id.substring(0, id.indexOf(':'))).collect(Collectors.toSet());
    }

    @Test
    void inOrderEveryThemeAlerts() {
        Set<String> ordered = alertIds(CORPUS, Duration.ZERO, Duration.ZERO);
        assertEquals(Set.copyOf(TopologyFixture.THEMES.names()), themes(ordered), ordered.toString());
    }

    @Test
    void withoutTheBufferEveryInOrderAlertStillGoesOutWithItsId() {
        Set<String> ordered = alertIds(CORPUS, Duration.ZERO, Duration.ZERO);
        for (long seed = 1; seed <= 4; seed++) {
            List<Article> skewed = skewed(seed, SKEW);
            assertNotEquals(CORPUS, skewed);
            Set<String> got = alertIds(skewed, Duration.ZERO, Duration.ZERO);
            Set<String> extra = new TreeSet<>(got);
            extra.removeAll(ordered);
            System.out.println("seed " + seed + ": extra " + extra);
            assertTrue(got.containsAll(ordered), "seed " + seed + " missed some of " + ordered + ": " + got);
        }
    }

    @Test
    void shuffledWithinGraceGivesTheSameAlertIdsAsInOrder() {
        Set<String> ordered = alertIds(CORPUS, Duration.ZERO, Duration.ZERO);
        for (long seed = 1; seed <= 4; seed++) {
            List<Article> skewed = skewed(seed, SKEW);
            assertNotEquals(CORPUS, skewed);
            assertEquals(ordered, alertIds(skewed, Duration.ofMillis(250), Duration.ofMillis(2)), "seed " + seed);
        }
    }

    @Test
    void threeInterleavedPartitionsGiveTheSameAlertIdsAsInOrder() {
        Set<String> ordered = alertIds(CORPUS, Duration.ZERO, Duration.ZERO);
        for (long seed = 1; seed <= 4; seed++) {
            List<Article> interleaved = partitions(seed);
            assertNotEquals(CORPUS, interleaved);
            assertEquals(ordered, alertIds(interleaved, Duration.ofMillis(250), Duration.ofMillis(2)),
                    "seed " + seed);
        }
    }
}
