package dev.newsmon.processor.classify;

import dev.newsmon.common.Article;
import dev.newsmon.common.ClassifiedArticle;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConcurrencyTest {
    @Test
    void oneClassifierSharedByThreadsGivesTheSameResultsAsOneThread() throws Exception {
        Classifier classifier = new Classifier(Themes.loadDefault());
        List<Article> articles = List.of(
                Articles.of("Beijing warns Seoul over chip alliance", "China warned South Korea that joining the "
                        + "US-led chip alliance would hurt ties. Samsung and SK Hynix run memory chip plants in China."),
                Articles.of("Pyongyang fires missile", "North Korea fired a ballistic missile. Seoul and Tokyo "
                        + "condemned the launch, and Beijing called for restraint on the Korean Peninsula."),
                Articles.of("Short", "Nothing to see."),
                Articles.of("Leaders to meet", "China, Japan and South Korea will hold a trilateral summit. "
                        + "The three countries pledged closer cooperation."));
        List<ClassifiedArticle> expected = articles.stream().map(classifier::classify).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<ClassifiedArticle>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    List<ClassifiedArticle> last = null;
                    for (int round = 0; round < 200; round++) {
                        last = articles.stream().map(classifier::classify).toList();
                    }
                    return last;
                }));
            }
            for (Future<List<ClassifiedArticle>> f : futures) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
