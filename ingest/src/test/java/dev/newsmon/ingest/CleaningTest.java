package dev.newsmon.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsmon.common.Article;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CleaningTest {

    private static Article only(String fixture) {
        List<Article> articles = ArticleFiles.read(Fixtures.path(fixture));
        assertEquals(1, articles.size());
        return articles.get(0);
    }

    @Test
    void wireStoryLosesMostReadBlocksReadMoreAdsAndFurniture() {
        Article a = only("scraped-wire.txt");
        assertEquals("Seoul and Beijing Agree to Resume Port Talks After Long Pause", a.title());
        String body = a.body();
        for (String junk : List.of("[ad_", "Most Read", "Read More", "Rainy Season", "Harbour Cranes",
                "River Freight", "Harbour Pilot", "With assistance", "(Updates with", "\u00a9")) {
            assertFalse(body.contains(junk), () -> "body still contains '" + junk + "':\n" + body);
        }
        assertTrue(body.startsWith("(Lantern Wire) -- Negotiators"));
        assertTrue(body.contains("The talks, suspended for two years"));
        assertTrue(body.endsWith("steady relations."), body);
        // One line per paragraph in, one blank line between paragraphs out.
        assertEquals(4, body.split("\n\n").length, body);
        assertEquals("Lantern Wire", a.source());
    }

    @Test
    void blogPostLosesRepeatedCaptionsCommentPromptsAndByline() {
        Article a = only("scraped-blog.txt");
        assertEquals("Ministers pledge closer research ties at Incheon forum", a.title());
        String body = a.body();
        for (String junk : List.of("Photo:", "Related coverage", "By Mina Park", "Read More", "Leave a",
                "Source link", "Published:", "[ad_1]")) {
            assertFalse(body.contains(junk), () -> "body still contains '" + junk + "':\n" + body);
        }
        assertEquals("The science ministers of the two countries signed a memorandum on joint laboratories on Monday."
                + "\n\nUnder the memorandum, each side will fund twenty researcher exchanges a year."
                + "\nIt also sets up a working group on data sharing.", body);
        assertEquals(Instant.parse("2025-03-03T10:15:00Z"), a.published());
    }

    @Test
    void titleRepeatedUnderItselfIsDropped() {
        Article a = new ArticleAssembler(1 << 20, null).assemble(
                dev.newsmon.ingest.read.Draft.scraped("t.txt",
                        "Headline here\n\nHeadline here\n\nFirst paragraph of the story, which is about ports.\n"),
                Instant.EPOCH, Problems.STRICT);
        assertEquals("First paragraph of the story, which is about ports.", a.body());
    }

    @Test
    void aStoryLineThatHappensToStartWithByIsKept() {
        Article a = new ArticleAssembler(1 << 20, null).assemble(
                dev.newsmon.ingest.read.Draft.scraped("t.txt",
                        "Headline\nBy Monday, the two sides had agreed on a text.\nBy contrast, trade grew.\n"),
                Instant.EPOCH, Problems.STRICT);
        assertEquals("By Monday, the two sides had agreed on a text.\n\nBy contrast, trade grew.", a.body());
    }
}
