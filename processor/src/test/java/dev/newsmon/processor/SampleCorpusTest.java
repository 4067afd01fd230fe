package dev.newsmon.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsmon.common.Alert;
import dev.newsmon.common.Article;
import dev.newsmon.ingest.ArticleFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The bundled sample corpus, read as ingest reads it and sent in file order, alerts on every theme. */
class SampleCorpusTest {
    static final Path CORPUS = Path.of("..", "samples", "articles");

    @Test
    void everyThemeAlertsOnTheSampleCorpus() {
        List<Article> corpus = ArticleFiles.read(CORPUS);
        assertTrue(corpus.size() >= 30, "corpus has " + corpus.size() + " articles");
        try (TopologyFixture f = new TopologyFixture()) {
            corpus.forEach(f::send);
            List<Alert> alerts = f.allAlerts();
            alerts.forEach(a -> System.out.println("corpus alert " + a.id() + " | " + a.explanation()));
            Map<String, List<String>> byTheme = alerts.stream().collect(Collectors.groupingBy(Alert::theme,
                    TreeMap::new, Collectors.mapping(Alert::kind, Collectors.toList())));
            for (String theme : TopologyFixture.THEMES.names()) {
                assertFalse(byTheme.getOrDefault(theme, List.of()).isEmpty(), "no alert on " + theme + ": " + byTheme);
            }
            assertEquals(0.0, f.metric("late-records-total"), "the corpus is in publication order");
            assertTrue(f.dlq.isEmpty(), "every sample article is valid");
            List<String> copies = f.classified.readValuesToList().stream().filter(c -> c.duplicateOf() != null)
                    .map(c -> c.title() + " -> " + c.duplicateOf()).toList();
            assertEquals(1, copies.size(), "034 is the corpus's one syndicated copy (of 033): " + copies);
        }
    }
}
