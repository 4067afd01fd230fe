package dev.newsmon.app.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsmon.app.broker.EmbeddedBroker;
import dev.newsmon.common.Article;
import dev.newsmon.ingest.ArticleFiles;
import dev.newsmon.processor.classify.Themes;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7 "scale proven locally": two processor instances on a 3-broker cluster (RF 3, min ISR 2, exactly_once_v2),
 * one broker stopped halfway through the corpus, produce exactly the classified articles and alerts of one instance
 * on one broker.
 */
class ScaleOutIT {
    private static final Path SAMPLES = Path.of(System.getProperty("newsmon.samples", "../samples/articles"));
    /** Both set-ups use the same partitioning: what is under test is instances and brokers, not the key spread. */
    private static final int PARTITIONS = 4;
    private static final List<String> THEMES = Themes.loadDefault().names();

    @TempDir
    Path dir;

    /*
     * Alerts fire as articles arrive, so any interleaving of articles changes what the signal rules see when.
     * To compare like with like, both set-ups get the corpus in event-time order and each article is fully
     * processed (no backlog on news.articles or the repartition topics) before the next is sent. The two run side
     * by side, article by article, so the test takes one paced pass instead of two.
     */
    @Test
    void twoInstancesOnThreeBrokersWithOneStoppedMatchOneInstanceOnOneBroker() throws Exception {
        // Read once: ingest stamps `ingested` with the clock, and both set-ups must get identical records.
        List<Article> corpus = ArticleFiles.read(SAMPLES).stream()
                .sorted(Comparator.comparing(Article::eventTime).thenComparing(Article::id))
                .toList();
        assertTrue(corpus.size() >= 30, "sample corpus has " + corpus.size() + " articles");
        long start = System.nanoTime();
        Outputs expected;
        Outputs actual;
        try (Deployment reference = Deployment.start("it-scale-reference", dir, 1, 1, PARTITIONS, THEMES);
             Deployment scaled = Deployment.start("it-scale-out", dir, 3, 2, PARTITIONS, THEMES)) {
            int tasks = reference.awaitTasksShared(-1);
            scaled.awaitTasksShared(tasks);
            long started = System.nanoTime();
            int half = corpus.size() / 2;
            EmbeddedBroker stopped = null;
            for (int i = 0; i < corpus.size(); i++) {
                if (i == half) {
                    long t = System.nanoTime();
                    stopped = scaled.stopGroupCoordinator();
                    System.out.printf("ScaleOutIT: stopped broker %d (the group coordinator) after %d of %d articles"
                            + " in %d ms%n", stopped.nodeId(), half, corpus.size(), (System.nanoTime() - t) / 1_000_000);
                }
                reference.send(corpus.get(i));
                scaled.send(corpus.get(i));
                reference.awaitDrained();
                scaled.awaitDrained();
            }
            long fed = System.nanoTime();
            scaled.assertReplicatedWithout(stopped.nodeId());
            List<Double> processed = scaled.processedPerInstance();
            assertTrue(processed.stream().allMatch(n -> n > 0), "an instance processed nothing: " + processed);
            expected = reference.outputs(THEMES);
            actual = scaled.outputs(THEMES);
            System.out.printf("ScaleOutIT: %d tasks; start-up %d ms, paced feed %d ms (reference: %s; scaled: %s);"
                            + " records processed per scaled instance %s%n", tasks, (started - start) / 1_000_000,
                    (fed - started) / 1_000_000, reference.feedTimings(), scaled.feedTimings(), processed);
        }
        System.out.printf("ScaleOutIT: classified %d ids (%d records), %d alerts, %d dead letters in the reference;"
                        + " %d ids (%d records), %d alerts, %d dead letters scaled; %d ms in all%n",
                expected.classified().size(), expected.classifiedRecords(), expected.alertCount(),
                expected.deadLetters(), actual.classified().size(), actual.classifiedRecords(), actual.alertCount(),
                actual.deadLetters(), (System.nanoTime() - start) / 1_000_000);

        String diff = Outputs.diff(expected, actual);
        assertEquals("", diff, "scaled run differs from the single-instance run:" + diff);
        assertEquals(expected.classifiedRecords(), actual.classifiedRecords(), "records on news.classified");
        assertEquals(expected.deadLetters(), actual.deadLetters(), "records on news.dlq");
        assertFalse(expected.classified().isEmpty(), "the reference run classified nothing");
        assertFalse(expected.alerts().isEmpty(), "the reference run raised no alert: nothing to compare");
        // The corpus has no exact repeats, so every article must come out; a short count means the drain lied.
        assertEquals(List.of(), corpus.stream().map(Article::id)
                .filter(id -> !expected.classified().containsKey(id)).toList(), "articles missing from news.classified");
    }
}
