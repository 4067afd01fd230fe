package dev.newsmon.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.newsmon.common.Article;
import dev.newsmon.ingest.id.ArticleIds;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedReaderTest {

    @Test
    void rssItemsBecomeArticlesWithFeedSourceAndDates() {
        List<Article> articles = ArticleFiles.read(Fixtures.path("rss.xml"));
        assertEquals(2, articles.size());
        Article first = articles.get(0);
        assertEquals("Foreign ministers to meet in Busan", first.title());
        assertEquals("The foreign ministers of South Korea and China will meet in Busan next week.\n\n"
                + "They are expected to discuss the trilateral summit & trade.", first.body());
        assertEquals("Harbor Daily World", first.source());
        assertEquals(Instant.parse("2024-05-14T08:00:00Z"), first.published());
        assertEquals(new ArticleIds().fromUrl("https://harbor-daily.test/world/ministers-busan"), first.id());
        assertEquals("en", first.lang());
        Article second = articles.get(1);
        // The date stated in the text wins over the feed's pubDate, and its line leaves the body.
        assertEquals(Instant.parse("2024-05-10T06:30:00Z"), second.published());
        assertEquals("Officials said the talks had been productive and would continue.", second.body());
    }

    @Test
    void atomEntries() {
        Article a = ArticleFiles.read(Fixtures.path("atom.xml")).get(0);
        assertEquals("Leaders trade warnings over missile launch", a.title());
        assertEquals("Officials traded sharp warnings after the launch.", a.body());
        assertEquals("https://peninsula-monitor.test/2024/06/missile-warnings", a.url());
        assertEquals("Peninsula Monitor", a.source());
        assertEquals(Instant.parse("2024-06-02T00:30:00Z"), a.published());
        assertNull(ArticleFiles.read(Fixtures.path("scraped-wire.txt")).get(0).url());
    }
}
