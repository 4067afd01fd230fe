package dev.newsmon.processor.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.newsmon.common.Article;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArticleValidatorTest {
    final ArticleValidator v = new ArticleValidator();
    static final Instant T = Instant.parse("2026-10-01T00:00:00Z");

    static Article a(String id, String title, String body, Instant published, Instant ingested) {
        return new Article(id, null, null, title, body, published, ingested, "en");
    }

    @Test
    void acceptsAMinimalArticleWithOrWithoutKey() {
        assertNull(v.problem("a", a("a", "t", "b", null, null)));
        assertNull(v.problem(null, a("a", "t", "b", T, T)));
    }

    @Test
    void namesWhatIsWrong() {
        assertEquals("missing id", v.problem(null, a(" ", "t", "b", null, null)));
        assertEquals("missing title", v.problem("a", a("a", null, "b", null, null)));
        assertEquals("missing body", v.problem("a", a("a", "t", "", null, null)));
        assertEquals("record key 'b' is not the article id 'a'", v.problem("b", a("a", "t", "b", null, null)));
        assertEquals("published 1970-01-01T00:00:00Z is before 1990-01-01T00:00:00Z",
                v.problem("a", a("a", "t", "b", Instant.EPOCH, null)));
        assertEquals("published 2026-10-05T00:00:00Z is more than 2 days after ingested 2026-10-01T00:00:00Z",
                v.problem("a", a("a", "t", "b", T.plusSeconds(4 * 86400), T)));
        assertEquals("body has 200001 characters, over the 200000 limit",
                v.problem("a", a("a", "t", "x".repeat(200_001), null, null)));
    }
}
