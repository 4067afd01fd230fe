package dev.newsmon.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.newsmon.common.Article;
import dev.newsmon.common.JsonSerde;
import dev.newsmon.ingest.publish.ArticleJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The hand-written Article writer must produce exactly what the contract's serde writes. */
class ArticleJsonTest {
    private static final JsonSerde<Article> SERDE = JsonSerde.of(Article.class);

    @Test
    void writesTheSameBytesAsTheSerdeForFullAndSparseArticles() {
        ArticleJson writer = new ArticleJson();
        Article full = new Article("0123456789abcdef", "https://example.test/a?b=1", "Example Wire",
                "Seoul \"warns\" Beijing", "Line one.\n\nLine two\twith a tab, \u00e9, \u2014, \ud55c\uad6d, \ud83d\ude00 and \\.",
                Instant.parse("2024-05-13T08:00:00Z"), Instant.parse("2026-11-24T22:30:01.123456789Z"), "en");
        Article sparse = new Article("fedcba9876543210", null, null, "Title", "Body\u0001.", null,
                Instant.parse("2026-01-01T00:00:00.100Z"), null);
        StringBuilder everyChar = new StringBuilder();
        for (char c = 0; c < 0x900; c++) {
            everyChar.append(c);
        }
        everyChar.append("\u2028\u2029\u3000\ufeff\uffff \ud55c\uad6d");
        Article allChars = new Article("id", null, null, "t", everyChar.toString(), null,
                Instant.parse("2026-01-01T00:00:00Z"), "ko");
        Article loneSurrogate = new Article("id", null, null, "t", "half \ud800 pair", null,
                Instant.parse("2026-01-01T00:00:00Z"), null);
        for (Article a : new Article[] {full, sparse, allChars, loneSurrogate, full}) {
            assertEquals(new String(SERDE.serialize("t", a), StandardCharsets.UTF_8),
                    new String(writer.write(a), StandardCharsets.UTF_8));
            assertArrayEquals(SERDE.serialize("t", a), writer.write(a));
            if (a != loneSurrogate) {
                assertEquals(a, SERDE.deserialize("t", writer.write(a)));
            }
        }
    }
}
